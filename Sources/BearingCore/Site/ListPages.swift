/// Template contexts of the site's list pages: goals by horizon, the decision log, the boards,
/// people and teams, tags.
struct ListPages {
    let items: SiteItems
    let analysis: AlignmentAnalysis

    var kb: KnowledgeBase { items.kb }

    /// Goals grouped by horizon (configured order, then goals without one), each group in
    /// workflow order of status, then by title.
    func goals() -> [String: Any] {
        let root = SitePaths.root(from: SiteLinks.goals)
        let goals = kb.documents(ofType: .goal)
        let workflow = kb.configuration.workflow(for: .goal)
        func order(_ a: Document, _ b: Document) -> Bool {
            let rank = { (d: Document) in workflow.statuses.firstIndex(of: d.status) ?? workflow.statuses.count }
            return (rank(a), a.title.lowercased(), a.id) < (rank(b), b.title.lowercased(), b.id)
        }
        var groups: [[String: Any]] = []
        for horizon in kb.configuration.horizons {
            let members = goals.filter { $0.goal?.horizon?.lowercased() == horizon }.sorted(by: order)
            if !members.isEmpty { groups.append(["name": horizon, "goals": items.items(members.map(\.id), root: root), "count": members.count]) }
        }
        let known = Set(kb.configuration.horizons)
        let others = goals.filter { !known.contains($0.goal?.horizon?.lowercased() ?? "") }.sorted(by: order)
        if !others.isEmpty { groups.append(["name": "no horizon", "goals": items.items(others.map(\.id), root: root), "count": others.count]) }
        return ["horizons": groups, "goal_count": goals.count]
    }

    /// Decisions newest first (decision date, else created, then number), with what each
    /// supersedes and what superseded it, and the statuses to filter by.
    func decisions() -> [String: Any] {
        let root = SitePaths.root(from: SiteLinks.decisions)
        let decisions = kb.documents(ofType: .decision).sorted { a, b in
            let day = { (d: Document) in (d.decision?.date ?? d.created ?? d.updated)?.description ?? "" }
            return (day(a), a.number ?? -1, b.id) > (day(b), b.number ?? -1, a.id)
        }
        let rows = decisions.map { document -> [String: Any] in
            var row = items.item(document.id, root: root) ?? [:]
            row["supersedes"] = items.items(document.targets(.supersedes), root: root)
            row["superseded_by"] = items.items(Array(Set(document.targets(.supersededBy) +
                (kb.backlinks[document.id] ?? []).filter { $0.kind == .supersedes }.map(\.source))).sorted(), root: root)
            return row
        }
        let statuses = Self.statuses(of: decisions, workflow: kb.configuration.workflow(for: .decision))
        return ["decisions": rows, "count": rows.count, "statuses": statuses.map { ["status": $0] }]
    }

    /// The workflow's statuses, then any other status the documents use, in order of appearance.
    static func statuses(of documents: [Document], workflow: Workflow) -> [String] {
        var result = workflow.statuses
        for document in documents where !result.contains(document.status) { result.append(document.status) }
        return result
    }

    /// The types that have documents, each a board: one column per status.
    func boards() -> [(type: DocumentType, context: [String: Any])] {
        let root = SitePaths.root(from: SiteLinks.board(.goal))
        return DocumentType.allCases.compactMap { type -> (type: DocumentType, context: [String: Any])? in
            let documents = kb.documents(ofType: type)
            guard !documents.isEmpty else { return nil }
            let workflow = kb.configuration.workflow(for: type)
            let columns = Self.statuses(of: documents, workflow: workflow).map { status -> [String: Any] in
                let cards = documents.filter { $0.status == status }.sorted { ($0.title.lowercased(), $0.id) < ($1.title.lowercased(), $1.id) }
                return ["status": status, "status_class": SitePaths.slug(status), "count": cards.count,
                        "terminal": workflow.isTerminal(status), "cards": items.items(cards.map(\.id), root: root)]
            }
            return (type, ["type": type.rawValue, "columns": columns, "count": documents.count])
        }
    }

    /// Everyone the KB names: people.yml's people and teams, and ids written but not listed there.
    static func peopleIDs(_ analysis: AlignmentAnalysis) -> [String] {
        analysis.responsibilities.keys.sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) }
    }

    func people() -> [String: Any] {
        let root = SitePaths.root(from: SiteLinks.people)
        let entries = Self.peopleIDs(analysis).map { id -> [String: Any] in
            var entry = items.person(id, root: root)
            let key = id.lowercased()
            entry["kind"] = kb.people.teams[key] != nil ? "team" : kb.people.people[key] != nil ? "person" : "not in people.yml"
            let duties = analysis.responsibilities[id] ?? Responsibilities()
            entry["owns"] = duties.owns.count
            entry["overdue"] = duties.overdue.count
            return entry
        }
        return ["people": entries, "count": entries.count]
    }

    /// Person and team pages are all in `people/`.
    func person(_ id: String) -> [String: Any] {
        let root = SitePaths.root(from: SiteLinks.people)
        var context = items.person(id, root: root)
        let key = id.lowercased()
        if let person = kb.people.people[key] {
            context["kind"] = "person"
            context["email"] = person.email ?? false
        } else if kb.people.teams[key] != nil {
            context["kind"] = "team"
            context["email"] = false
        } else {
            context["kind"] = false
            context["email"] = false
        }
        context["teams"] = kb.people.teams[key] == nil ? kb.people.teams(of: id).map { items.person($0, root: root) } : []
        context["members"] = (kb.people.teams[key]?.members ?? []).map { items.person($0, root: root) }
        let duties = analysis.responsibilities[id] ?? Responsibilities()
        let lists: [(String, [String])] = [
            ("Overdue", duties.overdue), ("Owns", duties.owns), ("Reviews awaited", duties.reviews),
            ("Decisions awaited", duties.decides), ("Contributes to", duties.contributes),
            ("Consulted on", duties.consulted), ("Informed of", duties.informed),
        ]
        context["lists"] = lists.filter { !$0.1.isEmpty }.map { ["label": $0.0, "items": items.items($0.1, root: root), "count": $0.1.count] as [String: Any] }
        return context
    }

    /// Every tag with how many documents carry it, and each tag's documents (all pages in `tags/`).
    func tags() -> (index: [String: Any], pages: [(path: String, context: [String: Any])]) {
        let root = SitePaths.root(from: SiteLinks.tags)
        var byTag: [String: [String]] = [:]
        for document in kb.documents {
            for tag in Set(document.tags) { byTag[tag, default: []].append(document.id) }
        }
        var entries: [[String: Any]] = []
        var pages: [(String, [String: Any])] = []
        for (tag, path) in items.links.allTags {
            let ids = byTag[tag] ?? []
            entries.append(["tag": tag, "href": root + SiteLinks.url(path), "count": ids.count])
            pages.append((path, ["tag": tag, "documents": items.items(ids, root: root), "count": ids.count]))
        }
        return (["tags": entries, "count": entries.count], pages)
    }
}
