/// The site's list pages: goals and goals by horizon, the decision log, the boards and the
/// documents of each status, people and teams, tags. Long lists are split into pages
/// (Pagination); boards and the goals page show the first entries and link to the full lists.
struct ListPages {
    let items: SiteItems
    let analysis: AlignmentAnalysis

    var kb: KnowledgeBase { items.kb }

    /// How many entries a board column or an inline list on the goals page shows before "all N".
    static let preview = 50

    /// One page to render: `site/<template>.html` with `context`, under the navigation's `section`.
    struct Page: @unchecked Sendable {
        var path: String
        var template: String
        var title: String
        var section: String
        var context: [String: Any]
    }

    func all() -> [Page] {
        goals() + decisions() + boards() + people() + tags()
    }

    /// A `site/list.html` page per slice of `ids`: a heading, an introduction and the documents.
    private func list(_ ids: [String], path: String, title: String, section: String, intro: String, back: (String, String)?) -> [Page] {
        let pagination = Pagination(count: ids.count, firstPath: path)
        let root = SitePaths.root(from: path)
        return pagination.pages.enumerated().map { index, page in
            Page(path: page.path, template: "list", title: pagination.pages.count > 1 ? "\(title) (page \(page.number))" : title,
                 section: section, context: [
                     "title": title, "intro": intro, "count": ids.count, "pager": pagination.context(index),
                     "documents": items.items(Array(ids[page.range]), root: root),
                     "back": back.map { ["href": root + $0.0, "label": $0.1] as [String: Any] } ?? false,
                 ])
        }
    }

    /// In workflow order of status, then by title.
    private func ordered(_ documents: [Document], by workflow: Workflow) -> [Document] {
        Self.sorted(documents) { workflow.statuses.firstIndex(of: $0.status) ?? workflow.statuses.count } then: { _ in 0 }
    }

    private static func byTitle(_ documents: [Document]) -> [Document] {
        sorted(documents) { _ in 0 } then: { _ in 0 }
    }

    /// Documents by two numbers, then title (ignoring case), then id: keys computed once each, and
    /// positions sorted rather than the documents themselves.
    private static func sorted(_ documents: [Document], by first: (Document) -> Int, then second: (Document) -> Int) -> [Document] {
        let keys = documents.map { (first($0), second($0), $0.title.lowercased(), $0.id) }
        return keys.indices.sorted { keys[$0] < keys[$1] }.map { documents[$0] }
    }

    /// The goals page: the goal tree is added by the builder; by horizon (configured order, then
    /// goals without one), each in workflow order of status, then by title, the first `preview`
    /// inline and every one on the horizon's own pages.
    private func goals() -> [Page] {
        let root = SitePaths.root(from: SiteLinks.goals)
        let goals = kb.documents(ofType: .goal)
        let workflow = kb.configuration.workflow(for: .goal)
        let known = Set(kb.configuration.horizons)
        var groups: [(name: String, goals: [Document])] = kb.configuration.horizons.map { horizon in
            (horizon, ordered(goals.filter { $0.goal?.horizon?.lowercased() == horizon }, by: workflow))
        }
        groups.append(("no horizon", ordered(goals.filter { !known.contains($0.goal?.horizon?.lowercased() ?? "") }, by: workflow)))
        var pages: [Page] = []
        var contexts: [[String: Any]] = []
        for group in groups where !group.goals.isEmpty {
            let path = "goals.\(SitePaths.fittingSlug(group.name)).html"
            let ids = group.goals.map(\.id)
            pages += list(ids, path: path, title: "Goals: \(group.name)", section: "goals",
                          intro: "\(ids.count) goals of the \(group.name) horizon, by status.", back: (SiteLinks.goals, "Goals"))
            contexts.append(["name": group.name, "count": ids.count, "href": root + SiteLinks.url(path),
                             "goals": items.items(Array(ids.prefix(Self.preview)), root: root),
                             "more": ids.count > Self.preview ? ids.count - Self.preview : false])
        }
        pages.insert(Page(path: SiteLinks.goals, template: "goals", title: "Goals", section: "goals",
                          context: ["horizons": contexts, "goal_count": goals.count]), at: 0)
        return pages
    }

