import Foundation

/// The site prepared for rendering: links, the shared items, the list pages and the report's
/// sections, each made on first use. `SiteBuilder.build` renders every page from it side by
/// side; `bearing serve` renders only the pages a browser asks for (`file(at:)`). Safe to use
/// from several threads.
public final class SitePages: @unchecked Sendable {
    let builder: SiteBuilder
    let library: [String: PageTemplate]
    let links: SiteLinks
    let items: SiteItems
    private let documentPage: DocumentPage
    private let diagnosticsByPath: DiagnosticsByPath
    private let lock = NSLock()
    private var lists: [ListPages.Page]?
    private var report: Task<ReportParts, any Error>?

    var kb: KnowledgeBase { builder.kb }
    var analysis: AlignmentAnalysis { builder.analysis }
    var digests: [WeeklyDigest] { builder.digests }

    init(builder: SiteBuilder, library: [String: PageTemplate]) {
        self.builder = builder
        self.library = library
        let kb = builder.kb
        links = SiteLinks(tags: kb.documents.flatMap(\.tags), people: ListPages.peopleIDs(builder.analysis))
        items = SiteItems(kb: kb, analysis: builder.analysis, links: links, library: library)
        documentPage = DocumentPage(items: items, analysis: builder.analysis, evaluator: QueryEvaluator(kb: kb, analysis: builder.analysis),
                                    editBase: builder.editBase)
        diagnosticsByPath = DiagnosticsByPath(builder.diagnostics)
    }

    /// The depths of page in the site (`""`, `"../"`, …).
    var roots: Set<String> {
        var roots: Set<String> = [""]
        for document in kb.documents { roots.insert(SitePaths.root(from: links.page(document))) }
        for path in [SiteLinks.boards, SiteLinks.people, SiteLinks.tags, SiteLinks.digests] { roots.insert(SitePaths.root(from: path)) }
        return roots
    }

    func renderer(_ output: some SiteOutput) -> PageRenderer {
        PageRenderer(library: library, title: builder.title, language: kb.configuration.language ?? "en", today: analysis.today, writer: output)
    }

    // MARK: The report's sections, shared by the dashboard, the goals page and the report page

    /// The report built for the site, its sections rendered as HTML.
    struct ReportParts: @unchecked Sendable {
        var report: Report
        var sections: [String: String]
        var context: [String: Any]
        /// Whether the goal tree is cut to the top goals (a large KB): its picture is then on the goals page only, its list on the report page only.
        var treeCut: Bool
    }

    func reportParts() async throws -> ReportParts {
        let task = lock.withLock {
            if let report { return report }
            let made = Task { [builder] in try await Self.makeReport(builder) }
            report = made
            return made
        }
        return try await task.value
    }

    private static func makeReport(_ builder: SiteBuilder) async throws -> ReportParts {
        var options = ReportOptions()
        options.sitePages = true
        // A large knowledge base's tree would make pages of megabytes: its top goals only.
        if builder.kb.documents(ofType: .goal).filter(builder.kb.isActive).count > SiteBuilder.fullTreeLimit { options.treeDepth = 1 }
        let report = await ReportBuilder(kb: builder.kb, analysis: builder.analysis, diagnostics: builder.diagnostics, options: options).build()
        let treeCut = options.treeDepth != nil
        let (sections, context) = try ReportRenderer(templates: builder.templates, listLimit: 10).htmlSections(report, withSVG: !treeCut)
        return ReportParts(report: report, sections: sections, context: context, treeCut: treeCut)
    }

    // MARK: Pages

    /// Document pages, the bulk of the work, side by side in chunks.
    func renderDocuments(_ pages: PageRenderer) {
        let documents = kb.documents
        let chunks = SiteBuilder.chunks(documents.count)
        DispatchQueue.concurrentPerform(iterations: chunks.count) { c in
            for document in documents[chunks[c]] { renderDocument(document, pages) }
        }
    }

    func renderDocument(_ document: Document, _ pages: PageRenderer) {
        let path = links.page(document)
        let context = documentPage.context(document, root: SitePaths.root(from: path), diagnostics: diagnosticsByPath[document.path])
        pages.render(path, template: "document", title: document.title, section: document.type.rawValue, contexts: context)
    }

