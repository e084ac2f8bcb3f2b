/// Loading a folder with its git history: the dates and authors of its documents (History/)
/// applied while it is loaded (Loading/ knows them only as `DocumentDates`).
extension KnowledgeBaseLoader {
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
}
