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
    /// The progress 0…1 of every goal, by id, with its source (SPEC §1.2): explicit `progress`; else
    /// the mean of its key results' progress; else the mean of its children's; else unknown. Key
    /// results and children whose progress is unknown are left out of the means. In a parent cycle,
    /// the child that would close the cycle is left out of its parent's mean. Each goal is computed
    /// once, and the walk keeps its own stack, so no chain of goals can exhaust the thread's.
    public func goalProgressTable() -> [String: GoalProgress] {
        var memo: [Int: GoalProgress] = [:]
        for start in documents.indices where documents[start].type == .goal && memo[start] == nil {
            var stack: [(index: Int, childrenDone: Bool)] = [(start, false)]
            var open = Set<Int>()
            while let (index, childrenDone) = stack.popLast() {
                guard memo[index] == nil, let details = documents[index].goal else { continue }
                if let explicit = details.explicitProgress {
                    memo[index] = GoalProgress(value: explicit, source: .explicit)
                } else if let mean = Self.mean(details.keyResults.compactMap(\.progress)) {
                    memo[index] = GoalProgress(value: mean, source: .keyResults)
                } else if !childrenDone {
                    open.insert(index)
                    stack.append((index, true))
                    for child in childIndices(of: documents[index].id) where memo[child] == nil && !open.contains(child) {
                        stack.append((child, false))
                    }
                } else {
                    open.remove(index)
                    let values = childIndices(of: documents[index].id).compactMap { memo[$0]?.value }
                    memo[index] = Self.mean(values).map { GoalProgress(value: $0, source: .children) } ?? GoalProgress(value: nil, source: .unknown)
                }
            }
        }
        var table: [String: GoalProgress] = [:]
        for (index, progress) in memo { table[documents[index].id] = progress }
        return table
    }

    static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
}
