import Foundation

/// `bearing build` (SPEC §7): renders every page of the site from the knowledge base, its
/// analysis and the theme, into a SiteWriter. Pages are independent and render side by side;
/// each is its template (`site/<name>.html`) inside the layout (`site/layout.html`).
public struct SiteBuilder: Sendable {
    public let kb: KnowledgeBase
    public let analysis: AlignmentAnalysis
    public let diagnostics: [Diagnostic]
    public let templates: TemplateSet
    /// The knowledge base's folder, to copy its images and other files from.
    public let source: String
    /// The site's address, for the feed's and sitemap's absolute links (`base_url`, or `--base-url`).
    public let baseURL: String?
    /// The weekly digests to publish, newest first (DigestBuilder).
    public let digests: [WeeklyDigest]

    public init(kb: KnowledgeBase, analysis: AlignmentAnalysis, diagnostics: [Diagnostic], templates: TemplateSet, source: String,
                baseURL: String? = nil, digests: [WeeklyDigest] = []) {
        self.digests = digests
        self.baseURL = (baseURL ?? kb.configuration.baseURL).flatMap(\.nilIfEmpty)
        self.kb = kb
        self.analysis = analysis
        self.diagnostics = diagnostics
        self.templates = templates
        self.source = source
    }

    /// The theme's static files, copied to `_bearing/` (the report's style sheet is the base of the site's).
    static let themeFiles = ["report/report.css", "site/site.css", "site/site.js", "site/favicon.svg"]

    var title: String { kb.configuration.title ?? "Knowledge base" }

    /// Above this many active goals, the goals page and the report show the top goals only.
    static let fullTreeLimit = 150
    /// Above this many people and teams, the report page links the people's pages instead of listing them.
    static let inlinePeopleLimit = 50

    /// Builds every page into `writer`; returns the files of the KB left out (see `copyFiles`).
    @discardableResult
    public func build(into writer: SiteWriter) async throws -> [String] {
        let library = try templates.pageTemplates()
        for name in ["layout", "document", "dashboard", "goals", "decisions", "board", "boards", "people", "person", "tags", "list", "report", "pager", "item", "digests", "digest"]
        where library["site/\(name).html"] == nil {
            throw TemplateError(path: "site/\(name).html.mustache", message: "template not found")
        }
        let people = ListPages.peopleIDs(analysis)
        let links = SiteLinks(tags: kb.documents.flatMap(\.tags), people: people)
        var roots: Set<String> = [""]
        for document in kb.documents { roots.insert(SitePaths.root(from: links.page(document))) }
        for path in [SiteLinks.boards, SiteLinks.people, SiteLinks.tags, SiteLinks.digests] { roots.insert(SitePaths.root(from: path)) }
        let items = SiteItems(kb: kb, analysis: analysis, links: links, roots: roots, library: library)
        let lists = ListPages(items: items, analysis: analysis)
        let pages = PageRenderer(library: library, title: title, language: kb.configuration.language ?? "en", today: analysis.today, writer: writer)

        // The report's sections, linking the site's pages; the dashboard shows some of them.
        var options = ReportOptions()
        options.sitePages = true
        // A large knowledge base's tree would make pages of megabytes: its top goals only.
        if kb.documents(ofType: .goal).filter(kb.isActive).count > Self.fullTreeLimit { options.treeDepth = 1 }
        let report = await ReportBuilder(kb: kb, analysis: analysis, diagnostics: diagnostics, options: options).build()
        // A cut tree's picture is on the goals page only, its list on the report page only.
        let treeCut = options.treeDepth != nil
        let (sections, reportContext) = try ReportRenderer(templates: templates, listLimit: 10).htmlSections(report, withSVG: !treeCut)

        renderDocuments(items: items, pages: pages)
        var dashboard = reportContext
        dashboard["section"] = sections
        dashboard["top_goals"] = report.goal_tree.compactMap { node -> [String: Any]? in
            guard var item = items.item(node.goal, root: "") else { return nil }
            item["progress_text"] = node.progress_text
            return item
        }
        dashboard["views"] = sections["views"] ?? ""
        dashboard["latest_digest"] = digests.first.map { digestSummary($0, root: "") } ?? false
        renderDigests(items: items, pages: pages)
        pages.render(SiteLinks.dashboard, template: "dashboard", title: title, section: "dashboard", context: dashboard)

        // The list pages, side by side; the goals page starts with the report's goal tree.
        let listPages = lists.all()
        DispatchQueue.concurrentPerform(iterations: listPages.count) { i in
            var page = listPages[i]
            if page.path == SiteLinks.goals {
                page.context["tree"] = sections["goals"] ?? ""
                page.context["tree_cut"] = treeCut
                page.context["goal_tree_svg"] = treeCut ? ReportRenderer.svg(report) : ""
                page.context["top_count"] = report.goal_tree.count
            }
            pages.render(page.path, template: page.template, title: page.title, section: page.section, context: page.context)
        }
        var reportPage = reportContext
        reportPage["section"] = sections
        reportPage["people_inline"] = report.people.count <= Self.inlinePeopleLimit
        reportPage["people_count"] = report.people.count
        pages.render(SiteLinks.report, template: "report", title: "Alignment report", section: "report", context: reportPage)

        writeSearchIndex(links, to: writer)
        writer.write(SiteLinks.feed, SiteFeed.xml(title: title, baseURL: baseURL, today: analysis.today, entries: digestEntries() + feedEntries(links)))
        if let baseURL {
            writer.write(SiteLinks.sitemap, SiteFeed.sitemap(baseURL: baseURL, pages: pages.written))
        }
        return copyFiles(to: writer)
    }

