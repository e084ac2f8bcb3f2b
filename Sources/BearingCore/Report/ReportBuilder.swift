/// Builds the report view model from a knowledge base, its diagnostics and its analysis.
public struct ReportBuilder: Sendable {
    let kb: KnowledgeBase
    let analysis: AlignmentAnalysis
    let diagnostics: [Diagnostic]
    let options: ReportOptions
    let links: ReportLinks
    /// The ids `--person` stands for (the person and their teams), lowercased; nil for everyone.
    let involved: Set<String>?

    public init(kb: KnowledgeBase, analysis: AlignmentAnalysis, diagnostics: [Diagnostic], options: ReportOptions = .init()) {
        self.kb = kb
        self.analysis = analysis
        self.diagnostics = diagnostics
        self.options = options
        links = ReportLinks(baseURL: kb.configuration.baseURL, sitePages: options.sitePages)
        if let person = options.person {
            var ids: Set<String> = [person.lowercased()]
            for team in kb.people.teams(of: person) { ids.insert(team.lowercased()) }
            involved = ids
        } else {
            involved = nil
        }
    }

    /// The report; its sections are built side by side.
    public func build() async -> Report {
        async let summary = summary()
        async let goalTree = goalTree()
        async let orphans = orphans()
        async let attention = attention()
        async let people = people()
        async let recent = recentDecisions()
        async let views = views()
        var report = await Report(title: kb.configuration.title ?? "Knowledge base", today: analysis.today,
                                  person: options.person, horizon: options.horizon?.lowercased(),
                                  summary: summary, goal_tree: goalTree, orphans: orphans, attention: attention,
                                  people: people, recent_decisions: recent, views: views, documents: [:])
        let recentIDs = Set(report.recent_decisions)
        report.documents = Dictionary(uniqueKeysWithValues: Self.namedIDs(report).compactMap { id in
            kb.index(of: id).map { (id, item(kb.documents[$0], withChain: recentIDs.contains(id))) }
        })
        return report
    }

    /// Every document id the report's lists name.
    static func namedIDs(_ report: Report) -> Set<String> {
        var ids = Set<String>()
        func walk(_ node: Report.GoalNode) {
            ids.insert(node.goal)
            ids.formUnion(node.work)
            node.children.forEach(walk)
        }
        report.goal_tree.forEach(walk)
        ids.formUnion(report.orphans.work)
        ids.formUnion(report.orphans.unsupported_goals)
        let attention = report.attention
        for late in [attention.overdue_reviews, attention.pending_decisions, attention.stale] { ids.formUnion(late.map(\.id)) }
        ids.formUnion(attention.serving_finished_goals)
        for retired in attention.retired_references { ids.formUnion([retired.decision, retired.referrer]) }
        for person in report.people {
            for list in [person.owns, person.reviews, person.decides, person.consulted, person.informed, person.contributes, person.overdue,
                         person.signed_off] {
                ids.formUnion(list)
            }
        }
        ids.formUnion(report.recent_decisions)
        ids.formUnion(report.views.map(\.document))
        return ids
    }

    /// Whether the document names the person of `--person` (or one of their teams); always true without it.
    func involves(_ document: Document) -> Bool {
        guard let involved else { return true }
        return document.people.contains { involved.contains($0.id.lowercased()) }
    }

    /// A document's description; `withChain` adds the titles of its first alignment chain.
    func item(_ document: Document, withChain: Bool = false) -> Report.Item {
        var chain: String?
        if withChain, kb.isWork(document), let position = kb.index(of: document.id), let first = analysis.chains.chains(at: position)?.first, !first.isEmpty {
            chain = first.compactMap { kb.index(of: $0).map { kb.documents[$0].title } }.joined(separator: " › ")
        }
        return Report.Item(id: document.id, title: document.title, type: document.type.rawValue, status: document.statusLabel,
                           owner: document.owner, label: document.label, path: document.path, link: links.link(document),
                           date: document.decision?.date ?? document.created, chain: chain)
    }

    /// The ids that the `--person` view keeps (all without it).
    func involved(_ ids: [String]) -> [String] {
        guard involved != nil else { return ids }
        return ids.filter { id in kb.index(of: id).map { involves(kb.documents[$0]) } ?? false }
    }

