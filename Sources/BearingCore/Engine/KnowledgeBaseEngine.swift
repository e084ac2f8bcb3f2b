import Foundation

/// The engine behind `bearing serve` and `bearing lsp`: a knowledge base loaded
/// once, then brought up to date after each edit by redoing only what the edit can change — the
/// changed files' parses, their references, the model's tables they touch, the diagnostics whose
/// inputs changed, the analysis when what it reads changed (LoadCache and the memories of each
/// stage: ModelMemory, ValidationMemory, AnalysisMemory). The result always equals a load from
/// scratch (LoadCacheTests holds it to that after random edits). It owns the git history read at
/// `start`, and the unsaved texts of the files open in an editor (`update(buffers:changed:)`). Safe to use from several threads; updates are meant to run one at a time.
public final class KnowledgeBaseEngine: @unchecked Sendable {
    public let root: String
    private let clock: Clock
    private let git: GitRunner?
    private let markdown: MarkdownParser.Options
    private let cache = LoadCache()
    private let lock = NSLock()
    private var history: GitHistory?
    private var buffers: [String: [UInt8]] = [:]
    /// Whether each load makes the analysis (serve's pages show it); else `analysis(of:)` makes it
    /// when asked (the language server, whose diagnostics do not wait for it).
    private let analyses: Bool

    public init(root: String, clock: Clock, git: GitRunner?, markdown: MarkdownParser.Options = .init(renderHTML: true), analyses: Bool = true) {
        self.root = root
        self.analyses = analyses
        self.clock = clock
        self.git = git
        self.markdown = markdown
    }

    /// The git history (dates and authors) read once, when there is one; nil before `start`.
    public var gitHistory: GitHistory? { lock.withLock { history } }

    /// Reads the git history, then every file (open ones from `buffers`: see `update(buffers:changed:)`), with the analysis.
    public func start(buffers: [String: [UInt8]] = [:]) async -> KnowledgeBaseLoader.Result {
        lock.withLock { self.buffers = buffers }
        if let git {
            let read = KnowledgeBaseLoader.readHistory(root: root, today: clock.today(), git: git).0
            lock.withLock { history = read }
        }
        return await load()
    }

    /// The knowledge base after `changed` files (paths relative to the KB) were written, created
    /// or removed (`FileWatcher.everything`: anything may have changed).
    public func update(changed: Set<String>) async -> KnowledgeBaseLoader.Result {
        // Parses depend on the configuration and on people.yml (teams that sign off).
        if changed.contains(where: { $0 == Configuration.fileName || $0 == PeopleDirectory.fileName || $0 == FileWatcher.everything }) {
            cache.forgetAll()
        }
        cache.forget(changed, in: root, bufferSizes: lock.withLock { buffers.mapValues(\.count) })
        return await load()
    }

    /// The knowledge base with these unsaved texts read instead of their files (paths relative to
    /// the KB; they replace the previous set), after `changed` files changed on disk or in a buffer.
    public func update(buffers: [String: [UInt8]], changed: Set<String>) async -> KnowledgeBaseLoader.Result {
        lock.withLock { self.buffers = buffers }
        return await update(changed: changed)
    }

    /// The analysis of a result of this engine's last load (made without one): updated from the
    /// last analysis when the model changed little since, as a load would.
    public func analysis(of result: KnowledgeBaseLoader.Result) async -> AlignmentAnalysis {
        if let made = result.analysis { return made }
        let broken = AlignmentAnalysis.brokenReferences(in: result.diagnostics)
        guard let generation = cache.model.lastGeneration() else {
            return await AlignmentAnalysis.make(result.knowledgeBase, diagnostics: broken, today: clock.today())
        }
        return await cache.analysis.analysis(of: result.knowledgeBase, generation: generation, diagnostics: broken, today: clock.today())
    }

    /// Forgets everything: the next update reads every file (the folder was replaced, say).
    public func forgetAll() { cache.forgetAll() }

    private func load() async -> KnowledgeBaseLoader.Result {
        let files = BufferedFiles(FolderFiles(root: root), buffers: lock.withLock { buffers })
        return await KnowledgeBaseLoader.load(files, today: clock.today(), markdown: markdown,
                                       history: gitHistory, cache: cache, analyse: analyses)
    }
}
