/// W: an active item (neither terminal nor in its workflow's first status) not updated for
/// `stale_after_days`. Items whose last update is unknown are not reported.
struct StaleRule: Rule {
    static let id = RuleID.stale

    func check(_ kb: KnowledgeBase, today: Day) -> [Diagnostic] {
        let limit = kb.configuration.staleAfterDays
        return kb.documents.compactMap { document in
            guard document.type != .note else { return nil }
            let workflow = kb.workflow(of: document)
            guard !workflow.isTerminal(document.status), document.status != workflow.initial, workflow.knows(document.status),
                  let last = document.updated ?? document.created else { return nil }
            let days = today.ordinal - last.ordinal
            guard days > limit else { return nil }
            let field = document.updated != nil ? "updated" : "created"
            return diagnostic("\(document.type.rawValue) '\(document.id)' is \(document.status) but was last updated \(last) (\(days) days ago; limit \(limit))",
                              at: document.location(ofField: field))
        }
    }
}
