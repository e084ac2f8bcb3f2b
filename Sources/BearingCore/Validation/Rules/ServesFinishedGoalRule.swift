/// W: an unfinished item all of whose goals are finished (achieved, missed, dropped).
struct ServesFinishedGoalRule: Rule {
    static let id = RuleID.servesFinishedGoal

    func check(_ kb: KnowledgeBase, today: Day) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for document in kb.documents where document.type != .note && !kb.isFinished(document) {
            let goals = document.type == .goal
                ? document.targets(.parent).compactMap(kb.document)
                : kb.servedGoals(document)
            guard !goals.isEmpty, goals.allSatisfy(kb.isFinished) else { continue }
            let list = goals.map { "'\($0.id)' (\($0.status))" }.joined(separator: ", ")
            let field = document.type == .goal ? "parent" : "goals"
            diagnostics.append(diagnostic("\(document.type.rawValue) '\(document.id)' is unfinished but serves only finished goals: \(list)",
                                          at: document.location(ofField: field)))
        }
        return diagnostics
    }
}
