import Foundation

/// The site of `bearing serve` (SPEC §8): built in memory, its pages rendered when a browser
/// asks for them, and rebuilt when files change. A rebuild redoes only what the changed files can
/// change (KnowledgeBaseEngine) and replaces the site at once. When a rebuild has errors the served site did not
/// have (a broken file, a reference to a goal just removed), the previous site keeps being
/// served and those errors are reported (`problems`), until a rebuild without them.
/// Safe to use from several threads.
public final class PreviewSite: @unchecked Sendable {
    /// A site that was published: its number counts rebuilds, so a page knows whether it is current.
    public final class Generation: Sendable {
        public let number: Int
        let pages: SitePages
        let rendered = SiteFiles()
        /// The errors the site was published with: they do not hold the next one back.
        let errors: [Diagnostic]

        init(number: Int, pages: SitePages, errors: [Diagnostic]) {
            self.number = number
            self.pages = pages
            self.errors = errors
        }
    }

    /// What a rebuild did.
    public enum Update: Sendable, Equatable {
        /// A new site is served; pages showing an older one should reload.
        case published(generation: Int)
        /// The files have errors the served site has not: it is still served.
        case rejected(problems: [Diagnostic])
    }

    public let root: String
    private let clock: Clock
    private let digestWeeks: Int
    private let git: GitRunner?
    private let engine: KnowledgeBaseEngine
    private let lock = NSLock()
    private var current: Generation?
    private var currentProblems: [Diagnostic] = []
    private var digests: [WeeklyDigest] = []
    /// Whether the folder was found gone by the last rebuild: when it comes back, it may be another.
    private var folderGone = false

    /// `digestWeeks` past weeks get a digest page, made once at `start` (digests are of past weeks).
    public init(root: String, clock: Clock, digestWeeks: Int = 12, git: GitRunner? = GitRunner()) {
        self.root = root
        self.clock = clock
        self.digestWeeks = digestWeeks
        self.git = git
        engine = KnowledgeBaseEngine(root: root, clock: clock, git: git)
    }

    public var generation: Generation? { lock.withLock { current } }

    /// The top-level folders of a knowledge base whose changes do not matter: the site's output
    /// (bearing.yml's `output`, which a `bearing build` beside the server may rewrite) and node_modules.
    public static func ignoredFolders(root: String) -> Set<String> {
        var unused: [Diagnostic] = []
        let (configuration, _) = Configuration.read(KnowledgeBaseLoader.readYAMLFile(FolderFiles(root: root), Configuration.fileName, &unused))
        return [KnowledgeBaseLoader.outputFolder(configuration), "node_modules"]
    }

    /// How many documents the current site has.
    public var documentCount: Int { generation?.pages.kb.documents.count ?? 0 }

    /// What the current site leaves out at the knowledge base's edge (a symbolic link leaving it, a
    /// fifo, a file name that is not UTF-8): warnings the terminal shows, as nothing else does.
    public var leftOut: [Diagnostic] {
        generation?.pages.builder.diagnostics.filter { KnowledgeBaseScan.rules.contains($0.rule) } ?? []
    }

    /// The errors that hold back the current files (empty when the site is up to date).
    public var problems: [Diagnostic] { lock.withLock { currentProblems } }

    /// The first build: git history and digests, then every file parsed. Throws when the folder is
    /// not a knowledge base or the theme cannot be compiled (nothing to serve).
    public func start() async throws {
        guard FileReader.isDirectory(root) else { throw KnowledgeBaseLoader.Failure.notADirectory(root) }
        let today = clock.today()
        var (builder, diagnostics) = site(await engine.start())
        if digestWeeks > 0 {
            let state = KnowledgeBaseChange.State(label: "files", kb: builder.kb, diagnostics: builder.diagnostics, analysis: builder.analysis)
            digests = await DigestBuilder.build(root: root, periods: DigestBuilder.recentWeeks(digestWeeks, before: today), git: git, current: state)
            builder = SiteBuilder(kb: builder.kb, analysis: builder.analysis, diagnostics: builder.diagnostics, templates: builder.templates,
                                  source: root, digests: digests)
        }
        let generation = Generation(number: 1, pages: try builder.pages(), errors: Self.errors(diagnostics))
        lock.withLock { current = generation }
    }

    private static func errors(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.filter { $0.severity == .error }
    }