    static func share(_ coverage: Coverage) -> Report.Share {
        guard let share = coverage.share else { return Report.Share(covered: 0, total: 0, share: nil, percent: nil, text: "none to count") }
        return Report.Share(covered: coverage.covered, total: coverage.total, share: share, percent: Percent.whole(share),
                            text: "\(coverage.covered) of \(coverage.total) (\(Percent.format(share)))")
    }

    // MARK: 1. Summary

    func summary() -> Report.Summary {
        let types: [Report.TypeCount] = DocumentType.allCases.compactMap { type in
            let documents = kb.documents(ofType: type)
            guard !documents.isEmpty else { return nil }
            let workflow = kb.configuration.workflow(for: type)
            var counts: [String: Int] = [:]
            for document in documents { counts[document.statusLabel, default: 0] += 1 }
            let known = workflow.statuses.filter { counts[$0] != nil }
            let other = counts.keys.filter { !workflow.knows($0) }.sorted()
            let statuses = (known + other).map { Report.StatusCount(status: $0, count: counts[$0]!) }
            return Report.TypeCount(type: type.rawValue, total: documents.count, statuses: statuses,
                                    text: statuses.map { "\($0.status) \($0.count)" }.joined(separator: " · "))
        }
        let byHorizon = analysis.coverageByHorizon.map {
            Report.CoverageRow(key: $0.horizon, name: $0.horizon, work: Self.share($0.coverage.work), goals: Self.share($0.coverage.goals))
        }
        let byTeam = analysis.coverageByTeam.map {
            Report.CoverageRow(key: $0.team, name: kb.people.teams[$0.team.lowercased()]?.name ?? $0.team,
                               work: Self.share($0.coverage.work), goals: Self.share($0.coverage.goals))
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        return Report.Summary(documents: kb.documents.count, types: types,
                              work_coverage: Self.share(analysis.coverage.work), goal_coverage: Self.share(analysis.coverage.goals),
                              coverage_by_horizon: byHorizon, coverage_by_team: byTeam,
                              errors: errors, warnings: diagnostics.filter { $0.severity == .warning }.count)
    }

    // MARK: 2. Goal tree

    /// How deep the goal tree goes; goals further down a (nonsensically) long chain are left out,
    /// so that no walk of the tree can exhaust the stack.
    static let maximumDepth = 64

    func goalTree() -> [Report.GoalNode] {
        let active = kb.documents(ofType: .goal).filter(kb.isActive)
        let horizons = kb.configuration.horizons
        func rank(_ goal: Document) -> Int { goal.goal?.horizon.flatMap(horizons.firstIndex(of:)) ?? horizons.count }
        func isActiveGoal(_ id: String?) -> Bool {
            guard let index = id.flatMap(kb.index(of:)) else { return false }
            return kb.documents[index].type == .goal && kb.isActive(kb.documents[index])
        }
        var roots: [Document]
        if let horizon = options.horizon?.lowercased() {
            roots = active.filter { $0.goal?.horizon == horizon }
        } else {
            roots = active.filter { !isActiveGoal($0.goal?.parent) }
        }
        // By horizon, then in the knowledge base's order (by id, ignoring case).
        roots = roots.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
        var visited = Set<String>()
        var tree = roots.compactMap { node($0, depth: 0, visited: &visited) }
        // Goals in a parent cycle have no root above them: each cycle starts at its first member
        // (by id, ignoring case), and the goals below it follow as its children.
        if options.horizon == nil {
            var walked = visited
            for goal in active where !walked.contains(goal.id) {
                var path: [String] = []
                var position: [String: Int] = [:]
                var current: String? = goal.id
                while let id = current, !walked.contains(id), isActiveGoal(id) {
                    if let start = position[id] {
                        if let first = path[start...].min(by: { $0.lowercased() < $1.lowercased() }), let index = kb.index(of: first),
                           let cycle = node(kb.documents[index], depth: 0, visited: &visited) { tree.append(cycle) }
                        break
                    }
                    position[id] = path.count
                    path.append(id)
                    current = kb.index(of: id).flatMap { kb.documents[$0].goal?.parent }
                }
                walked.formUnion(path)
                walked.formUnion(visited)
            }
        }
        return tree
    }

    private func node(_ goal: Document, depth: Int, visited: inout Set<String>) -> Report.GoalNode? {
        guard depth < Self.maximumDepth, visited.insert(goal.id).inserted else { return nil }
        var children: [Report.GoalNode] = []
        var hidden: Int?
        let activeChildren = kb.childIndices(of: goal.id).filter { kb.isActive(kb.documents[$0]) }
        if let limit = options.treeDepth, depth + 1 >= limit {
            hidden = activeChildren.isEmpty ? nil : activeChildren.count
        } else {
            for child in activeChildren {
                if let node = node(kb.documents[child], depth: depth + 1, visited: &visited) { children.append(node) }
            }
        }
        let work = (analysis.directWork[goal.id] ?? []).filter { id in
            kb.index(of: id).map { !kb.isFinished(kb.documents[$0]) && involves(kb.documents[$0]) } ?? false
        }
        guard involved == nil || involves(goal) || !work.isEmpty || !children.isEmpty else { return nil }
        let progress = analysis.progress[goal.id] ?? GoalProgress(value: nil, source: .unknown)
        let keyResults = (goal.goal?.keyResults ?? []).map { result in
            Report.KeyResultEntry(title: result.title, baseline: result.baseline, target: result.target, current: result.current,
                                  unit: result.unit, progress: result.progress, progress_text: result.progress.map(Percent.format) ?? "unknown",
                                  text: [result.baseline, result.current, result.target].map { $0.map(Plain.number) ?? "?" }
                                      .joined(separator: " → ") + (result.unit.map { " " + $0 } ?? ""))
        }
        let cut = options.treeDepth != nil
        return Report.GoalNode(goal: goal.id, horizon: goal.goal?.horizon, period: goal.goal?.period?.text, health: goal.goal?.health,
                               progress: progress.value, progress_percent: progress.value.map(Percent.whole),
                               progress_text: progress.value.map(Percent.format) ?? "unknown", progress_source: progress.source.rawValue,
                               key_results: cut ? [] : keyResults, work: cut ? [] : work, children: children, hidden_goals: hidden,
                               hidden_work: cut && !work.isEmpty ? work.count : nil)
    }

    // MARK: 3. Orphans

    func orphans() -> Report.Orphans {
        Report.Orphans(work: involved(analysis.orphans), unsupported_goals: involved(analysis.unsupportedGoals))
    }

    // MARK: 4. Needs attention

    func attention() -> Report.Attention {
        // `awaiting`: who must act on the document, and who has signed it off.
        func late(_ entries: [AlignmentAnalysis.Late], awaiting: (Document) -> (awaiting: [String], signedOff: [String]) = { _ in ([], []) }) -> [Report.Late] {
            let kept = Set(involved(entries.map(\.id)))
            return entries.filter { kept.contains($0.id) }.map { entry in
                var late = Report.Late(id: entry.id, days: entry.days)
                if let document = kb.document(entry.id) { (late.awaiting, late.signed_off_by) = awaiting(document) }
                return late
            }
        }
        let paths = involved == nil ? [] : Set(kb.documents.filter(involves).map(\.path))
        let broken = analysis.brokenReferences.filter { involved == nil || paths.contains($0.location.path) }.map {
            Report.BrokenReference(path: $0.location.path, line: $0.location.line, column: $0.location.column, message: $0.message)
        }
        let retired = analysis.retiredReferences.filter { !involved([$0.referrer]).isEmpty }.map {
            Report.RetiredReference(decision: $0.decision, referrer: $0.referrer, field: $0.kind.rawValue)
        }
        // A review is owed until the reviewer signs off; a pending decision awaits its decision-makers.
        // Sign-offs counted are the reviewers' (one by someone not asked is not a reviewer's).
        let reviews = late(analysis.overdueReviews) { document in
            let reviewers = Set((document.brief?.reviewers ?? []).map { $0.lowercased() })
            return (document.brief?.awaitedReviewers ?? [], (document.brief?.approvals ?? []).map(\.by).filter { reviewers.contains($0.lowercased()) })
        }
        let decisions = late(analysis.pendingDecisions) { ($0.decision?.decisionMakers ?? [], []) }
        var attention = Report.Attention(overdue_reviews: reviews, pending_decisions: decisions, stale: late(analysis.staleItems),
                                         serving_finished_goals: involved(analysis.servingFinishedGoals),
                                         broken_references: broken, retired_references: retired, count: 0)
        attention.count = attention.overdue_reviews.count + attention.pending_decisions.count + attention.stale.count
            + attention.serving_finished_goals.count + attention.broken_references.count + attention.retired_references.count
        return attention
    }

    // MARK: 5. People

    /// People, then teams, then unknown ids; each group by id, ignoring case.
    func people() -> [Report.PersonEntry] {
        let signed = kb.signOffsByPerson()
        return analysis.responsibilities.keys.sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) }.compactMap { id in
            if let involved, !involved.contains(id.lowercased()) { return nil }
            let entry = analysis.responsibilities[id]!.owed(by: id, in: kb)
            let person = kb.people.people[id.lowercased()]
            let team = kb.people.teams[id.lowercased()]
            guard !entry.isEmpty || person != nil || team != nil else { return nil }
            return Report.PersonEntry(id: id, name: person?.name ?? team?.name ?? id, kind: person != nil ? "person" : team != nil ? "team" : "unknown",
                                      team: person == nil ? nil : kb.people.teams(of: id).joined(separator: ", ").nilIfEmpty, owns: entry.owns, reviews: entry.reviews, decides: entry.decides,
                                      consulted: entry.consulted, informed: entry.informed, contributes: entry.contributes, overdue: entry.overdue,
                                      signed_off: involved(signed[id.lowercased()] ?? []))
        }.enumerated().sorted { (Self.kindOrder[$0.element.kind] ?? 3, $0.offset) < (Self.kindOrder[$1.element.kind] ?? 3, $1.offset) }.map(\.element)
    }

    /// People first, then teams, then ids not in people.yml.
    static let kindOrder = ["person": 0, "team": 1, "unknown": 2]

    // MARK: 6. Recent decisions

    /// Decisions dated (by `date`, else `created`) in the 30 days up to today, newest first.
    func recentDecisions() -> [String] {
        let start = analysis.today.adding(days: -30)
        return kb.documents(ofType: .decision).compactMap { decision -> (Day, Document)? in
            guard let day = decision.decision?.date ?? decision.created, day >= start, day <= analysis.today, involves(decision) else { return nil }
            return (day, decision)
        }.sorted { ($1.0, $0.1.id) < ($0.0, $1.1.id) }.map(\.1.id)
    }

    // MARK: Views

    /// Backticks, one more than the longest run in `text` and at least four.
    static func fence(for text: String) -> String {
        var longest = 0, run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        return String(repeating: "`", count: max(4, longest + 1))
    }

    /// The query blocks of the KB's home page (README.md or index.md at the root), evaluated.
    func views() -> [Report.View] {
        let home = ["README.md", "readme.md", "index.md"].lazy.compactMap { path in kb.documents.first { $0.path == path } }.first
        guard let home, !home.queries.isEmpty else { return [] }
        let evaluator = QueryEvaluator(kb: kb, analysis: analysis)
        let links = self.links
        let renderer = QueryResultRenderer { [kb] id in kb.document(id).flatMap(links.link) }
        let queries = home.queries.compactMap { block -> Report.ViewQuery? in
            guard let query = block.query else { return nil }
            let result = evaluator.evaluate(query)
            let rows = result.rows.map { row in
                Report.ViewRow(id: row.id, cells: row.cells.map { parts in
                    parts.map { Report.ViewCell(text: $0.text, link: $0.target.flatMap { kb.document($0) }.flatMap(links.link)) }
                })
            }
            let text = block.text.trimmingSpaces()
            return Report.ViewQuery(query: text, fence: Self.fence(for: text), layout: query.layout.rawValue,
                                    columns: result.columns, rows: rows, count: result.total,
                                    markdown: renderer.markdown(result), html: renderer.html(result))
        }
        return [Report.View(document: home.id, queries: queries)]
    }
}
