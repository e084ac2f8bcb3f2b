/// "Decisions made": decisions that became accepted in the window, dated by that change.
extension WeeklyDigest {
    /// The status a decision is made with (status aliases such as `approved` read as it).
    static let accepted = "accepted"

    /// Decisions that became accepted in the window. With git (`before` given): accepted at its
    /// end and not at its start; one added already accepted counts when the date it states, if
    /// any, is in the window (otherwise the file records an earlier decision). A decision only
    /// superseded, deprecated or rejected in the window is not one made. Without git: accepted
    /// decisions whose `date` is in the window.
    static func decided(before: KnowledgeBaseChange.State?, after: KnowledgeBaseChange.State, since: Day, until: Day,
                        git: Bool) -> [Document] {
        let days = since...until
        return after.kb.documents(ofType: .decision).filter { decision in
            guard decision.status == accepted else { return false }
            let stated = decision.decision?.date
            guard git else { return stated.map(days.contains) ?? false }
            if let old = before?.kb.document(decision.id) { return old.status != accepted }
            return stated.map(days.contains) ?? true
        }
    }

    /// Each decided document, dated by the commit that accepted it (`decidedOn`), else by the date
    /// it states when that is in the window; oldest first.
    static func decisions(_ window: Window) -> [Item] {
        let days = window.since...window.until
        let decided = Self.decided(before: window.before, after: window.after, since: window.since, until: window.until,
                                   git: window.change != nil)
        return decided.map { decision -> (Day?, Item) in
            let day = window.decidedOn[decision.id] ?? decision.decision?.date.flatMap { days.contains($0) ? $0 : nil }
            return (day, Item(document: Entry(decision), note: day?.description ?? ""))
        }.sorted { a, b in
            (a.0?.ordinal ?? Int.max, a.1.document.title, a.1.document.id) < (b.0?.ordinal ?? Int.max, b.1.document.title, b.1.document.id)
        }.map(\.1)
    }

    /// Sign-offs made in the window: with git, those in a brief at its end and not at its start
    /// (whatever date they state); without git, those dated in it.
    static func signOffs(_ window: Window) -> [SignOff] {
        let kb = window.after.kb
        let days = window.since...window.until
        var result: [SignOff] = []
        for brief in kb.documents(ofType: .brief) {
            let earlier = Set((window.before?.kb.document(brief.id)?.brief?.approvals ?? []).map { $0.by.lowercased() })
            for approval in brief.brief?.approvals ?? [] {
                let made = window.change != nil ? !earlier.contains(approval.by.lowercased()) : (approval.date.map(days.contains) ?? false)
                guard made else { continue }
                result.append(SignOff(document: Entry(brief), by: who(approval.by, kb), date: approval.date, note: approval.note))
            }
        }
        return result.sorted { ($0.date?.ordinal ?? Int.max, $0.document.title, $0.by.id) < ($1.date?.ordinal ?? Int.max, $1.document.title, $1.by.id) }
    }

    static func who(_ id: String, _ kb: KnowledgeBase) -> Who { Who(id: id, name: kb.people.name(of: id)) }
}
