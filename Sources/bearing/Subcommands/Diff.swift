import ArgumentParser
import BearingCore
import Foundation

struct Diff: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what a change does to alignment: documents added, changed and removed, status changes, new orphans, new and fixed problems, coverage before and after.",
        discussion: """
            Compares the knowledge base at BASE with HEAD (a revision, or the work tree when left out), \
            as Markdown ready to post as a pull-request comment. Both sides are read from git (two git \
            processes each) and compared without dates from history, so only what the change writes \
            shows. Exit status: 0, or 1 with --fail-on when the change adds problems of that severity; \
            2 when a revision or the folder cannot be read.
            """)

    @Argument(help: "The revision to compare from (a branch, tag or commit: main, HEAD~3).")
    var base: String

    @Argument(help: "The revision to compare to (default: the work tree).")
    var head: String?

    @Option(name: [.customShort("C"), .customLong("kb")],
            help: ArgumentHelp("The knowledge base folder, inside a git work tree (default: the nearest folder upwards that holds a bearing.yml, else the current folder).", valueName: "dir"))
    var folder: String?

    var directory: String { folder ?? KnowledgeBaseFolder.discovered }

    @OptionGroup var date: TodayOption

    @Option(help: "Output format: md (a pull-request comment), json, or github (annotations of the new problems).")
    var format: DiffFormat = .md

    @Option(name: .customLong("fail-on"), help: "Exit 1 when the change adds problems of this severity: errors, or warnings (and errors).")
    var failOn: FailOn?

    @OptionGroup var output: OutputOption

    func run() async throws {
        let day = date.clock.today()
        let git = GitRunner()
        guard FolderSuggestion.isFolder(directory) else {
            FileHandleOutput.standardError("error: \(FolderSuggestion.notAFolder(directory))\n")
            throw ExitCode(2)
        }
        let before: KnowledgeBaseChange.State
        let after: KnowledgeBaseChange.State
        do {
            before = try await KnowledgeBaseChange.State.load(GitSnapshot.files(at: base, root: directory, git: git), label: base, today: day)
            if let head {
                after = try await KnowledgeBaseChange.State.load(GitSnapshot.files(at: head, root: directory, git: git), label: head, today: day)
            } else {
                after = await KnowledgeBaseChange.State.load(FolderFiles(root: directory), label: "work tree", today: day)
            }
        } catch let failure as GitSnapshot.Failure {
            FileHandleOutput.standardError("error: \(failure.description)\n")
            throw ExitCode(2)
        }
        let change = KnowledgeBaseChange(from: before, to: after)
        switch format {
        case .md: try output.write(ChangeRenderer.markdown(change))
        case .json: try output.write(try ChangeRenderer.json(change))
        case .github:
            // Annotations name files from the repository's top, as GitHub expects.
            try output.write(ChangeRenderer.github(change, pathPrefix: (try? GitSnapshot.prefix(root: directory, git: git)) ?? ""))
        }
        let failing = failOn?.fails(errors: change.newCount(.error), warnings: change.newCount(.warning)) ?? false
        FileHandleOutput.finish(failing ? 1 : 0, keepingAlive: before, after, change)
    }
}

enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
    case md, json, github
}
