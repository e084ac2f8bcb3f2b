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

    /// The pipeline over any files (a folder, a git revision), with dates from `history` when given.
    /// With a `cache`, files it holds are not read again, and only changed documents are resolved again.
    /// With `analyse`, the alignment analysis is made too, side by side with validation (it needs
    /// only the model's diagnostics: broken references).
    public static func load(_ files: some KnowledgeBaseFiles, today: Day, markdown: MarkdownParser.Options = .init(),
                            history: (any DocumentDates)? = nil, cache: LoadCache? = nil, analyse: Bool = false,
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

        let scanFolder = { files.scan(ignore: IgnoreRules(configuration.ignore), excludedTopLevel: [outputFolder(configuration), "templates", "node_modules"]) }
        let (scan, recordFolders, scanReused) = cache?.scan(orMake: scanFolder) ?? { let made = scanFolder(); return (made, Configuration.recordFolders(of: made.markdown.map(\.path)), false) }()
        let (entries, assets) = (scan.markdown, scan.assets)
        diagnostics += scan.diagnostics
        configuration.recordFolders = recordFolders
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
        let paths = readable.map(\.path)
        let last = cache?.lastLoad(of: paths)
        let cached = last == nil ? cache?.drafts(paths) ?? Array(repeating: nil, count: readable.count) : []
        let missing = last?.forgotten.map { paths[$0] } ?? readable.indices.filter { cached[$0] == nil }.map { paths[$0] }
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
        var drafts: [DocumentReader.Draft]
        if let last {
            drafts = last.drafts
            for (i, draft) in zip(last.forgotten, parsed) { drafts[i] = draft }
        } else {
            var parsedAt = parsed.makeIterator()
            drafts = cached.map { $0 ?? parsedAt.next()! }
        }
        cache?.store(load: drafts, of: paths)
        timer.mark("parse")
        let (kb, modelDiagnostics) = await KnowledgeBase.build(drafts: drafts, configuration: configuration, people: people, assets: assets,
                                                               memory: cache?.model, changed: scanReused ? Set(missing) : nil)
        diagnostics += modelDiagnostics
        timer.mark("model")
        let generation = cache?.model.lastGeneration()
        let validation = cache?.validation
        guard analyse else {
            diagnostics += await Validator.validate(kb, today: today, memory: validation, generation: generation)
            timer.mark("validate")
            return Result(knowledgeBase: kb, diagnostics: Validator.configure(diagnostics, with: configuration))
        }
        // The analysis reads only the broken references of the model stage (configured, sorted).
        let modelStage = Validator.configure(AlignmentAnalysis.brokenReferences(in: diagnostics), with: configuration)
        async let validated = Validator.validate(kb, today: today, memory: validation, generation: generation)
        let analysis: AlignmentAnalysis
        if let cache, let generation {
            analysis = await cache.analysis.analysis(of: kb, generation: generation, diagnostics: modelStage, today: today)
        } else {
            analysis = await AlignmentAnalysis.make(kb, diagnostics: modelStage, today: today)
        }
        diagnostics += await validated
        let result = Result(knowledgeBase: kb, diagnostics: Validator.configure(diagnostics, with: configuration), analysis: analysis)
        timer.mark("validate and analyse")
        return result
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
