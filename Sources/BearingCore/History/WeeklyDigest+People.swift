/// Reviews due next, what is late, and who needs to act, as of the window's end.
extension WeeklyDigest {
    /// Briefs in review due in the seven days after the window, and overdue reviews and pending
    /// decisions; reviews name who has signed off and who is still awaited.
    static func reviewsDueAndLate(_ window: Window) -> (due: [Item], late: [Item]) {
        let kb = window.after.kb
        let analysis = window.after.analysis
        func review(_ document: Document, note: String) -> Item {
            let brief = document.brief
            return Item(document: Entry(document), note: note, awaiting: (brief?.awaitedReviewers ?? []).map { who($0, kb) },
                        signed_off: (brief?.approvals ?? []).map { who($0.by, kb) })
        }
        let nextWeek = window.until.adding(days: 1)...window.until.adding(days: 7)
        let due = kb.documents(ofType: .brief).filter { document in
            document.status == "in-review" && (document.brief?.reviewBy.map(nextWeek.contains) ?? false)
        }.map { review($0, note: $0.brief?.reviewBy?.description ?? "") }
        let overdue = analysis.overdueReviews.compactMap { late in kb.document(late.id).map { review($0, note: "review overdue \(late.days) d") } }
        let pending = analysis.pendingDecisions.compactMap { late in kb.document(late.id).map { Item(document: Entry($0), note: "pending \(late.days) d") } }
        return (due, overdue + pending)
    }

    /// People and teams with something to act on, each item once: overdue first, then reviews
    /// still owed (until they sign off), then decisions awaited.
    static func needsAction(_ state: KnowledgeBaseChange.State) -> [Person] {
        let kb = state.kb
        let responsibilities = state.analysis.responsibilities
        func entries(_ ids: [String]) -> [Entry] { ids.compactMap { kb.document($0).map(Entry.init) } }
        return responsibilities.keys.sorted().compactMap { id in
            guard let duties = responsibilities[id]?.owed(by: id, in: kb) else { return nil }
            let overdue = duties.overdue
            let reviews = duties.reviews.filter { !overdue.contains($0) }
            let decides = duties.decides.filter { !overdue.contains($0) && !reviews.contains($0) }
            guard !(overdue.isEmpty && reviews.isEmpty && decides.isEmpty) else { return nil }
            return Person(id: id, name: kb.people.name(of: id), reviews: entries(reviews), decides: entries(decides), overdue: entries(overdue))
        }
    }
}
