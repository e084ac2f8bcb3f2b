import ArgumentParser
import BearingCore
import Foundation

struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Change a document's status in its file, touching only the line that holds it.",
        discussion: """
            The front matter's status value changes (quotes, comments and line endings kept), and \
            updated: where the file keeps one; a record without one (adr-tools/Nygard, MADR 2) has the \
            status in its body changed. With --by, the superseded record names its successor and the \
            successor lists it in supersedes (merged into the list), each in the form its file uses. \
            Every edit is checked before it is written: a file that would not read back as exactly the \
            intended change is left untouched. The id may be written as front matter accepts it \
            (ADR-3, 0003, a unique prefix, any case). Exit status 2 for an unknown id, a status the \
            type's workflow does not have (the valid ones are listed) or an edit refused.
            """)

    @Argument(help: "The document's id.", completion: Completions.ids)
    var id: String

    @Argument(help: "The new status, one of its type's workflow.", completion: Completions.statuses)
    var status: String

    @Option(help: ArgumentHelp("The record that supersedes this one (with status superseded).", valueName: "id"), completion: Completions.decisions)
    var by: String?

    @Option(name: [.customShort("C"), .customLong("kb")],
            help: ArgumentHelp("The knowledge base folder (default: the nearest folder upwards that holds a bearing.yml, else the current folder).", valueName: "dir"),
            completion: .directory)
    var folder: String?

    @Flag(help: "Approve a brief although some reviewers have not signed off (approvals:).")
    var force = false

    @OptionGroup var date: TodayOption

    var directory: String { folder ?? KnowledgeBaseFolder.discovered }

    func run() async throws {
        let today = date.clock.today()
        let result = try await KnowledgeBaseOptions.load(root: directory, today: today, git: nil)
        do {
            let plan = try StatusChangePlan.make(kb: result.knowledgeBase, id: id, status: status, by: by, today: today, force: force) { path in
                FolderFiles(root: directory).read(path).flatMap { DocumentEditor.text(of: Data($0)) }
            }
            try DocumentEditor.write(plan.edits.map { ($0.text, URL(fileURLWithPath: directory + "/" + $0.path), $0.original,
                                                       KnowledgeBaseFolder.pathPrefix(directory) + $0.path) })
            FileHandleOutput.standardOutput(plan.summary.map(\.terminalSafe).joined(separator: "\n") + "\n")
        } catch let failure as DocumentEditor.Failure {
            FileHandleOutput.standardError("error: \(failure.description)\n")
            throw ExitCode(2)
        }
    }
}
