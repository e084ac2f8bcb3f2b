import Foundation

/// The whole pipeline up to validation: load → parse → model → validate (STYLE.md),
/// reading files and parsing YAML in parallel around the serialised cmark-gfm calls.
public enum KnowledgeBaseLoader {
    /// Environment failures (not content problems) that stop a command with exit status 2.
    public enum Failure: Error, CustomStringConvertible, Equatable {
        case notADirectory(String)

        public var description: String {
            switch self {
            case .notADirectory(let path): "'\(path)' is not a folder: give the path of a knowledge base"
            }
        }
    }

    public struct Result: Sendable {
        public var knowledgeBase: KnowledgeBase
        /// Every diagnostic, configured severities applied, sorted by path and line.
        public var diagnostics: [Diagnostic]
        /// What git said, when the history was asked for (nil: not asked).
        public var history: HistoryState? = nil
        /// The alignment analysis, when asked for (`analyse`).
        public var analysis: AlignmentAnalysis? = nil
    }

    /// Whether documents got their dates and authors from git.
    public enum HistoryState: Sendable, Equatable {
        case read
        /// Not a git work tree, or no git: dates come from front matter only.
        case unavailable
        /// A shallow clone: its first commits are missing, so dates come from front matter only.
        case shallow
    }

    /// With `git`, documents without `created`/`updated` in front matter take the days of their
    /// first and last commits (SPEC §6), and every document its authors.
    /// With a `parseCache` (`bearing build`), files unchanged since the last build are not parsed again.
    public static func load(root: String, today: Day, markdown: MarkdownParser.Options = .init(), git: GitRunner? = nil,
                            analyse: Bool = false, parseCache: ParseCache? = nil, progress: ProgressReport? = nil) async throws -> Result {
        guard FileReader.isDirectory(root) else { throw Failure.notADirectory(root) }
        let (history, state) = git.map { readHistory(root: root, today: today, git: $0) } ?? (nil, nil)
        var result = await load(FolderFiles(root: root), today: today, markdown: markdown, history: history, analyse: analyse,
                                parseCache: parseCache, progress: progress)
        result.history = state
        return result
    }

    /// The pipeline over any files (a folder, a git revision), with dates from `history` when given.
    /// With a `cache`, files it holds are not read again, and only changed documents are resolved again.
    /// With `analyse`, the alignment analysis is made too, side by side with validation (it needs
    /// only the model's diagnostics: broken references).
    public static func load(_ files: some KnowledgeBaseFiles, today: Day, markdown: MarkdownParser.Options = .init(),
                            history: GitHistory? = nil, cache: LoadCache? = nil, analyse: Bool = false,
                            parseCache: ParseCache? = nil, progress: ProgressReport? = nil) async -> Result {
        var diagnostics: [Diagnostic] = []
        var timer = StageTimer()
        var (configuration, configDiagnostics) = Configuration.read(readYAMLFile(files, Configuration.fileName, &diagnostics))
        configuration.folderName = files.folderName
        diagnostics += configDiagnostics
        var people = PeopleDirectory()
        if files.exists(PeopleDirectory.fileName) {
            let (directory, peopleDiagnostics) = PeopleDirectory.read(readYAMLFile(files, PeopleDirectory.fileName, &diagnostics))
            people = directory
            diagnostics += peopleDiagnostics
        }

        let scan = cache?.scanned() ?? files.scan(ignore: IgnoreRules(configuration.ignore),
                                                  excludedTopLevel: [outputFolder(configuration), "templates", "node_modules"])
        cache?.store(scan: scan)
        let (entries, assets) = (scan.markdown, scan.assets)
        diagnostics += scan.diagnostics
        configuration.recordFolders = Configuration.recordFolders(of: entries.map(\.path))
        timer.mark("scan")
        var readable: [KnowledgeBaseScanner.Entry] = []
        for entry in entries {
            if entry.size > KnowledgeBaseScanner.maxFileSize {
                diagnostics.append(Diagnostic(.warning, .fileTooLarge, "file is larger than 8 MiB (\(entry.size) bytes) and was skipped",
                                              at: SourceLocation(path: entry.path, line: 1, column: 1)))
            } else {
                readable.append(entry)
            }
        }
        let reader = DocumentReader(configuration: configuration)
        var options = markdown
        if options.renderHTML, configuration.unsafeHTML { options.unsafeHTML = true }
        let markdown = options
        let cached = cache?.drafts(readable.map(\.path)) ?? Array(repeating: nil, count: readable.count)
        let missing = readable.indices.filter { cached[$0] == nil }.map { readable[$0].path }
        let assetSet = Set(assets)
        parseCache?.use(options: markdown)
        let counter = progress?.counter("parsing", total: missing.count)
        var parsed = await Parallel.map(missing) { path in
            defer { counter?.step() }
            return reader.read(parseCache.map { parseFile(path, files: files, markdown: markdown, assets: assetSet, cache: $0) }
                               ?? parseFile(path, files: files, markdown: markdown, assets: assetSet))
        }
        parseCache?.parsingEnded()
        progress?.report("checking", 0, 0)
        // Dates and authors from git, before caching: cached drafts are then used as they are,
        // unchanged, which keeps them identical (and cheap to compare) from load to load.
        if let history {
            for i in parsed.indices { history.apply(to: &parsed[i].document) }
        }
        cache?.store(Array(zip(missing, parsed)))
        var parsedAt = parsed.makeIterator()
        let drafts = cached.map { $0 ?? parsedAt.next()! }
        timer.mark("parse")
        let (kb, modelDiagnostics) = await KnowledgeBase.build(drafts: drafts, configuration: configuration, people: people, assets: assets, cache: cache)
        diagnostics += modelDiagnostics
        timer.mark("model")
        guard analyse else {
            diagnostics += await Validator.validate(kb, today: today)
            timer.mark("validate")
            return Result(knowledgeBase: kb, diagnostics: Validator.configure(diagnostics, with: configuration))
        }
        let modelStage = Validator.configure(diagnostics, with: configuration)
        async let validation = Validator.validate(kb, today: today)
        async let analysis = AlignmentAnalysis.make(kb, diagnostics: modelStage, today: today)
        diagnostics += await validation
        let result = Result(knowledgeBase: kb, diagnostics: Validator.configure(diagnostics, with: configuration), analysis: await analysis)
        timer.mark("validate and analyse")
        return result
    }

