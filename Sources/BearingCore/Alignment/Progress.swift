/// Where a goal's progress comes from (SPEC §1.2).
public enum ProgressSource: String, Sendable, Hashable, Codable {
    case explicit
    case keyResults = "key_results"
    case children
    case unknown
}

/// A goal's progress 0…1 with its source; `value` is nil when unknown (never shown as 0).
public struct GoalProgress: Sendable, Hashable {
    public var value: Double?
    public var source: ProgressSource
}

extension KnowledgeBase {
    /// A goal's progress 0…1 with its source: explicit `progress`; else the mean of its key results'
    /// progress; else the mean of its children's; else unknown. Key results and children whose
    /// progress is unknown are left out of the means; a goal met again in its own ancestry (a cycle) is unknown.
    public func goalProgress(of goal: Document) -> GoalProgress {
        guard let index = index(of: goal.id) else { return GoalProgress(value: nil, source: .unknown) }
        var memo: [Int: GoalProgress] = [:]
        var visiting = Set<Int>()
        return goalProgress(at: index, memo: &memo, visiting: &visiting).progress
    }

    /// The progress of every goal, by id: the same values as `goalProgress(of:)`, each computed once.
    public func goalProgressTable() -> [String: GoalProgress] {
        var memo: [Int: GoalProgress] = [:]
        var visiting = Set<Int>()
        var table: [String: GoalProgress] = [:]
        for index in documents.indices where documents[index].type == .goal {
            table[documents[index].id] = goalProgress(at: index, memo: &memo, visiting: &visiting).progress
        }
        return table
    }

    /// `cut` is true when a goal met again (a cycle) was left out on the way: such a result depends
    /// on where the walk started, so it is not memoised.
    private func goalProgress(at index: Int, memo: inout [Int: GoalProgress], visiting: inout Set<Int>) -> (progress: GoalProgress, cut: Bool) {
        if let known = memo[index] { return (known, false) }
        guard let details = documents[index].goal, visiting.insert(index).inserted else { return (GoalProgress(value: nil, source: .unknown), true) }
        defer { visiting.remove(index) }
        var result = GoalProgress(value: nil, source: .unknown)
        var cut = false
        if let explicit = details.explicitProgress {
            result = GoalProgress(value: explicit, source: .explicit)
        } else if let mean = Self.mean(details.keyResults.compactMap(\.progress)) {
            result = GoalProgress(value: mean, source: .keyResults)
        } else {
            var childProgress: [Double] = []
            for child in childIndices(of: documents[index].id) {
                let (progress, childCut) = goalProgress(at: child, memo: &memo, visiting: &visiting)
                cut = cut || childCut
                if let value = progress.value { childProgress.append(value) }
            }
            if let mean = Self.mean(childProgress) { result = GoalProgress(value: mean, source: .children) }
        }
        if !cut { memo[index] = result }
        return (result, cut)
    }

    static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
}
