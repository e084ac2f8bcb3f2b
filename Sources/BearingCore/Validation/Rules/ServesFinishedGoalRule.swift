/// W: an unfinished item all of whose goals are finished (achieved, missed, dropped). Only in a KB
/// that has goals.
struct ServesFinishedGoalRule: DocumentRule {
    static let id = RuleID.servesFinishedGoal
    static let reach = RuleReach.servedGoals

    func check(_ document: Document, at position: Int, in kb: KnowledgeBase, today: Day) -> [Diagnostic] {
        let goals = kb.finishedGoalsServedOnly(by: document, served: kb.servedGoals(at: position))
        guard !goals.isEmpty else { return [] }
        let list = goals.map { "'\($0.id)' (\($0.status))" }.joined(separator: ", ")
        let field = document.type == .goal ? "parent" : "goals"
        return [diagnostic("\(document.type.rawValue) '\(document.id)' is unfinished but serves only finished goals: \(list)",
                           at: document.location(ofField: field))]
    }
}
