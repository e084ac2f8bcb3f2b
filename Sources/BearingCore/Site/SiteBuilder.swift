import Foundation

/// `bearing build` (SPEC §7): renders every page of the site from the knowledge base, its
/// analysis and the theme, into a SiteOutput (SiteWriter: a folder). Pages are independent and render side by side;
/// each is its template (`site/<name>.html`) inside the layout (`site/layout.html`).
public struct SiteBuilder: Sendable {
    public let kb: KnowledgeBase
    public let analysis: AlignmentAnalysis
    public let diagnostics: [Diagnostic]
    public let templates: TemplateSet
    /// The knowledge base's folder, to copy its images and other files from.
    public let source: String
    /// Its edge: a file copied is read only when it (links resolved) is still inside.
    let boundary: KnowledgeBaseBoundary
    /// The site's address, for the feed's and sitemap's absolute links (`base_url`, or `--base-url`).
    public let baseURL: String?
    /// The weekly digests to publish, newest first (DigestBuilder).
    public let digests: [WeeklyDigest]
    /// Where "Edit this page" links lead, documents' paths appended (EditLink), or nil.
    public let editBase: String?

    /// `git`: to find a GitHub `origin` for "Edit this page" when bearing.yml has no `repository_url`
    /// (one git process; nil: no git).
    public init(kb: KnowledgeBase, analysis: AlignmentAnalysis, diagnostics: [Diagnostic], templates: TemplateSet, source: String,
                baseURL: String? = nil, digests: [WeeklyDigest] = [], git: GitRunner? = nil) {
        self.digests = digests
        editBase = EditLink.base(configuration: kb.configuration, source: source, git: git)
        // Checked where it was read (bearing.yml, --base-url); again here for any other caller.
        self.baseURL = URLSafety.webAddress(baseURL ?? kb.configuration.baseURL)
        self.kb = kb
        self.analysis = analysis
        self.diagnostics = diagnostics
        self.templates = templates
        self.source = source
        boundary = KnowledgeBaseBoundary(root: source)
    }

    /// The theme's static files, copied to `_bearing/` (the report's style sheet is the base of the site's).
    static let themeFiles = ["report/report.css", "site/site.css", "site/site.js", "site/favicon.svg"]

    var title: String { kb.configuration.title ?? "Knowledge base" }

    /// Above this many active goals, the goals page and the report show the top goals only.
    static let fullTreeLimit = 150
    /// Above this many people and teams, the report page links the people's pages instead of listing them.
    static let inlinePeopleLimit = 50

    /// Builds every page into `output`; returns the files of the KB left out without a diagnostic (see `SitePages.copyFiles`).
    /// With `progress`, reports each document's page written.
    @discardableResult
    public func build(into output: some SiteOutput, progress: ProgressReport? = nil) async throws -> [String] {
        var timer = StageTimer()
        defer { timer.mark("site: render and write") }
        guard let progress else { return try await build(output) }
        return try await build(ProgressOutput(output, pages: Set(kb.documents.map(SiteLinks.page)), progress: progress))
    }

    private func build(_ output: some SiteOutput) async throws -> [String] {
        var timer = StageTimer()
        let site = try pages()
        site.items.prepare(roots: site.roots)
        timer.mark("site: items")
        let renderer = site.renderer(output)
        // The report (partly serial) is made while the documents' pages render; they render on
        // Dispatch's threads, leaving this task's thread to the report.
        let reportTask = Task { try await site.reportParts() }
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                site.renderDocuments(renderer)
                done.resume()
            }
        }
        timer.mark("site: documents")
        let report = try await reportTask.value
        timer.mark("site: report")
        site.renderDashboard(renderer, report)
        site.renderDigests(renderer)
        // The list pages, side by side.
        let listPages = site.listPages
        DispatchQueue.concurrentPerform(iterations: listPages.count) { i in site.renderList(listPages[i], renderer, report) }
        site.renderReport(renderer, report)
        timer.mark("site: lists and report")
        site.writeSearchIndex(to: output)
        timer.mark("site: search index")
        site.writeFeed(to: output)
        if baseURL != nil { site.writeSitemap(to: output, pages: renderer.written) }
        site.copyThemeFiles(to: output)
        let leftOut = site.copyFiles(to: output)
        timer.mark("site: feed and files")
        return leftOut
    }

    /// The site prepared for rendering its pages one at a time, on demand (`bearing serve`).
    /// `previous`: the last site served, whose compiled templates are kept when the theme's files
    /// are the same (a rebuild after an edit of a document).
    public func pages(previous: SitePages? = nil) throws -> SitePages {
        let library = try previous.flatMap { $0.builder.templates.files == templates.files ? $0.library : nil } ?? templates.pageTemplates()
        for name in ["layout", "document", "dashboard", "goals", "decisions", "board", "boards", "people", "person", "tags", "list", "report", "pager", "item", "digests", "digest"]
        where library["site/\(name).html"] == nil {
            throw TemplateError(path: "site/\(name).html.mustache", message: "template not found")
        }
        return SitePages(builder: self, library: library)
    }

    /// Ranges of `count` items, several per core so that uneven pages even out.
    static func chunks(_ count: Int) -> [Range<Int>] {
        let size = max(1, count / (ProcessInfo.processInfo.activeProcessorCount * 8))
        return stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
    }
}
