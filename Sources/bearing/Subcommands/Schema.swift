import ArgumentParser
import BearingCore

struct Schema: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a JSON Schema (draft 2020-12) of the front matter, with this knowledge base's workflows, horizons and people.",
        discussion: "For editors that complete and check YAML front matter; the one-line set-up is in docs/editors.md.")

    @OptionGroup var kb: KnowledgeBaseOptions

    @Option(help: "One type's schema: goal, brief, decision or note (default: any document).")
    var type: NewType?

    @OptionGroup var output: OutputOption

    func run() async throws {
        let result = try await kb.load()
        let knowledgeBase = result.knowledgeBase
        try output.write(FrontMatterSchema.json(configuration: knowledgeBase.configuration, people: knowledgeBase.people, type: type?.documentType))
        FileHandleOutput.finish(0, keepingAlive: result)
    }
}
