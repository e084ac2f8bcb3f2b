import ArgumentParser
import BearingCore

/// The options every command that reads a knowledge base shares.
struct KnowledgeBaseOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The knowledge base folder (default: the nearest folder upwards that holds a bearing.yml, else the current folder).",
                                 valueName: "directory"), completion: .directory)
    var folder: String?

    @OptionGroup var date: TodayOption

    @Flag(help: "Do not read git history: created/updated come from front matter only.")
    var noGit = false

    var clock: Clock { date.clock }

    /// The knowledge base folder: as given, else found from the current folder.
    var directory: String { folder ?? KnowledgeBaseFolder.discovered }

    /// What names a file of the knowledge base as seen from the current folder, in diagnostics.
    var pathPrefix: String { KnowledgeBaseFolder.pathPrefix(directory) }

    /// Loads the KB, turning environment failures into exit status 2 with a message.
    /// With `analyse`, the result has the alignment analysis too.
    func load(markdown: MarkdownParser.Options = .init(), analyse: Bool = false, parseCache: ParseCache? = nil,
              progress: ProgressMeter? = nil) async throws -> KnowledgeBaseLoader.Result {
        defer { progress?.clear() }
        return try await Self.load(root: directory, today: clock.today(), markdown: markdown, git: noGit ? nil : GitRunner(), analyse: analyse,
                                   parseCache: parseCache, progress: progress?.report)
    }

    /// Loads the KB at `root`, turning environment failures into exit status 2 with a message.
    static func load(root: String, today: Day, markdown: MarkdownParser.Options = .init(), git: GitRunner?,
                     analyse: Bool = false, parseCache: ParseCache? = nil, progress: ProgressReport? = nil) async throws -> KnowledgeBaseLoader.Result {
        do {
            let result = try await KnowledgeBaseLoader.load(root: root, today: today, markdown: markdown, git: git, analyse: analyse,
                                                            parseCache: parseCache, progress: progress)
            if result.history == .shallow {
                FileHandleOutput.standardError("note: shallow clone: created/updated come from front matter only (fetch the whole history for dates from git)\n")
            }
            return result
        } catch KnowledgeBaseLoader.Failure.notADirectory(let path) {
            FileHandleOutput.standardError("error: \(FolderSuggestion.notAFolder(path))\n")
            throw ExitCode(2)
        }
    }
}
