import ArgumentParser
import BearingCore
import Foundation

struct New: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a new goal, brief, decision or note from its template and print its path.",
        discussion: """
            The file goes to the folder where documents of its type are (goals/, briefs/, decisions/, notes/ \
            by default), named from the title (transliterated to Latin letters); a decision gets the next \
            number (NNNN-title.md). The template is the knowledge base's templates/new/<type>.md, else the \
            built-in one. An existing file is never overwritten.
            """)

    @Argument(help: "goal, brief, decision or note.")
    var type: NewType

    @Argument(help: "The title (the file's first heading).")
    var title: String

    @Option(help: ArgumentHelp("The goal a new goal serves.", valueName: "id"))
    var parent: String?

    @Option(help: ArgumentHelp("The goals it serves, comma-separated.", valueName: "ids"))
    var goals: String?

    @Option(help: ArgumentHelp("Its owner (a person or team id).", valueName: "id"))
    var owner: String?

    @Option(name: [.customShort("C"), .customLong("kb")],
            help: ArgumentHelp("The knowledge base folder (default: the nearest folder upwards that holds a bearing.yml, else the current folder).", valueName: "dir"))
    var folder: String?

    var directory: String { folder ?? KnowledgeBaseFolder.discovered }

    @OptionGroup var date: TodayOption

    func run() async throws {
        let day = date.clock.today()
        let result = try await KnowledgeBaseOptions.load(root: directory, today: day, git: nil)
        let ids = goals.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } } ?? []
        let request = NewDocument.Request(type: type.documentType, title: title, parent: parent, goals: ids, owner: owner, today: day)
        do {
            let (path, text) = try NewDocument.make(request, kb: result.knowledgeBase, root: directory)
            let shown = KnowledgeBaseFolder.pathPrefix(directory) + path
            try DocumentEditor.write(text, to: URL(fileURLWithPath: directory + "/" + path), replacing: nil, displayPath: shown)
            FileHandleOutput.standardOutput(shown + "\n")
        } catch let failure as NewDocument.Failure {
            FileHandleOutput.standardError("error: \(failure.description)\n")
            throw ExitCode(2)
        } catch let failure as DocumentEditor.Failure {
            FileHandleOutput.standardError("error: \(failure.description)\n")
            throw ExitCode(2)
        }
    }
}

enum NewType: String, ExpressibleByArgument, CaseIterable {
    case goal, brief, decision, note

    var documentType: DocumentType { DocumentType(rawValue: rawValue)! }
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a knowledge base: settings, people, a goal, a brief, a decision and a README explaining the format.",
        discussion: "Refuses a folder that exists and is not empty. The result passes bearing check.")

    @Argument(help: "The folder to create.", completion: .directory)
    var directory: String = "."

    @OptionGroup var date: TodayOption

    func run() throws {
        let day = date.clock.today()
        let manager = FileManager.default
        if let entries = try? manager.contentsOfDirectory(atPath: directory), !entries.isEmpty {
            FileHandleOutput.standardError("error: \(NewDocument.Failure.notEmpty(directory).description)\n")
            throw ExitCode(2)
        }
        do {
            for (path, text) in try NewDocument.starter(today: day) {
                let url = URL(fileURLWithPath: directory + "/" + path)
                let shown = url.path.replacingOccurrences(of: manager.currentDirectoryPath + "/", with: "")
                try DocumentEditor.write(text, to: url, replacing: nil, displayPath: shown)
                FileHandleOutput.standardOutput(shown + "\n")
            }
        } catch let failure as DocumentEditor.Failure {
            FileHandleOutput.standardError("error: \(failure.description)\n")
            throw ExitCode(2)
        } catch {
            FileHandleOutput.standardError("error: \(error)\n")
            throw ExitCode(2)
        }
    }
}
