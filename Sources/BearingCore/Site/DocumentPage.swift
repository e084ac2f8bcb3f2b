/// The template context of a document's page (`site/document.html`): the item itself, the
/// metadata panel, the alignment chain, goal progress and health, a brief's review, a retired
/// decision's banner, references out and backlinks in (DocumentPage+Sidebar), unknown front matter
/// fields, the document's own diagnostics, its "Edit this page" link and its finished body.
struct DocumentPage {
    let items: SiteItems
    let analysis: AlignmentAnalysis
    let evaluator: QueryEvaluator
    /// EditLink's base, or nil: no "Edit this page".
    let editBase: String?

    var kb: KnowledgeBase { items.kb }

    /// The document's item (SiteItems), then the page's own values above it: a template finds a
    /// name in the second first. The item is shared, not copied.
    func context(_ document: Document, root: String, diagnostics: [Diagnostic]) -> [[String: Any]] {
        var page: [String: Any] = [:]
        page.reserveCapacity(16)
        page["meta"] = meta(document, root: root)
        page["chain"] = chain(document, root: root)
        page["goal"] = goal(document, root: root)
        page["health"] = health(document)
        page["review"] = review(document, root: root)
        page["banner"] = banner(document, root: root)
        let sidebar = sidebar(document, root: root)
        page["references"] = sidebar.references
        page["backlinks"] = sidebar.backlinks
        page["fields"] = unknownFields(document)
        page["diagnostics"] = diagnostics.map { diagnostic -> [String: Any] in
            ["severity": diagnostic.severity.rawValue, "message": diagnostic.message, "line": diagnostic.location.line,
             "rule": diagnostic.rule.rawValue]
        }
        page["status_text"] = document.statusText ?? false
        page["path"] = document.path
        page["edit_url"] = editBase.map { EditLink.url(base: $0, path: document.path) } ?? false
        let renderer = QueryResultRenderer { [items] id in items.item(id, root: root)?["href"] as? String }
        page["body"] = HTMLBytes(BodyHTML.finish(document.body.html ?? "", document: document, root: root, items: items) { n in
            guard n < document.queries.count, let query = document.queries[n].query else {
                return "<p class=\"query-error\">This query block has an error (run <code>bearing check</code>).</p>\n"
            }
            return "<div class=\"query\">\n" + renderer.html(evaluator.evaluate(query)) + "</div>\n"
        })
        return [items.item(document.id, root: root) ?? [:], page]
    }

    /// Rows of the metadata panel: `{label, text, note}` or `{label, people: [{id, name, href}]}` or
    /// `{label, links: [{text, href}]}`. A brief's reviewers are in its review panel; an unfinished
    /// goal's health beside its status.
    private func meta(_ document: Document, root: String) -> [[String: Any]] {
        var rows: [[String: Any]] = []
        func text(_ label: String, _ value: String?, note: String? = nil) {
            if let value, !value.isEmpty { rows.append(["label": label, "text": value, "note": note ?? false, "people": false, "links": false]) }
        }
        func people(_ label: String, _ ids: [String]) {
            if !ids.isEmpty { rows.append(["label": label, "text": false, "note": false, "people": ids.map { items.person($0, root: root) }, "links": false]) }
        }
        text("Type", document.type.rawValue)
        text("Status", document.displayedStatus)
        if let label = document.label { text("Number", label) }
        people("Owner", document.owner.map { [$0] } ?? [])
        if let goal = document.goal {
            text("Horizon", goal.horizon)
            text("Period", goal.period?.text)
            if kb.isFinished(document) { text("Health", goal.health) }
            people("Contributors", goal.contributors)
        }
        if let decision = document.decision {
            text("Decided", decision.date?.description)
            people("Decision makers", decision.decisionMakers)
            people("Consulted", decision.consulted)
            people("Informed", decision.informed)
        }
        // Where a date came from when front matter does not give it.
        text("Created", document.created?.description, note: document.datesFromGit.contains(.created) ? "first commit" : nil)
        text("Updated", document.updated?.description, note: document.datesFromGit.contains(.updated) ? "last commit" : nil)
        text("Authors", document.authors.isEmpty ? nil : document.authors.joined(separator: ", "))
        if !document.tags.isEmpty {
            rows.append(["label": "Tags", "text": false, "note": false, "people": false,
                         "links": document.tags.map { ["text": $0, "href": items.links.tag($0).map { root + SiteLinks.url($0) } ?? false] as [String: Any] }])
        }
        return rows
    }

    /// The one alignment chain (AlignmentChain), top goal first: `{rows: [{steps: [{items}]}]}`, the
    /// document itself not included; false when the document reaches no goal.
    private func chain(_ document: Document, root: String) -> Any {
        let position = kb.index(of: document.id).flatMap { kb.documents[$0] == document ? $0 : nil } ?? kb.documents.firstIndex(of: document)
        let paths = position.map(analysis.chains.paths(at:)) ?? []
        let rows = AlignmentChain.shownRows(paths, in: analysis.chains).map { steps -> [String: Any] in
            ["steps": steps.map { step -> [String: Any] in
                switch step {
                case .goals(let ids): return ["items": items.items(ids, root: root), "elided": false]
                case .elided(let count): return ["items": [] as [Any], "elided": "… \(count) more \(count == 1 ? "goal" : "goals") …"]
                }
            }]
        }
        return rows.isEmpty ? false : ["rows": rows] as [String: Any]
    }

    /// An unfinished goal's health, `{text, class}` (`at risk`, `at-risk`), shown beside its status; else false.
    private func health(_ document: Document) -> Any {
        guard let health = document.goal?.health?.trimmingSpaces().nilIfEmpty, !kb.isFinished(document) else { return false }
        return ["text": health.replacingOccurrences(of: "-", with: " "), "class": SitePaths.slug(health)]
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

    /// Front matter keys Bearing does not know, with their values as text (`approvals:` is a brief's
    /// review, shown in its panel).
    private func unknownFields(_ document: Document) -> [[String: Any]] {
        document.fields.filter { pair in
            let key = QueryField.normalized(pair.key)
            return !QueryField.knownSet.contains(key) && !(document.type == .brief && key == "approvals")
        }.map { pair in
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
