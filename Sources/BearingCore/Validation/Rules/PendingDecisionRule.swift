/// W: a decision `proposed` for longer than `pending_after_days` since the date it states (`date`);
/// a date from git alone is not enough.
struct PendingDecisionRule: DocumentRule {
    static let id = RuleID.pendingDecision
    static let reach = RuleReach.document

    func check(_ decision: Document, at position: Int, in kb: KnowledgeBase, today: Day) -> [Diagnostic] {
        guard let days = kb.pendingDays(decision, today: today), let since = decision.decision?.date else { return [] }
        return [diagnostic("decision '\(decision.id)' has been proposed for \(days) days (since its date \(since); limit \(kb.configuration.pendingAfterDays))",
                           at: decision.location(ofField: "date"))]
    }
}
