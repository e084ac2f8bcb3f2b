import ArgumentParser
import BearingCore
import BearingLanguageServer
#if canImport(Glibc)
import Glibc
#endif

struct LanguageServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "A language server for editors (LSP 3.17 over standard input and output).",
        discussion: """
            Started by an editor, not by hand: diagnostics as you type, completion of ids, statuses, \
            people, horizons, periods and fields, hover, go to definition, references, rename of an id \
            across files, code actions, symbols and code lenses. It serves the knowledge base of the given \
            folder, else of the editor's workspace folder (the nearest folder upwards with a bearing.yml). \
            It reads only the knowledge base and writes nothing: edits go to the editor. Set-up for VS Code, \
            Neovim, Helix and Zed: docs/editors.md.
            """)

    @Argument(help: ArgumentHelp("The knowledge base folder (default: the editor's workspace folder).", valueName: "directory"), completion: .directory)
    var folder: String?

    @OptionGroup var date: TodayOption

    @Flag(help: "Do not read git history: created/updated come from front matter only.")
    var noGit = false

    func run() async throws {
        let options = LanguageServer.Options(folder: folder, clock: date.clock, readsHistory: !noGit, version: Bearing.configuration.version)
        let status = await LanguageServerMain.run(options)
        Glibc.exit(status)
    }
}
