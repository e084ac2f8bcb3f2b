/// What opens the dashboard: who must act now, and on what. Reviews owed (briefs in review, with
/// the reviewers whose sign-off is still awaited), decisions awaited (proposed, with their
/// decision makers), goals at risk or off track (with their owners), and work gone stale (with
/// its owner). Each item once: lateness is a mark on its entry (overdue review, pending decision,
/// not updated), not a second entry.
struct WhoMustAct {
    let items: SiteItems
    let analysis: AlignmentAnalysis

    var kb: KnowledgeBase { items.kb }

    /// Entries shown per group before "… and N more".
    static let limit = 8

    /// `{count, groups: [{id, title, count, entries, more, more_href}]}`; an entry is `{href, title,
    /// label, role, who: [person], marks: [{text, class}], detail}` (absent values false).
    func context(root: String) -> [String: Any] {
        var listed: [String: Int] = [:]
        var groups: [(id: String, title: String, more: String, entries: [[String: Any]])] = [
            ("reviews", "Reviews owed", SiteLinks.board(.brief), reviews(root: root)),
            ("decisions", "Decisions awaited", SiteLinks.decisions, decisions(root: root)),
            ("goals", "Goals at risk or off track", SiteLinks.goals, goals(root: root)),
        ]
        for (g, group) in groups.enumerated() {
            for (e, entry) in group.entries.enumerated() { listed[entry["id"] as? String ?? ""] = g * 1_000_000 + e }
        }
        // Stale work already listed gets a mark there; the rest is a group of its own.
        var stale: [[String: Any]] = []
        for late in analysis.staleItems {
            let mark: [String: Any] = ["text": "not updated for \(late.days) d", "class": "warn"]
            if let position = listed[late.id] {
                let (g, e) = (position / 1_000_000, position % 1_000_000)
                groups[g].entries[e]["marks"] = (groups[g].entries[e]["marks"] as? [[String: Any]] ?? []) + [mark]
            } else if let entry = entry(late.id, root: root, role: "Owner", who: ownerOf(late.id), marks: [mark],
                                        detail: kb.document(late.id).flatMap { ($0.updated ?? $0.created).map { "last updated \($0)" } }) {
                stale.append(entry)
            }
        }
        groups.append(("stale", "Gone stale", SiteLinks.report + "#attention", stale))
        let shown = groups.filter { !$0.entries.isEmpty }.map { group -> [String: Any] in
            ["id": group.id, "title": group.title, "count": group.entries.count, "entries": Array(group.entries.prefix(Self.limit)),
             "more": group.entries.count > Self.limit ? group.entries.count - Self.limit : false,
             "more_href": root + SiteLinks.url(group.more)]
        }
        return ["groups": shown, "count": groups.reduce(0) { $0 + $1.entries.count }]
    }

    /// Briefs in review: the reviewers who have not signed off, overdue ones first, then by due date.
    private func reviews(root: String) -> [[String: Any]] {
        let briefs = kb.documents(ofType: .brief).filter { $0.status == "in-review" }
        let sorted = briefs.sorted { a, b in
            let (da, db) = (kb.overdueReviewDays(a, today: analysis.today) ?? -1, kb.overdueReviewDays(b, today: analysis.today) ?? -1)
            if da != db { return da > db }
            let (ua, ub) = (a.brief?.reviewBy?.ordinal ?? Int.max, b.brief?.reviewBy?.ordinal ?? Int.max)
            return ua != ub ? ua < ub : (a.title.lowercased(), a.id) < (b.title.lowercased(), b.id)
        }
        return sorted.compactMap { brief in
            let details = brief.brief ?? BriefDetails()
            let awaited = details.awaitedReviewers
            let role: String
            var who = awaited
            if !awaited.isEmpty {
                role = "Sign-off awaited from"
            } else {
                role = details.reviewers.isEmpty ? "No reviewers named; owner" : "Everyone signed off; owner"
                who = brief.owner.map { [$0] } ?? []
            }
            var marks: [[String: Any]] = []
            if let days = kb.overdueReviewDays(brief, today: analysis.today) { marks.append(["text": "overdue \(days) d", "class": "warn"]) }
            return entry(brief.id, root: root, role: role, who: who, marks: marks, detail: details.reviewBy.map { "review by \($0)" })
        }
    }

    /// Proposed decisions waiting for a decision: their decision makers, longest pending first.
    private func decisions(root: String) -> [[String: Any]] {
        let decisions = kb.documents(ofType: .decision).filter { $0.status == "proposed" && $0.awaitsDecision }
        let sorted = decisions.sorted { a, b in
            let (da, db) = (a.decision?.date?.ordinal ?? Int.max, b.decision?.date?.ordinal ?? Int.max)
            return da != db ? da < db : (a.title.lowercased(), a.id) < (b.title.lowercased(), b.id)
        }
        return sorted.compactMap { decision in
            let makers = decision.decision?.decisionMakers ?? []
            var marks: [[String: Any]] = []
            if let days = kb.pendingDays(decision, today: analysis.today) { marks.append(["text": "pending \(days) d", "class": "warn"]) }
            return entry(decision.id, root: root, role: makers.isEmpty ? "No decision makers named; owner" : "Decision awaited from",
                         who: makers.isEmpty ? decision.owner.map { [$0] } ?? [] : makers, marks: marks,
                         detail: decision.decision?.date.map { "proposed \($0)" })
        }
    }

    /// Unfinished goals whose owner judges them at risk or off track, off track first.
    private func goals(root: String) -> [[String: Any]] {
        let order = ["off-track": 0, "at-risk": 1]
        let goals = kb.documents(ofType: .goal).filter { goal in
            !kb.isFinished(goal) && order[goal.goal?.health?.lowercased() ?? ""] != nil
        }
        let sorted = goals.sorted { a, b in
            let (ha, hb) = (order[a.goal?.health?.lowercased() ?? ""] ?? 2, order[b.goal?.health?.lowercased() ?? ""] ?? 2)
            return ha != hb ? ha < hb : (a.title.lowercased(), a.id) < (b.title.lowercased(), b.id)
        }
        return sorted.compactMap { goal in
            let health = goal.goal?.health?.lowercased() ?? ""
            let mark: [String: Any] = ["text": health.replacingOccurrences(of: "-", with: " "), "class": health == "off-track" ? "err" : "warn"]
            let progress = analysis.progress[goal.id]?.value.map { "progress \(Percent.format($0))" }
            return entry(goal.id, root: root, role: "Owner", who: goal.owner.map { [$0] } ?? [], marks: [mark], detail: progress)
        }
    }

    private func ownerOf(_ id: String) -> [String] {
        kb.document(id)?.owner.map { [$0] } ?? []
    }

    private func entry(_ id: String, root: String, role: String, who: [String], marks: [[String: Any]], detail: String?) -> [String: Any]? {
        guard let item = items.item(id, root: root) else { return nil }
        return [
            "id": id, "href": item["href"] ?? false, "title": item["title"] ?? "", "label": item["label"] ?? false,
            "role": who.isEmpty ? "Nobody named" : role,
            "who": who.map { items.person($0, root: root) }, "marks": marks, "detail": detail ?? false,
        ]
    }
}
