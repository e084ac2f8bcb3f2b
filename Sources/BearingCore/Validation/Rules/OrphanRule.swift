/// W: an unfinished brief or decision that serves no goal, directly or through a brief. Only in a KB
/// that has goals: a decision log on its own gets no `orphan` on every record.
struct OrphanRule: DocumentRule {
    static let id = RuleID.orphan
    static let reach = RuleReach.servedGoals

    func check(_ document: Document, at position: Int, in kb: KnowledgeBase, today: Day) -> [Diagnostic] {
        guard kb.isOrphan(document, served: kb.servedGoals(at: position)) else { return [] }
        return [diagnostic("\(document.type.rawValue) '\(document.id)' serves no goal (add 'goals:')", at: document.location)]
    }
}