    /// The KB's git history and what git said, or none with `history: off` in its bearing.yml (the
    /// repository around the KB is another project's: its commits are not the KB's dates or authors).
    /// Every reader of a folder's history (load, serve, adopt) goes through here.
    public static func readHistory(root: String, today: Day, git: GitRunner) -> (GitHistory?, HistoryState?) {
        var ignored: [Diagnostic] = []
        guard Configuration.read(readYAMLFile(FolderFiles(root: root), Configuration.fileName, &ignored)).0.history else { return (nil, nil) }
        switch GitHistory.read(root: root, today: today, git: git) {
        case .history(let read): return (read, .read)
        case .unavailable: return (nil, .unavailable)
        case .shallow: return (nil, .shallow)
        }
    }

    /// The folder of the knowledge base the site goes to by default (bearing.yml's `output`, first
    /// segment): never read as content, and the only folder inside the KB a build may replace.
    public static func outputFolder(_ configuration: Configuration) -> String {
        configuration.output.split(separator: "/").first { $0 != "." }.map(String.init) ?? "_site"
    }

    /// `bytes`: the file's, when already read.
    static func parseFile(_ path: String, files: some KnowledgeBaseFiles, markdown: MarkdownParser.Options, assets: Set<String> = [],
                          bytes: [UInt8]? = nil) -> ParsedDocument {
        let (text, problems) = readText(files, path, bytes: bytes)
        var parsed = DocumentParser.parse(SourceFile(path: path, text: text ?? ""), markdownOptions: markdown)
        parsed.diagnostics += problems
        if let (sidecar, diagnostics) = SidecarFile.read(for: path, files: files, assets: assets) {
            parsed.sidecar = sidecar
            parsed.diagnostics += diagnostics
        }
        return parsed
    }

    /// Reads an optional YAML file at the KB root (nil when absent); syntax errors become diagnostics.
    static func readYAMLFile(_ files: some KnowledgeBaseFiles, _ name: String, _ diagnostics: inout [Diagnostic]) -> YAMLNode? {
        guard files.exists(name) else { return nil }
        let (text, problems) = readText(files, name)
        diagnostics += problems
        guard let text else { return nil }
        switch YAMLReader.parse(text, firstLine: 1) {
        case .success(let node): return node
        case .failure(let failure):
            diagnostics.append(Diagnostic(.error, failure.rule, failure.message, at: SourceLocation(path: name, line: failure.line, column: failure.column)))
            return nil
        }
    }

    /// A file's text, invalid UTF-8 replaced and reported at its position; nil when unreadable.
    static func readText(_ files: some KnowledgeBaseFiles, _ path: String, bytes: [UInt8]? = nil) -> (String?, [Diagnostic]) {
        guard let bytes = bytes ?? files.read(path) else {
            return (nil, [Diagnostic(.error, .unreadableFile, "file could not be read", at: SourceLocation(path: path, line: 1, column: 1))])
        }
        let (text, invalid) = UTF8Validation.decode(bytes)
        guard let invalid else { return (text, []) }
        return (text, [Diagnostic(.error, .invalidUTF8, "invalid UTF-8 byte sequence (replaced with U+FFFD)",
                                  at: SourceLocation(path: path, line: invalid.line, column: invalid.column))])
    }
}
