/// W: an unfinished item all of whose goals are finished (achieved, missed, dropped). Only in a KB
/// that has goals.
struct ServesFinishedGoalRule: Rule {
    static let id = RuleID.servesFinishedGoal

    func check(_ kb: KnowledgeBase, today: Day) -> [Diagnostic] {
        kb.documents.compactMap { document in
            let goals = kb.finishedGoalsServedOnly(by: document)
            guard !goals.isEmpty else { return nil }
            let list = goals.map { "'\($0.id)' (\($0.status))" }.joined(separator: ", ")
            let field = document.type == .goal ? "parent" : "goals"
            return diagnostic("\(document.type.rawValue) '\(document.id)' is unfinished but serves only finished goals: \(list)",
                              at: document.location(ofField: field))
        }
    }
}
