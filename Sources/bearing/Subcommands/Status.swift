import ArgumentParser
import BearingCore
import Foundation

struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Change a document's status in its file, touching only the line that holds it.",
        discussion: """
            The front matter's status value changes (quotes, comments and line endings kept); a record \
            without one (adr-tools/Nygard, MADR 2) has the status in its body changed. With --by, the \
            superseded record gets superseded_by and its successor supersedes. Exit status 2 for an \
            unknown id or a status the type's workflow does not have (the valid ones are listed).
            """)

    @Argument(help: "The document's id.")
    var id: String

    @Argument(help: "The new status, one of its type's workflow.")
    var status: String

    @Option(help: ArgumentHelp("The record that supersedes this one (with status superseded).", valueName: "id"))
    var by: String?

    @Option(name: [.customShort("C"), .customLong("kb")],
            help: ArgumentHelp("The knowledge base folder (default: the nearest folder upwards that holds a bearing.yml, else the current folder).", valueName: "dir"))
    var folder: String?

    var directory: String { folder ?? KnowledgeBaseFolder.discovered }

    func run() async throws {
        let result = try await KnowledgeBaseOptions.load(root: directory, today: Clock.system.today(), git: nil)
        let plan: StatusChangePlan
        do {
            plan = try StatusChangePlan.make(kb: result.knowledgeBase, id: id, status: status, by: by) { path in
                FileManager.default.contents(atPath: directory + "/" + path).map { String(decoding: $0, as: UTF8.self) }
            }
        } catch let failure as StatusEditor.Failure {
            FileHandleOutput.standardError("error: \(failure.description)\n")
            throw ExitCode(2)
        }
        for edit in plan.edits {
            do {
                try Data(edit.text.utf8).write(to: URL(fileURLWithPath: directory + "/" + edit.path), options: .atomic)
            } catch {
                FileHandleOutput.standardError("error: cannot write '\(edit.path)': \(error.localizedDescription)\n")
                throw ExitCode(2)
            }
        }
        FileHandleOutput.standardOutput(plan.summary.joined(separator: "\n") + "\n")
    }
}
