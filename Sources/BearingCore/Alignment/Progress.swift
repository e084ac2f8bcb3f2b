extension KnowledgeBase {
    /// A goal's progress 0…1 (SPEC §1.2): explicit `progress`; else the mean of its key results'
    /// progress; else the mean of its children's; else nil (unknown — never shown as 0).
    /// Key results and children whose progress is unknown are left out of the means.
    public func progress(of goal: Document) -> Double? {
        var visiting = Set<String>()
        return progress(of: goal, visiting: &visiting)
    }

    private func progress(of goal: Document, visiting: inout Set<String>) -> Double? {
        guard let details = goal.goal, visiting.insert(goal.id).inserted else { return nil }
        defer { visiting.remove(goal.id) }
        if let explicit = details.explicitProgress { return explicit }
        if let mean = Self.mean(details.keyResults.compactMap(\.progress)) { return mean }
        var childProgress: [Double] = []
        for child in children(of: goal.id) {
            if let value = progress(of: child, visiting: &visiting) { childProgress.append(value) }
        }
        return Self.mean(childProgress)
    }

    static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
}