    /// The decision log: newest first (decision date, else created, then number), with what each
    /// supersedes and what superseded it, and the statuses to filter by.
    private func decisions() -> [Page] {
        let root = SitePaths.root(from: SiteLinks.decisions)
        let decisions = Self.sorted(kb.documents(ofType: .decision)) { document in
            (document.decision?.date ?? document.created ?? document.updated).map { -$0.ordinal } ?? 1
        } then: { document in -(document.number ?? -1) }
        let statuses = Self.statuses(of: decisions, workflow: kb.configuration.workflow(for: .decision)).map { ["status": $0] }
        let pagination = Pagination(count: decisions.count, firstPath: SiteLinks.decisions)
        return pagination.pages.enumerated().map { index, page in
            let rows = decisions[page.range].map { document -> [String: Any] in
                var row = items.item(document.id, root: root) ?? [:]
                row["supersedes"] = items.items(document.targets(.supersedes), root: root)
                row["superseded_by"] = items.items(Array(Set(document.targets(.supersededBy) +
                    (kb.backlinks[document.id] ?? []).filter { $0.kind == .supersedes }.map(\.source))).sorted(), root: root)
                return row
            }
            return Page(path: page.path, template: "decisions", title: index == 0 ? "Decision log" : "Decision log (page \(page.number))",
                        section: "decisions", context: ["decisions": rows, "count": decisions.count, "statuses": statuses,
                                                        "pager": pagination.context(index)])
        }
    }

    /// The workflow's statuses, then any other status the documents use, in order of appearance.
    static func statuses(of documents: [Document], workflow: Workflow) -> [String] {
        var result = workflow.statuses
        for document in documents where !result.contains(document.statusLabel) { result.append(document.statusLabel) }
        return result
    }

    /// A board per type that has documents, one column per status showing the first `preview`
    /// cards; each status also has its full list.
    private func boards() -> [Page] {
        let root = SitePaths.root(from: SiteLinks.boards)
        var pages: [Page] = []
        var index: [[String: Any]] = []
        for type in DocumentType.allCases {
            let documents = kb.documents(ofType: type)
            guard !documents.isEmpty else { continue }
            let workflow = kb.configuration.workflow(for: type)
            let board = SiteLinks.board(type)
            let byStatus = Dictionary(grouping: Self.byTitle(documents), by: \.statusLabel)
            var columns: [[String: Any]] = []
            var slugs = Set<String>()
            for status in Self.statuses(of: documents, workflow: workflow) {
                let cards = byStatus[status] ?? []
                // `on hold` and `on-hold` are two statuses with one slug: the second is numbered.
                let base = SitePaths.fittingSlug(status)
                var slug = base
                var n = 2
                while !slugs.insert(slug).inserted { slug = "\(base)-\(n)"; n += 1 }
                let path = "boards/\(type.rawValue).\(slug).html"
                if !cards.isEmpty {
                    pages += list(cards.map(\.id), path: path, title: "\(type.rawValue.capitalized)s: \(status)", section: "boards",
                                  intro: "Every \(type.rawValue) whose status is \(status).", back: (board, "\(type.rawValue.capitalized)s board"))
                }
                columns.append(["status": status, "status_class": slug, "count": cards.count,
                                "terminal": workflow.isTerminal(status), "cards": items.items(cards.prefix(Self.preview).map(\.id), root: root),
                                "more": cards.count > Self.preview ? cards.count - Self.preview : false,
                                "href": cards.isEmpty ? false : root + SiteLinks.url(path)])
            }
            pages.append(Page(path: board, template: "board", title: "Board: \(type.rawValue)s", section: "boards",
                              context: ["type": type.rawValue, "columns": columns, "count": documents.count]))
            index.append(["type": type.rawValue, "href": root + SiteLinks.url(board), "count": documents.count])
        }
        pages.insert(Page(path: SiteLinks.boards, template: "boards", title: "Boards", section: "boards", context: ["boards": index]), at: 0)
        return pages
    }

