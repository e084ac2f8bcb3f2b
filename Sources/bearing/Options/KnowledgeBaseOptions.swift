import ArgumentParser
import BearingCore

/// The options every command that reads a knowledge base shares.
struct KnowledgeBaseOptions: ParsableArguments {
    @Argument(help: "The knowledge base folder.", completion: .directory)
    var directory: String = "."

    @Option(help: ArgumentHelp("The date to treat as today, YYYY-MM-DD (default: the system date, UTC).", valueName: "date"))
    var today: String?

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
            return try await KnowledgeBaseLoader.load(root: directory, today: clock.today(), markdown: markdown)
        } catch let failure as KnowledgeBaseLoader.Failure {
            FileHandleOutput.standardError("error: \(failure.description)\n")
            throw ExitCode(2)
        }
    }
}
