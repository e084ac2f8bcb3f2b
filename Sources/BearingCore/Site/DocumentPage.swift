/// The template context of a document's page (`site/document.html`): the item itself, the
/// metadata panel, alignment chains, goal progress, references out and backlinks in, unknown
/// front matter fields, the document's own diagnostics and its finished body.
struct DocumentPage {
    let items: SiteItems
    let analysis: AlignmentAnalysis
    let evaluator: QueryEvaluator

    var kb: KnowledgeBase { items.kb }

    func context(_ document: Document, root: String, diagnostics: [Diagnostic]) -> [String: Any] {
        var page = items.item(document.id, root: root) ?? [:]
        page["meta"] = meta(document, root: root)
        page["chains"] = chains(document, root: root)
        page["goal"] = goal(document, root: root)
        page["references"] = groups(references(document, root: root))
        page["backlinks"] = groups(backlinks(document, root: root))
        page["fields"] = unknownFields(document)
        page["diagnostics"] = diagnostics.map { diagnostic -> [String: Any] in
            ["severity": diagnostic.severity.rawValue, "message": diagnostic.message, "line": diagnostic.location.line,
             "rule": diagnostic.rule.rawValue]
        }
        page["status_text"] = document.statusText ?? false
        page["path"] = document.path
        let renderer = QueryResultRenderer { [items] id in items.item(id, root: root)?["href"] as? String }
        page["body"] = BodyHTML.finish(document.body.html ?? "", document: document, root: root, items: items) { n in
            guard n < document.queries.count, let query = document.queries[n].query else {
                return "<p class=\"query-error\">This query block has an error (run <code>bearing check</code>).</p>\n"
            }
            return "<div class=\"query\">\n" + renderer.html(evaluator.evaluate(query)) + "</div>\n"
        }
        return page
    }

    /// Rows of the metadata panel: `{label, text}` or `{label, people: [{id, name, href}]}` or `{label, links: [{text, href}]}`.
    private func meta(_ document: Document, root: String) -> [[String: Any]] {
        var rows: [[String: Any]] = []
        func text(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { rows.append(["label": label, "text": value, "people": false, "links": false]) }
        }
        func people(_ label: String, _ ids: [String]) {
            if !ids.isEmpty { rows.append(["label": label, "text": false, "people": ids.map { items.person($0, root: root) }, "links": false]) }
        }
        text("Type", document.type.rawValue)
        text("Status", document.displayedStatus)
        if let label = document.label { text("Number", label) }
        people("Owner", document.owner.map { [$0] } ?? [])
        if let goal = document.goal {
            text("Horizon", goal.horizon)
            text("Period", goal.period?.text)
            text("Health", goal.health)
            people("Contributors", goal.contributors)
        }
        if let brief = document.brief {
            people("Reviewers", brief.reviewers)
            text("Review by", brief.reviewBy?.description)
        }
        if let decision = document.decision {
            text("Decided", decision.date?.description)
            people("Decision makers", decision.decisionMakers)
            people("Consulted", decision.consulted)
            people("Informed", decision.informed)
        }
        text("Created", document.created?.description)
        text("Updated", document.updated?.description)
        text("Authors", document.authors.isEmpty ? nil : document.authors.joined(separator: ", "))
        if !document.tags.isEmpty {
            rows.append(["label": "Tags", "text": false, "people": false,
                         "links": document.tags.map { ["text": $0, "href": items.links.tag($0).map { root + SiteLinks.url($0) } ?? false] as [String: Any] }])
        }
        return rows
    }

    /// Each way the document reaches a top-level goal, top first, the document itself last (not linked).
    private func chains(_ document: Document, root: String) -> [[String: Any]] {
        var paths: [[String]] = []
        if document.type == .goal {
            let ancestors = kb.ancestors(ofGoal: document.id)
            if !ancestors.isEmpty { paths = [ancestors.reversed()] }
        } else {
            paths = analysis.chains[document.id] ?? []
        }
        return paths.map { path in
            ["steps": items.items(path, root: root) + [["title": document.title, "href": false, "id": document.id]]]
        }
    }

