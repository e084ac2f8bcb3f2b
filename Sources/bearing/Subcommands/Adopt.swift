import ArgumentParser
import BearingCore
import Foundation

struct Adopt: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read an existing decision log, say what was found and write a bearing.yml for it.",
        discussion: """
            Prints the documents of each type and their folders, their statuses by stage, the status words \
            the built-in tables mapped and those nothing maps, and what bearing check will then report. \
            Writes bearing.yml in the knowledge base folder: each unknown status word mapped to the stage it \
            most likely means, templates that nothing links to ignored. An existing bearing.yml is never \
            overwritten (exit status 1). With --dry-run, the file goes to standard output and the summary \
            to standard error.
            """)

    @OptionGroup var kb: KnowledgeBaseOptions

    @Flag(help: "Print the bearing.yml instead of writing it.")
    var dryRun = false

    func run() async throws {
        let shownPath = kb.pathPrefix + Configuration.fileName
        let file = kb.directory + "/" + Configuration.fileName
        guard !FileManager.default.fileExists(atPath: file) else { throw Self.refuse(shownPath) }
        let today = kb.clock.today()
        let result = try await kb.load()
        let found = Adoption(knowledgeBase: result.knowledgeBase, diagnostics: result.diagnostics)
        let text = found.configurationText(title: result.knowledgeBase.configuration.folderName ?? "Knowledge base", today: today)
        // What check will say is what a load with the new file says.
        let history = kb.noGit ? nil : KnowledgeBaseLoader.readHistory(root: kb.directory, today: today, git: GitRunner()).0
        let adoption = found.checked(await Adoption.diagnostics(with: text, files: FolderFiles(root: kb.directory), today: today, history: history))
        if dryRun {
            FileHandleOutput.standardError(adoption.summary)
            FileHandleOutput.standardOutput(text)
            return
        }
        FileHandleOutput.standardOutput(adoption.summary)
        do {
            // Created, never overwritten: a bearing.yml that appeared meanwhile is kept.
            try DocumentEditor.write(text, to: URL(fileURLWithPath: file), replacing: nil, displayPath: shownPath)
        } catch DocumentEditor.Failure.notWritten(_, let reason) where reason.hasPrefix("it exists already") {
            throw Self.refuse(shownPath)
        } catch {
            FileHandleOutput.standardError("error: \(error)\n")
            throw ExitCode(2)
        }
        FileHandleOutput.standardOutput("Wrote \(shownPath): review it, then run bearing check.\n")
    }

    static func refuse(_ path: String) -> ExitCode {
        FileHandleOutput.standardError("error: '\(path)' already exists: not overwritten (bearing adopt starts a configuration; edit this one instead)\n")
        return ExitCode(1)
    }
}
