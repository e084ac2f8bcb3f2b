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
    /// A goal's progress 0…1: explicit `progress`; else the mean of its key results' progress;
    /// else the mean of its children's; else nil. Key results and children whose progress is
    /// unknown are left out of the means. A goal met again in its own ancestry (a cycle) is unknown.
    public func progress(of goal: Document) -> Double? {
        goalProgress(of: goal).value
    }

    public func goalProgress(of goal: Document) -> GoalProgress {
        var visiting = Set<String>()
        return goalProgress(of: goal, visiting: &visiting)
    }

    private func goalProgress(of goal: Document, visiting: inout Set<String>) -> GoalProgress {
        guard let details = goal.goal, visiting.insert(goal.id).inserted else { return GoalProgress(value: nil, source: .unknown) }
        defer { visiting.remove(goal.id) }
        if let explicit = details.explicitProgress { return GoalProgress(value: explicit, source: .explicit) }
        if let mean = Self.mean(details.keyResults.compactMap(\.progress)) { return GoalProgress(value: mean, source: .keyResults) }
        var childProgress: [Double] = []
        for child in children(of: goal.id) {
            if let value = goalProgress(of: child, visiting: &visiting).value { childProgress.append(value) }
        }
        guard let mean = Self.mean(childProgress) else { return GoalProgress(value: nil, source: .unknown) }
        return GoalProgress(value: mean, source: .children)
    }

    static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
}
