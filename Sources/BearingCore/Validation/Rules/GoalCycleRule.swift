/// E: a goal's `parent` chain leads back to itself. Reported once per cycle, at its first member.
struct GoalCycleRule: Rule {
    static let id = RuleID.goalCycle

    func check(_ kb: KnowledgeBase, today: Day) -> [Diagnostic] {
        var reported = Set<String>()
        var diagnostics: [Diagnostic] = []
        for goal in kb.documents(ofType: .goal) where !reported.contains(goal.id) {
            var chain: [String] = []
            var current: Document? = goal
            while let document = current, let parent = document.goal?.parent {
                if let start = chain.firstIndex(of: document.id) {
                    let cycle = Array(chain[start...])
                    if !cycle.contains(where: reported.contains) {
                        reported.formUnion(cycle)
                        let first = cycle.min()!
                        let members = cycle.compactMap { kb.document($0) }
                        let at = kb.document(first)!.location(ofField: "parent")
                        let path = (cycle + [cycle[0]]).joined(separator: " → ")
                        diagnostics.append(diagnostic("goal parents form a cycle: \(path)", at: at,
                                                      related: members.filter { $0.id != first }.map { $0.location(ofField: "parent") }))
                    }
                    break
                }
                chain.append(document.id)
                current = kb.document(parent)
            }
        }
        return diagnostics
    }
}
