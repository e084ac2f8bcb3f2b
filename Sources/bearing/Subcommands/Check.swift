import ArgumentParser
import BearingCore

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate a knowledge base and print located diagnostics.",
        discussion: "Exit status: 0 clean, 1 errors (or warnings with --strict), 2 usage or I/O failure.")

    @OptionGroup var kb: KnowledgeBaseOptions

    @Option(help: "Output format: text (path:line:col: severity: message [rule]), github (Actions annotations) or json.")
    var format: CheckFormat = .text

    @Flag(help: "Exit with status 1 on warnings too.")
    var strict = false

    func run() async throws {
        let result = try await kb.load(progress: TerminalProgress.meter(quiet: false))
        FileHandleOutput.standardOutput(format.diagnosticFormat.render(result.diagnostics, pathPrefix: kb.pathPrefix))
        if format == .text {
            let errors = result.diagnostics.filter { $0.severity == .error }.count
            let warnings = result.diagnostics.count - errors
            FileHandleOutput.standardError("\(result.knowledgeBase.documents.count) documents checked: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n")
        }
        let failing = result.diagnostics.contains { $0.severity == .error || (strict && $0.severity == .warning) }
        FileHandleOutput.finish(failing ? 1 : 0, keepingAlive: result)
    }
}

enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
    case text, github, json

    var diagnosticFormat: DiagnosticFormat { DiagnosticFormat(rawValue: rawValue)! }
}
