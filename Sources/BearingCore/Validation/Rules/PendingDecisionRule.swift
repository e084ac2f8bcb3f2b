/// W: a decision `proposed` for longer than `pending_after_days` (from its `date`, else `created`).
struct PendingDecisionRule: Rule {
    static let id = RuleID.pendingDecision

    func check(_ kb: KnowledgeBase, today: Day) -> [Diagnostic] {
        kb.documents(ofType: .decision).compactMap { decision in
            guard let days = kb.pendingDays(decision, today: today), let since = decision.decision?.date ?? decision.created else { return nil }
            let field = decision.decision?.date != nil ? "date" : "created"
            return diagnostic("decision '\(decision.id)' has been proposed for \(days) days (since \(since); limit \(kb.configuration.pendingAfterDays))",
                              at: decision.location(ofField: field))
        }
    }
}
