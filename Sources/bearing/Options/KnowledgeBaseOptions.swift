import ArgumentParser
import BearingCore

/// The options every command that reads a knowledge base shares.
struct KnowledgeBaseOptions: ParsableArguments {
    @Argument(help: "The knowledge base folder.", completion: .directory)
    var directory: String = "."

    @Option(help: ArgumentHelp("The date to treat as today, YYYY-MM-DD (default: the system date, UTC).", valueName: "date"))
    var today: String?

    @Flag(help: "Do not read git history: created/updated come from front matter only.")
    var noGit = false

    func validate() throws {
        if let today, Day.parse(today) == nil || today.count != 10 {
            throw ValidationError("--today must be a date YYYY-MM-DD, got '\(today)'")
        }
    }

    var clock: Clock {
        if let today, let day = Day.parse(today) { return .fixed(day) }
        return .system
    }

    /// Loads the KB, turning environment failures into exit status 2 with a message.
    func load(markdown: MarkdownParser.Options = .init()) async throws -> KnowledgeBaseLoader.Result {
        do {
            let result = try await KnowledgeBaseLoader.load(root: directory, today: clock.today(), markdown: markdown, git: noGit ? nil : GitRunner())
            if result.history == .shallow {
                FileHandleOutput.standardError("note: shallow clone: created/updated come from front matter only (fetch the whole history for dates from git)\n")
            }
            return result
        } catch let failure as KnowledgeBaseLoader.Failure {
            FileHandleOutput.standardError("error: \(failure.description)\n")
            throw ExitCode(2)
        }
    }
}