    /// `{period, since, until, href, changes, decisions}` for lists of digests.
    private func digestSummary(_ digest: WeeklyDigest, root: String) -> [String: Any] {
        ["period": digest.period, "since": digest.since.description, "until": digest.until.description,
         "href": root + SiteLinks.url(SiteLinks.digest(digest.period)), "changes": digest.groups.reduce(0) { $0 + $1.changes.count },
         "decisions": digest.decisions.count, "source": digest.source]
    }

    /// The index of digests and a page for each, linking the documents' pages.
    private func renderDigests(items: SiteItems, pages: PageRenderer) {
        let root = SitePaths.root(from: SiteLinks.digests)
        pages.render(SiteLinks.digests, template: "digests", title: "Weekly digests", section: "digests",
                     context: ["digests": digests.map { digestSummary($0, root: root) }, "count": digests.count])
        for (i, digest) in digests.enumerated() {
            let body = DigestRenderer.htmlBody(digest) { entry in items.item(entry.id, root: root)?["href"] as? String }
            var context = digestSummary(digest, root: root)
            context["body"] = body
            context["newer"] = i > 0 ? digestSummary(digests[i - 1], root: root) : false
            context["older"] = i + 1 < digests.count ? digestSummary(digests[i + 1], root: root) : false
            pages.render(SiteLinks.digest(digest.period), template: "digest", title: "Digest: week \(digest.period)", section: "digests", context: context)
        }
    }

    /// Document pages, the bulk of the work, side by side in chunks.
    private func renderDocuments(items: SiteItems, pages: PageRenderer) {
        let documentPage = DocumentPage(items: items, analysis: analysis, evaluator: QueryEvaluator(kb: kb, analysis: analysis))
        let byPath = Dictionary(grouping: diagnostics, by: \.location.path)
        let documents = kb.documents
        let chunks = Self.chunks(documents.count)
        DispatchQueue.concurrentPerform(iterations: chunks.count) { c in
            for document in documents[chunks[c]] {
                let path = items.links.page(document)
                let context = documentPage.context(document, root: SitePaths.root(from: path), diagnostics: byPath[document.path] ?? [])
                pages.render(path, template: "document", title: document.title, section: document.type.rawValue, context: context)
            }
        }
    }

