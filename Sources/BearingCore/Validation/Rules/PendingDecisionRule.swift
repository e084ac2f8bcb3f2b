/// W: a decision `proposed` for longer than `pending_after_days` (from its `date`, else `created`).
struct PendingDecisionRule: Rule {
    static let id = RuleID.pendingDecision

    func check(_ kb: KnowledgeBase, today: Day) -> [Diagnostic] {
        let limit = kb.configuration.pendingAfterDays
        return kb.documents(ofType: .decision).compactMap { decision in
            guard decision.status == "proposed", let since = decision.decision?.date ?? decision.created else { return nil }
            let days = today.ordinal - since.ordinal
            guard days > limit else { return nil }
            let field = decision.decision?.date != nil ? "date" : "created"
            return diagnostic("decision '\(decision.id)' has been proposed for \(days) days (since \(since); limit \(limit))",
                              at: decision.location(ofField: field))
        }
    }
}