    /// The dashboard: who must act now first (WhoMustAct), then the metrics; the report's other
    /// "needs attention" lists (housekeeping) are counted and linked, not repeated.
    func renderDashboard(_ pages: PageRenderer, _ report: ReportParts) {
        var dashboard = report.context
        dashboard["section"] = report.sections
        dashboard["act"] = WhoMustAct(items: items, analysis: analysis).context(root: "")
        let attention = report.report.attention
        let counts: [(Int, String, String)] = [
            (attention.serving_finished_goals.count, "item serving only finished goals", "items serving only finished goals"),
            (attention.retired_references.count, "reference to a retired decision", "references to retired decisions"),
            (attention.broken_references.count, "broken reference", "broken references"),
        ]
        var housekeeping: [[String: Any]] = []
        for (count, one, many) in counts where count > 0 { housekeeping.append(["count": count, "text": count == 1 ? one : many]) }
        dashboard["housekeeping"] = housekeeping.isEmpty ? false : ["entries": housekeeping] as [String: Any]
        dashboard["top_goals"] = report.report.goal_tree.compactMap { node -> [String: Any]? in
            guard var item = items.item(node.goal, root: "") else { return nil }
            item["progress_text"] = node.progress_text
            return item
        }
        dashboard["views"] = report.sections["views"] ?? ""
        dashboard["latest_digest"] = digests.first.map { digestSummary($0, root: "") } ?? false
        pages.render(SiteLinks.dashboard, template: "dashboard", title: builder.title, section: "dashboard", context: dashboard)
    }

    func renderReport(_ pages: PageRenderer, _ report: ReportParts) {
        var context = report.context
        context["section"] = report.sections
        context["people_inline"] = report.report.people.count <= SiteBuilder.inlinePeopleLimit
        context["people_count"] = report.report.people.count
        pages.render(SiteLinks.report, template: "report", title: "Alignment report", section: "report", context: context)
    }

    /// The list pages (goals, decision log, boards, people, tags), made once.
    var listPages: [ListPages.Page] {
        if let lists = lock.withLock({ lists }) { return lists }
        let made = ListPages(items: items, analysis: analysis).all()
        lock.withLock { lists = made }
        return made
    }

    /// A list page; the goals page starts with the report's goal tree.
    func renderList(_ page: ListPages.Page, _ pages: PageRenderer, _ report: ReportParts) {
        var page = page
        if page.path == SiteLinks.goals {
            page.context["tree"] = report.sections["goals"] ?? ""
            page.context["tree_cut"] = report.treeCut
            page.context["goal_tree_svg"] = report.treeCut ? ReportRenderer.svg(report.report) : ""
            page.context["top_count"] = report.report.goal_tree.count
        }
        pages.render(page.path, template: page.template, title: page.title, section: page.section, context: page.context)
    }

    /// `{period, since, until, href, changes, decisions, summary}` for lists of digests (`summary`: the
    /// counts in words, plurals right: "4 changes, 1 decision made").
    private func digestSummary(_ digest: WeeklyDigest, root: String) -> [String: Any] {
        ["period": digest.period, "since": digest.since.description, "until": digest.until.description,
         "href": root + SiteLinks.url(SiteLinks.digest(digest.period)), "changes": digest.groups.reduce(0) { $0 + $1.changes.count },
         "decisions": digest.decisions.count, "summary": digest.summary, "source": digest.source]
    }

    /// The index of digests and a page for each, linking the documents' pages.
    func renderDigests(_ pages: PageRenderer) {
        renderDigestIndex(pages)
        for i in digests.indices { renderDigest(i, pages) }
    }

    private func renderDigestIndex(_ pages: PageRenderer) {
        let root = SitePaths.root(from: SiteLinks.digests)
        pages.render(SiteLinks.digests, template: "digests", title: "Weekly digests", section: "digests",
                     context: ["digests": digests.map { digestSummary($0, root: root) }, "count": digests.count])
    }

