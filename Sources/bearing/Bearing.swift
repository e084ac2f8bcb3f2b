import ArgumentParser
import BearingCore
#if canImport(Glibc)
import Glibc
#endif

@main
struct Bearing: AsyncParsableCommand {
    /// The version of the next release: what a build not stamped by `make dist` reports, with
    /// `-dev` (BuildStamp), and what `make dist` names its tarball after when no `vX.Y.Z` tag is
    /// reachable (scripts/dist-version.sh reads this line).
    static let baseVersion = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "bearing",
        abstract: "Goals, briefs and decisions as Markdown: checked like code, shown as an alignment report and a site.",
        discussion: "Shell completion of commands, options, ids, statuses and people: bearing --generate-completion-script bash (or zsh, fish) prints the script to install.",
        version: BuildStamp.versionLine,
        subcommands: [Init.self, Adopt.self, New.self, Check.self, ReportCommand.self, Build.self, Digest.self, Diff.self, Export.self, Graph.self, Schema.self, Serve.self, Status.self, LanguageServerCommand.self]
    )

    /// Exit statuses follow SPEC §3: 0 clean, 1 content errors, 2 usage or I/O failure
    /// (ArgumentParser's own usage status, 64, is mapped to 2).
    static func main() async {
        _ = StandardStream.closedAtStart
        if let message = UnknownCommand.message(for: Array(CommandLine.arguments.dropFirst()), commands: configuration.subcommands.map { $0._commandName }) {
            FileHandleOutput.standardError("error: \(message)\n")
            Glibc.exit(2)
        }
        do {
            // The async parse runs the completions that read a knowledge base (Completions).
            var command = try await asyncParseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let code as ExitCode {
            Glibc.exit(code.rawValue)
        } catch {
            let status = exitCode(for: error)
            if status == .success {
                FileHandleOutput.standardOutput(fullMessage(for: error) + "\n")
                Glibc.exit(0)
            }
            FileHandleOutput.standardError(fullMessage(for: error) + "\n")
            Glibc.exit(2)
        }
    }
}
