/// W: work in motion (an active goal; a brief neither terminal nor in its workflow's first status)
/// not updated for `stale_after_days`. Never a settled record (a decision, a note); items whose last
/// update is unknown are not reported.
struct StaleRule: DocumentRule {
    static let id = RuleID.stale
    static let reach = RuleReach.document

    func check(_ document: Document, at position: Int, in kb: KnowledgeBase, today: Day) -> [Diagnostic] {
        guard let days = kb.staleDays(document, today: today), let last = document.updated ?? document.created else { return [] }
        let field = document.updated != nil ? "updated" : "created"
        return [diagnostic("\(document.type.rawValue) '\(document.id)' is \(document.status) but was last updated \(last) (\(days) days ago; limit \(kb.configuration.staleAfterDays))",
                           at: document.location(ofField: field))]
    }
}
