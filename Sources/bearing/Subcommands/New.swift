import ArgumentParser
import BearingCore
import Foundation

struct New: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a new goal, brief, decision or note from its template and print its path.",
        discussion: """
            The file goes to the folder where documents of its type are (goals/, briefs/, decisions/ by \
            default; a note to notes/ when that folder exists), named from the title (transliterated to \
            Latin letters); a decision gets the next number (NNNN-title.md). The template is the knowledge \
            base's templates/new/<type>.md, else the built-in one; a field asked for that the template has \
            no place for is added to its front matter. Ids may be written in any form front matter accepts \
            (ADR-3, 0003, a unique prefix, any case) and are written as their documents have them. Nothing \
            is written, and the exit status is 2, when an id, person, horizon or period is unknown or an \
            option does not fit the type. An existing file is never overwritten.
            """)

    @Argument(help: "goal, brief, decision or note.")
    var type: NewType

    @Argument(help: "The title (the file's first heading).")
    var title: String

    @Option(help: ArgumentHelp("Its id, when it should not be the file name (front matter id:).", valueName: "id"))
    var id: String?

    @Option(help: ArgumentHelp("The goal a new goal serves.", valueName: "id"), completion: Completions.goals)
    var parent: String?

    @Option(help: ArgumentHelp("The goals a brief or decision serves, comma-separated.", valueName: "ids"), completion: Completions.goalList)
    var goals: String?

    @Option(help: ArgumentHelp("Its owner (a person or team id); a decision's decision-maker.", valueName: "id"), completion: Completions.people)
    var owner: String?

    @Option(help: ArgumentHelp("A goal's horizon (year, half, quarter, month, week, or bearing.yml's; default: its period's, else quarter).",
                               valueName: "horizon"), completion: Completions.horizons)
    var horizon: String?

    @Option(help: ArgumentHelp("A goal's period: 2027, 2027-H1, 2027-Q1, 2027-03 or 2027-W05.", valueName: "period"))
    var period: String?

    @Option(help: ArgumentHelp("Whose review a brief asks for, comma-separated person or team ids.", valueName: "ids"), completion: Completions.peopleList)
    var reviewers: String?

    @Option(help: ArgumentHelp("The end of a brief's review, YYYY-MM-DD.", valueName: "date"))
    var reviewBy: String?

    @Option(name: [.customShort("C"), .customLong("kb")],
            help: ArgumentHelp("The knowledge base folder (default: the nearest folder upwards that holds a bearing.yml, else the current folder).", valueName: "dir"),
            completion: .directory)
    var folder: String?

    var directory: String { folder ?? KnowledgeBaseFolder.discovered }

    @OptionGroup var date: TodayOption

    func run() async throws {
        let day = date.clock.today()
        let result = try await KnowledgeBaseOptions.load(root: directory, today: day, git: nil)
        let request = NewDocument.Request(type: type.documentType, title: title, parent: parent, goals: Self.list(goals), owner: owner, today: day,
                                          id: id, horizon: horizon, period: period, reviewers: Self.list(reviewers), reviewBy: reviewBy)
        do {
            let (path, text) = try NewDocument.make(request, kb: result.knowledgeBase, root: directory)
            let shown = KnowledgeBaseFolder.pathPrefix(directory) + path
            try DocumentEditor.verifyNew(path: path, text: text, title: title, type: type.documentType, configuration: result.knowledgeBase.configuration)
            try DocumentEditor.write(text, to: URL(fileURLWithPath: directory + "/" + path), replacing: nil, displayPath: shown)
            FileHandleOutput.standardOutput(shown.terminalSafe + "\n")
        } catch let failure as NewDocument.Failure {
            FileHandleOutput.standardError("error: \(failure.description)\n")
            throw ExitCode(2)
        } catch let failure as DocumentEditor.Failure {
            FileHandleOutput.standardError("error: \(failure.description)\n")
            throw ExitCode(2)
        }
    }

    /// `a, b,c` → `[a, b, c]`.
    static func list(_ text: String?) -> [String] {
        text.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } } ?? []
    }
}

enum NewType: String, ExpressibleByArgument, CaseIterable {
    case goal, brief, decision, note

    var documentType: DocumentType { DocumentType(rawValue: rawValue)! }
}