    private func goal(_ document: Document, root: String) -> Any {
        guard let details = document.goal else { return false }
        let progress = analysis.progress[document.id]
        return [
            "progress_percent": progress?.value.map { Int(($0 * 100).rounded()) } ?? false as Any,
            "progress_text": progress?.value.map(Percent.format) ?? "unknown",
            "progress_source": (progress?.source ?? .unknown).rawValue.replacingUnderscores,
            "key_results": details.keyResults.map { result -> [String: Any] in
                ["title": result.title,
                 "text": [result.baseline, result.current, result.target].map { $0.map(Plain.number) ?? "?" }.joined(separator: " → ")
                    + (result.unit.map { " " + $0 } ?? ""),
                 "progress_percent": result.progress.map { Int(($0 * 100).rounded()) } ?? false as Any,
                 "progress_text": result.progress.map(Percent.format) ?? "unknown"]
            },
            "work": items.items(analysis.workUnder[document.id] ?? [], root: root),
        ] as [String: Any]
    }

    /// Outgoing references by kind: documents linked, others (unresolved, external) as text.
    private func references(_ document: Document, root: String) -> [(String, [[String: Any]])] {
        var groups: [(String, [[String: Any]])] = []
        for kind in ReferenceKind.allCases where kind != .mentions {
            var seen = Set<String>()
            var entries: [[String: Any]] = []
            for reference in document.references where reference.kind == kind && seen.insert(reference.target ?? reference.written).inserted {
                if let target = reference.target, let item = items.item(target, root: root) {
                    entries.append(item)
                } else {
                    entries.append(["title": reference.written, "html": false, "broken": !reference.external])
                }
            }
            if !entries.isEmpty { groups.append((Self.outgoing[kind] ?? kind.rawValue, entries)) }
        }
        let mentioned = Set(document.references.compactMap { $0.kind == .mentions ? $0.target : nil }).subtracting([document.id]).sorted()
        if !mentioned.isEmpty { groups.append(("Mentions", items.items(mentioned, root: root))) }
        return groups
    }

    private func backlinks(_ document: Document, root: String) -> [(String, [[String: Any]])] {
        let all = kb.backlinks[document.id] ?? []
        return ReferenceKind.allCases.compactMap { kind in
            let sources = all.filter { $0.kind == kind }.map(\.source)
            return sources.isEmpty ? nil : (Self.incoming[kind] ?? kind.rawValue, items.items(sources, root: root))
        }
    }

    private func groups(_ groups: [(String, [[String: Any]])]) -> [[String: Any]] {
        groups.map { ["label": $0.0, "items": $0.1, "count": $0.1.count] }
    }

    static let outgoing: [ReferenceKind: String] = [
        .parent: "Parent goal", .goals: "Serves goals", .briefs: "Briefs", .decisions: "Decisions",
        .supersedes: "Supersedes", .supersededBy: "Superseded by", .links: "Related",
    ]
    static let incoming: [ReferenceKind: String] = [
        .parent: "Child goals", .goals: "Work serving this goal", .briefs: "Named as a brief by",
        .decisions: "Named as a decision by", .supersedes: "Superseded by", .supersededBy: "Supersedes",
        .links: "Related from", .mentions: "Mentioned in",
    ]

    /// Front matter keys Bearing does not know, with their values as text.
    private func unknownFields(_ document: Document) -> [[String: Any]] {
        document.fields.filter { !QueryField.knownSet.contains(QueryField.normalized($0.key)) }.map { pair in
            ["key": pair.key, "value": Self.text(of: pair.value)]
        }
    }

    static func text(of node: YAMLNode) -> String {
        switch node.value {
        case .scalar(let text, _): return text
        case .sequence(let items): return items.map(text(of:)).joined(separator: ", ")
        case .mapping(let pairs): return pairs.map { "\($0.key): \(text(of: $0.value))" }.joined(separator: "; ")
        }
    }
}

private extension String {
    var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}
