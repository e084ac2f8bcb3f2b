import ArgumentParser
import BearingCore

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export the whole model (documents, fields, references, backlinks, progress, diagnostics).",
        discussion: "The JSON format is documented in docs/json-export.md.")

    @OptionGroup var kb: KnowledgeBaseOptions

    @Option(help: "Output format (only json).")
    var format: ExportFormat = .json

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func run() async throws {
        let result = try await kb.load()
        let root = KnowledgeBaseExport.make(result.knowledgeBase, diagnostics: result.diagnostics, today: kb.clock.today())
        try FileHandleOutput.write(try KnowledgeBaseExport.json(root), to: output)
    }
}

enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case json
}