    /// Rebuilds after `changed` files (paths relative to the KB) were written, created or removed
    /// (`FileWatcher.everything`: anything may have changed).
    public func rebuild(changed: Set<String>) async -> Update {
        // A folder deleted or moved away would read as an empty knowledge base: the last site is
        // kept and the loss reported, until the folder is back.
        guard FileReader.isDirectory(root) else {
            let problem = Diagnostic(.error, .knowledgeBaseMissing,
                                     "the knowledge base folder is gone (deleted or moved away): the last pages are still served, and it is read again when it comes back",
                                     at: SourceLocation(path: ".", line: 1, column: 1))
            return lock.withLock {
                folderGone = true
                currentProblems = [problem]
                return .rejected(problems: [problem])
            }
        }
        let cameBack = lock.withLock { () -> Bool in
            defer { folderGone = false }
            return folderGone
        }
        if cameBack { engine.forgetAll() }
        let (builder, diagnostics) = site(await engine.update(changed: changed))
        var timer = StageTimer()
        let pages: SitePages
        do {
            pages = try builder.pages(previous: generation?.pages)
        } catch {
            // The theme does not compile (the KB's templates/ overrides a page with an error).
            let template = (error as? TemplateError).map { "templates/" + $0.path } ?? "templates"
            let problem = Diagnostic(.error, RuleID(rawValue: "template"), (error as? TemplateError)?.message ?? "\(error)",
                                     at: SourceLocation(path: template, line: 1, column: 1))
            return lock.withLock {
                currentProblems = [problem]
                return .rejected(problems: [problem])
            }
        }
        timer.mark("site")
        let (update, previous) = lock.withLock { () -> (Update, Generation?) in
            let new = Diagnostic.new(in: Self.errors(diagnostics), since: current?.errors ?? [])
            guard new.isEmpty || current == nil else {
                currentProblems = new
                return (.rejected(problems: new), nil)
            }
            let previous = current
            let number = (previous?.number ?? 0) + 1
            current = Generation(number: number, pages: pages, errors: Self.errors(diagnostics))
            currentProblems = []
            return (.published(generation: number), previous)
        }
        // Freeing the previous site (thousands of documents) need not delay the reload.
        if let previous { DispatchQueue.global(qos: .utility).async { withExtendedLifetime(previous) {} } }
        timer.mark("publish")
        return update
    }

    /// A loaded knowledge base ready for a site; with the diagnostics of the theme too.
    private func site(_ result: KnowledgeBaseLoader.Result) -> (SiteBuilder, [Diagnostic]) {
        let (templates, templateDiagnostics) = TemplateSet.load(knowledgeBase: root)
        let builder = SiteBuilder(kb: result.knowledgeBase, analysis: result.analysis!, diagnostics: result.diagnostics, templates: templates,
                                  source: root, digests: digests)
        return (builder, result.diagnostics + templateDiagnostics)
    }

    // MARK: Serving

    /// What the server sends for a request path.
    public enum Response: Sendable, Equatable {
        case file(bytes: [UInt8], contentType: String)
        /// A folder asked for without its final `/`: relative links need it.
        case redirect(location: String)
        case notFound
    }

    /// The file at a URL path (percent-decoded, without the query): pages get the live-reload
    /// script; `/_bearing/live.js` is that script.
    public func response(for urlPath: String) async -> Response {
        guard let generation else { return .notFound }
        var path = String(urlPath.drop { $0 == "/" })
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        if path == LiveReload.scriptPath {
            return .file(bytes: Array(LiveReload.script.utf8), contentType: ContentType.of(path))
        }
        guard let bytes = await file(path, in: generation) else {
            let folderIndex = path + "/index.html"
            if !path.split(separator: "/").last!.contains("."), await file(folderIndex, in: generation) != nil {
                return .redirect(location: "/" + Escape.path(path) + "/")
            }
            return .notFound
        }
        let contentType = ContentType.of(path)
        guard contentType.hasPrefix("text/html") else { return .file(bytes: bytes, contentType: contentType) }
        return .file(bytes: LiveReload.inject(into: bytes, generation: generation.number), contentType: contentType)
    }

    /// A file of the generation's site, rendered once.
    private func file(_ path: String, in generation: Generation) async -> [UInt8]? {
        if let known = generation.rendered[path] { return known }
        var timer = StageTimer()
        guard let bytes = try? await generation.pages.file(at: path) else { return nil }
        timer.mark("render \(path)")
        generation.rendered.write(path, bytes: bytes)
        return bytes
    }
}
