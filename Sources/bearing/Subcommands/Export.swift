import ArgumentParser
import BearingCore

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export the whole model (documents, fields, references, backlinks, progress, diagnostics).",
        discussion: "The JSON format is documented in docs/json-export.md.")

    @OptionGroup var kb: KnowledgeBaseOptions

    @Option(help: "Output format (only json).")
    var format: ExportFormat = .json

    @OptionGroup var output: OutputOption

    func run() async throws {
        let result = try await kb.load()
        let root = KnowledgeBaseExport.make(result.knowledgeBase, diagnostics: result.diagnostics, today: kb.clock.today())
        try output.write(try KnowledgeBaseExport.json(root))
        FileHandleOutput.finish(0, keepingAlive: result, root)
    }
}

enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case json
}
