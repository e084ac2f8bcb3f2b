import ArgumentParser
import BearingCore
import Foundation

struct Digest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the weekly alignment digest: what changed by goal, decisions made, status changes, progress, reviews due, what is late, who needs to act.",
        discussion: """
            The window is an ISO week (--week 2027-W05; by default the last complete week before --today) or \
            --since/--until. In a git work tree the knowledge base at the window's end is compared with its \
            state at the start; without git, changes are found by the documents' created/updated dates.
            """)

    @OptionGroup var kb: KnowledgeBaseOptions

    @Option(help: ArgumentHelp("The ISO week, YYYY-Www (default: the last complete week before today).", valueName: "week"))
    var week: String?

    @Option(help: ArgumentHelp("The first day of the window, YYYY-MM-DD (with --until).", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("The last day of the window, YYYY-MM-DD (with --since).", valueName: "date"))
    var until: String?

    @Option(help: "Output format: md (reads well as an email), html, or json.")
    var format: DigestFormat = .md

    @OptionGroup var output: OutputOption

    func validate() throws {
        if let week, Period.parse(week)?.kind != .week { throw ValidationError("--week must be an ISO week such as 2027-W05, got '\(week)'") }
        if week != nil, since != nil || until != nil { throw ValidationError("give --week or --since and --until, not both") }
        if (since == nil) != (until == nil) { throw ValidationError("--since and --until go together") }
        if let since, let until {
            guard let start = Day.parse(since), let end = Day.parse(until) else { throw ValidationError("--since and --until must be dates YYYY-MM-DD") }
            if end < start { throw ValidationError("--until (\(until)) is before --since (\(since))") }
        }
    }

    func run() async throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: kb.directory, isDirectory: &isFolder), isFolder.boolValue else {
            FileHandleOutput.standardError("error: \(FolderSuggestion.notAFolder(kb.directory))\n")
            throw ExitCode(2)
        }
        let window: (start: Day, end: Day, text: String)
        if let since, let until, let start = Day.parse(since), let end = Day.parse(until) {
            window = (start, end, "\(start)..\(end)")
        } else if let week, let period = Period.parse(week) {
            window = (period.start, period.end, period.text)
        } else {
            let period = Period.isoWeek(containing: kb.clock.today().adding(days: -7))
            window = (period.start, period.end, period.text)
        }
        let digest = await DigestBuilder.build(root: kb.directory, since: window.start, until: window.end, period: window.text,
                                               git: kb.noGit ? nil : GitRunner(), today: kb.clock.today())
        switch format {
        case .md: try output.write(DigestRenderer.markdown(digest))
        case .html: try output.write(DigestRenderer.html(digest))
        case .json: try output.write(try DigestRenderer.json(digest))
        }
        FileHandleOutput.finish(0, keepingAlive: digest)
    }
}

enum DigestFormat: String, ExpressibleByArgument, CaseIterable {
    case md, html, json
}