    /// Everyone the KB names: people.yml's people and teams, and ids written but not listed there.
    static func peopleIDs(_ analysis: AlignmentAnalysis) -> [String] {
        analysis.responsibilities.keys.sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) }
    }

    /// The index of people and teams, and a page for each (all in `people/`).
    private func people() -> [Page] {
        let root = SitePaths.root(from: SiteLinks.people)
        let ids = Self.peopleIDs(analysis)
        let entries = ids.map { id -> [String: Any] in
            var entry = items.person(id, root: root)
            let key = id.lowercased()
            entry["kind"] = kb.people.teams[key] != nil ? "team" : kb.people.people[key] != nil ? "person" : "not in people.yml"
            let duties = analysis.responsibilities[id] ?? Responsibilities()
            entry["owns"] = duties.owns.count
            entry["overdue"] = duties.overdue.count
            return entry
        }
        var pages = [Page(path: SiteLinks.people, template: "people", title: "People and teams", section: "people",
                          context: ["people": entries, "count": entries.count])]
        let signed = kb.signOffsByPerson()
        for id in ids {
            guard let path = items.links.person(id) else { continue }
            let context = person(id, root: root, signed: signed[id.lowercased()] ?? [])
            pages.append(Page(path: path, template: "person", title: context["name"] as? String ?? id, section: "people", context: context))
        }
        return pages
    }

    private func person(_ id: String, root: String, signed: [String]) -> [String: Any] {
        var context = items.person(id, root: root)
        let key = id.lowercased()
        context["kind"] = kb.people.people[key] != nil ? "person" : kb.people.teams[key] != nil ? "team" : false
        context["email"] = kb.people.people[key]?.email ?? false
        context["teams"] = kb.people.teams[key] == nil ? kb.people.teams(of: id).map { items.person($0, root: root) } : []
        context["members"] = (kb.people.teams[key]?.members ?? []).map { items.person($0, root: root) }
        let duties = analysis.responsibilities[id] ?? Responsibilities()
        let lists: [(String, [String])] = [
            ("Overdue", duties.overdue), ("Owns", duties.owns), ("Reviews awaited", duties.reviews),
            ("Signed off", signed), ("Decisions awaited", duties.decides), ("Contributes to", duties.contributes),
            ("Consulted on", duties.consulted), ("Informed of", duties.informed),
        ]
        context["lists"] = lists.filter { !$0.1.isEmpty }.map { ["label": $0.0, "items": items.items($0.1, root: root), "count": $0.1.count] as [String: Any] }
        return context
    }

    /// Every tag with how many documents carry it, and each tag's documents (all pages in `tags/`).
    private func tags() -> [Page] {
        let root = SitePaths.root(from: SiteLinks.tags)
        var byTag: [String: [String]] = [:]
        for document in kb.documents {
            for tag in Set(document.tags) { byTag[tag, default: []].append(document.id) }
        }
        var entries: [[String: Any]] = []
        var pages: [Page] = []
        for (tag, path) in items.links.allTags {
            let ids = byTag[tag] ?? []
            entries.append(["tag": tag, "href": root + SiteLinks.url(path), "count": ids.count])
            pages += list(ids, path: path, title: "Tag: \(tag)", section: "tags", intro: "\(ids.count) documents tagged \(tag).",
                          back: (SiteLinks.tags, "All tags"))
        }
        pages.insert(Page(path: SiteLinks.tags, template: "tags", title: "Tags", section: "tags",
                          context: ["tags": entries, "count": entries.count]), at: 0)
        return pages
    }
}