    private func renderDigest(_ i: Int, _ pages: PageRenderer) {
        let root = SitePaths.root(from: SiteLinks.digests)
        let digest = digests[i]
        let body = DigestRenderer.htmlBody(digest) { [items] entry in items.item(entry.id, root: root)?["href"] as? String }
        var context = digestSummary(digest, root: root)
        context["body"] = body
        context["newer"] = i > 0 ? digestSummary(digests[i - 1], root: root) : false
        context["older"] = i + 1 < digests.count ? digestSummary(digests[i + 1], root: root) : false
        pages.render(SiteLinks.digest(digest.period), template: "digest", title: "Digest: week \(digest.period)", section: "digests", context: context)
    }

    // MARK: One file at a time (serve)

    /// One file of the site by its path: a page rendered now, or a generated or copied file;
    /// nil when the site has no such file.
    public func file(at path: String) async throws -> [UInt8]? {
        let output = SiteFiles()
        let pages = renderer(output)
        if let document = document(atPage: path) {
            renderDocument(document, pages)
        } else if path == SiteLinks.dashboard {
            renderDashboard(pages, try await reportParts())
        } else if path == SiteLinks.report {
            renderReport(pages, try await reportParts())
        } else if path == SiteLinks.digests {
            renderDigestIndex(pages)
        } else if let i = digests.firstIndex(where: { SiteLinks.digest($0.period) == path }) {
            renderDigest(i, pages)
        } else if path == SiteLinks.searchIndex {
            writeSearchIndex(to: output)
        } else if path == SiteLinks.feed {
            writeFeed(to: output)
        } else if path == SiteLinks.sitemap {
            writeSitemap(to: output, pages: allPages)
        } else if path.hasPrefix(SiteLinks.theme + "/") {
            copyThemeFiles(to: output)
        } else if let page = listPages.first(where: { $0.path == path }) {
            renderList(page, pages, try await reportParts())
        } else if let asset = publishedFiles().published[path] {
            copy(asset, to: path, into: output)
        }
        return output[path]
    }

    /// The path of every page the site has (for the sitemap), as a build writes them.
    private var allPages: [String] {
        var pages: [String] = kb.documents.map { links.page($0) }
        pages.append(contentsOf: digests.map { SiteLinks.digest($0.period) })
        pages.append(contentsOf: listPages.map { $0.path })
        pages.append(contentsOf: [SiteLinks.dashboard, SiteLinks.digests, SiteLinks.report])
        return pages
    }

    /// The document whose page is at `path`: its source is the page's path with `.md` (any case)
    /// for `.html`, under `_doc/` or not; a page whose name was shortened (SitePaths.fitting), by
    /// looking at every page's path.
    private func document(atPage path: String) -> Document? {
        guard path.hasSuffix(".html") else { return nil }
        let stem = String(path.dropLast(5))
        let stems = stem.hasPrefix("_doc/") ? [stem, String(stem.dropFirst(5))] : [stem]
        for stem in stems {
            for suffix in [".md", ".MD", ".Md", ".mD"] {
                if let document = kb.document(atPath: stem + suffix), links.page(document) == path { return document }
            }
        }
        let long = (path.split(separator: "/").last?.utf8.count ?? 0) > SitePaths.slugLimit
        return long ? kb.documents.first { links.page($0) == path } : nil
    }

    // MARK: Other files

    func writeSearchIndex(to writer: some SiteOutput) {
        let documents = kb.documents
        let chunks = SiteBuilder.chunks(documents.count)
        // Each chunk's entries straight to bytes, a few chunks side by side, written in order as
        // they are made: the index (tens of megabytes) is never in memory whole.
        let batch = ProcessInfo.processInfo.activeProcessorCount
        writer.write(SiteLinks.searchIndex) { emit in
            var script = SearchIndex.Script()
            script.start(emit)
            for start in stride(from: 0, to: chunks.count, by: batch) {
                let batchChunks = Array(chunks[start..<min(start + batch, chunks.count)])
                let parts = LockedSlots<[UInt8]>(count: batchChunks.count)
                DispatchQueue.concurrentPerform(iterations: batchChunks.count) { c in
                    var part: [UInt8] = []
                    for (i, document) in documents[batchChunks[c]].enumerated() {
                        if i > 0 { part += ",\n".utf8 }
                        SearchIndex.append(SearchIndex.entry(document, href: SiteLinks.url(links.page(document))), to: &part)
                    }
                    parts.set(c, part)
                }
                for part in parts.values { script.add(part, emit) }
            }
            script.finish(emit)
        }
    }

