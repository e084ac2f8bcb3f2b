/// W: an unfinished item all of whose goals are finished (achieved, missed, dropped).
struct ServesFinishedGoalRule: Rule {
    static let id = RuleID.servesFinishedGoal

    func check(_ kb: KnowledgeBase, today: Day) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for document in kb.documents where document.type != .note && !kb.isFinished(document) {
            let ids = document.type == .goal ? document.targets(.parent) : kb.servedGoalIDs(document)
            let goals = ids.compactMap(kb.index(of:))
            guard !goals.isEmpty, goals.allSatisfy({ kb.isFinished(kb.documents[$0]) }) else { continue }
            let list = goals.map { "'\(kb.documents[$0].id)' (\(kb.documents[$0].status))" }.joined(separator: ", ")
            let field = document.type == .goal ? "parent" : "goals"
            diagnostics.append(diagnostic("\(document.type.rawValue) '\(document.id)' is unfinished but serves only finished goals: \(list)",
                                          at: document.location(ofField: field)))
        }
        return diagnostics
    }
}
