/// W: a decision `proposed` for longer than `pending_after_days` since the date it states (`date`);
/// a date from git alone is not enough.
struct PendingDecisionRule: Rule {
    static let id = RuleID.pendingDecision

    func check(_ kb: KnowledgeBase, today: Day) -> [Diagnostic] {
        kb.documents(ofType: .decision).compactMap { decision in
            guard let days = kb.pendingDays(decision, today: today), let since = decision.decision?.date else { return nil }
            return diagnostic("decision '\(decision.id)' has been proposed for \(days) days (since its date \(since); limit \(kb.configuration.pendingAfterDays))",
                              at: decision.location(ofField: "date"))
        }
    }
}
