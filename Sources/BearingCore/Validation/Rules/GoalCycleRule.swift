/// E: a goal's `parent` chain leads back to itself. Reported once per cycle, at its first member
/// (by id). Each goal is walked once, so long chains cost no more than short ones.
struct GoalCycleRule: Rule {
    static let id = RuleID.goalCycle

    func check(_ kb: KnowledgeBase, today: Day) -> [Diagnostic] {
        var done = Set<Int>()
        var diagnostics: [Diagnostic] = []
        for start in kb.documents.indices where kb.documents[start].type == .goal && !done.contains(start) {
            var path: [Int] = []
            var onPath: [Int: Int] = [:]  // document index → position in path
            var current: Int? = start
            while let index = current, !done.contains(index) {
                if let position = onPath[index] {
                    diagnostics.append(cycleDiagnostic(Array(path[position...]), in: kb))
                    break
                }
                onPath[index] = path.count
                path.append(index)
                current = kb.documents[index].goal?.parent.flatMap(kb.index(of:))
            }
            done.formUnion(path)
        }
        return diagnostics
    }

    private func cycleDiagnostic(_ cycle: [Int], in kb: KnowledgeBase) -> Diagnostic {
        // Start the cycle at its first member by id (documents are sorted by id).
        let first = cycle.firstIndex(of: cycle.min()!)!
        let ordered = Array(cycle[first...] + cycle[..<first])
        let ids = ordered.map { kb.documents[$0].id }
        let path = (ids + [ids[0]]).joined(separator: " → ")
        return diagnostic("goal parents form a cycle: \(path)", at: kb.documents[ordered[0]].location(ofField: "parent"),
                          related: ordered.dropFirst().map { kb.documents[$0].location(ofField: "parent") })
    }
}