    /// Ranges of `count` items, several per core so that uneven pages even out.
    static func chunks(_ count: Int) -> [Range<Int>] {
        let size = max(1, count / (ProcessInfo.processInfo.activeProcessorCount * 8))
        return stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
    }

    private func writeSearchIndex(_ links: SiteLinks, to writer: SiteWriter) {
        let documents = kb.documents
        let chunks = Self.chunks(documents.count)
        let entries = LockedSlots<[[String]]>(count: chunks.count)
        DispatchQueue.concurrentPerform(iterations: chunks.count) { c in
            entries.set(c, documents[chunks[c]].map { SearchIndex.entry($0, href: SiteLinks.url(links.page($0))) })
        }
        writer.write(SiteLinks.searchIndex, SearchIndex.script(entries.values.flatMap { $0 }))
    }

    /// The theme's static files, and every other file of the KB (beside the pages that link
    /// them) but its configuration files, bearing.yml and people.yml. Files a browser would run as a page or script (`.html`,
    /// `.svg`, `.js`, …) are left out unless `unsafe_html: true`: on the site's address they
    /// could run script for anyone who opens them. Returns the files left out.
    private func copyFiles(to writer: SiteWriter) -> [String] {
        for file in Self.themeFiles {
            if let text = templates.files[file] { writer.write("\(SiteLinks.theme)/\(file.split(separator: "/").last!)", text) }
        }
        var pages = Set(kb.documents.map(SiteLinks.page))
        pages.insert(SiteLinks.searchIndex)
        var skipped: [String] = []
        for asset in kb.assets where asset != Configuration.fileName && asset != PeopleDirectory.fileName {
            let target = SiteLinks.file(asset)
            let active = Self.activeExtensions.contains((asset as NSString).pathExtension.lowercased())
            if pages.contains(target) || (active && !kb.configuration.unsafeHTML) {
                skipped.append(asset)
                continue
            }
            writer.copy(from: source + "/" + asset, to: target)
        }
        return skipped
    }

    /// Files a browser runs as a page or script when opened.
    static let activeExtensions: Set<String> = ["html", "htm", "xhtml", "xht", "svg", "svgz", "js", "mjs", "xml", "xsl", "swf"]

    /// A feed entry per digest, so people can subscribe to the weekly digest.
    private func digestEntries() -> [SiteFeed.Entry] {
        digests.map { digest in
            let changes = digest.groups.reduce(0) { $0 + $1.changes.count }
            return SiteFeed.Entry(id: "digest-\(digest.period)", title: "Digest: week \(digest.period)",
                                  href: SiteLinks.url(SiteLinks.digest(digest.period)), day: digest.until,
                                  summary: "\(changes) changes, \(digest.decisions.count) decisions made, \(digest.status_changes.count) status changes.")
        }
    }

    /// The most recently dated documents for the feed: newest first, decisions before others on the same day.
    private func feedEntries(_ links: SiteLinks) -> [SiteFeed.Entry] {
        let dated = kb.documents.compactMap { document -> (Day, Document)? in
            (document.decision?.date ?? document.updated ?? document.created).map { ($0, document) }
        }
        let newest = dated.sorted { a, b in
            (a.0, a.1.type == .decision ? 1 : 0, b.1.id) > (b.0, b.1.type == .decision ? 1 : 0, a.1.id)
        }.prefix(SiteFeed.limit)
        return newest.map { day, document in
            let kind = document.label.map { "Decision \($0)" } ?? document.type.rawValue.capitalized
            return SiteFeed.Entry(id: document.id, title: "\(kind): \(document.title) (\(document.status))",
                                  href: SiteLinks.url(links.page(document)), day: day,
                                  summary: SearchIndex.plainText(fromHTML: document.body.html ?? "", limit: 280))
        }
    }
}