    /// Every other file of the KB (beside the pages that link them) the allow-list lets through
    /// (PublishPolicy), but its configuration files, bearing.yml and people.yml. Returns the files
    /// left out without a diagnostic: those of a type not on the list (a type a browser would run
    /// is the rule `unpublished-file`'s) and those a page of the site shadows (`a.html` beside `a.md`).
    func copyFiles(to writer: some SiteOutput) -> [String] {
        let (published, leftOut) = publishedFiles()
        for (target, asset) in published { copy(asset, to: target, into: writer) }
        return leftOut
    }

    /// Copies a file of the knowledge base from where it is once its links are resolved, when that is
    /// still inside the knowledge base (the scan checked it; a link swapped in since is not followed).
    private func copy(_ asset: String, to target: String, into writer: some SiteOutput) {
        guard case .inside(let resolved) = builder.boundary.locate(asset) else { return }
        writer.copy(from: resolved, to: target)
    }

    /// The KB's files the site publishes, by their path in the site, and those left out silently (see `copyFiles`).
    private func publishedFiles() -> (published: [String: String], leftOut: [String]) {
        var pages = Set(kb.documents.map(SiteLinks.page))
        pages.insert(SiteLinks.searchIndex)
        var published: [String: String] = [:]
        var leftOut: [String] = []
        for asset in kb.assets {
            switch PublishPolicy.verdict(forAsset: asset, configuration: kb.configuration) {
            case nil, .active?: continue
            case .unlisted?: leftOut.append(asset)
            case .published?:
                let target = SiteLinks.file(asset)
                if pages.contains(target) { leftOut.append(asset) } else { published[target] = asset }
            }
        }
        return (published, leftOut)
    }

    /// The theme's static files, in `_bearing/`.
    func copyThemeFiles(to writer: some SiteOutput) {
        for file in SiteBuilder.themeFiles {
            if let text = builder.templates.files[file] { writer.write("\(SiteLinks.theme)/\(file.split(separator: "/").last!)", text) }
        }
    }

    func writeFeed(to writer: some SiteOutput) {
        writer.write(SiteLinks.feed, SiteFeed.xml(title: builder.title, baseURL: builder.baseURL, today: analysis.today, entries: digestEntries() + feedEntries()))
    }

    func writeSitemap(to writer: some SiteOutput, pages: [String]) {
        if let baseURL = builder.baseURL { writer.write(SiteLinks.sitemap, SiteFeed.sitemap(baseURL: baseURL, pages: pages)) }
    }

    /// A feed entry per digest, so people can subscribe to the weekly digest.
    private func digestEntries() -> [SiteFeed.Entry] {
        digests.map { digest in
            SiteFeed.Entry(id: "digest-\(digest.period)", title: "Digest: week \(digest.period)",
                           href: SiteLinks.url(SiteLinks.digest(digest.period)), day: digest.until, summary: digest.summary + ".")
        }
    }

    /// The most recently dated documents for the feed: newest first, decisions before others on the same day.
    private func feedEntries() -> [SiteFeed.Entry] {
        let dated = kb.documents.compactMap { document -> (Day, Document)? in
            (document.decision?.date ?? document.updated ?? document.created).map { ($0, document) }
        }
        let newest = dated.sorted { a, b in
            (a.0, a.1.type == .decision ? 1 : 0, b.1.id) > (b.0, b.1.type == .decision ? 1 : 0, a.1.id)
        }.prefix(SiteFeed.limit)
        return newest.map { day, document in
            let kind = document.label.map { "Decision \($0)" } ?? document.type.rawValue.capitalized
            return SiteFeed.Entry(id: document.id, title: "\(kind): \(document.title) (\(document.statusLabel))",
                                  href: SiteLinks.url(links.page(document)), day: day,
                                  summary: SearchIndex.plainText(fromHTML: document.body.html ?? "", limit: 280))
        }
    }
}
