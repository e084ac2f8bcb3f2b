/// W: an unfinished brief or decision that serves no goal, directly or through a brief. Only in a KB
/// that has goals: a decision log on its own gets no `orphan` on every record.
struct OrphanRule: Rule {
    static let id = RuleID.orphan

    func check(_ kb: KnowledgeBase, today: Day) -> [Diagnostic] {
        kb.documents.filter { kb.isOrphan($0) }.map { diagnostic("\($0.type.rawValue) '\($0.id)' serves no goal (add 'goals:')", at: $0.location) }
    }
}
