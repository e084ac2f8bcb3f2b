import ArgumentParser
import BearingCore

struct Graph: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Print the goal cascade and the references between documents as a graph.",
        discussion: """
            dot is Graphviz's language (render it with `dot -Tsvg`); svg is a picture drawn by Bearing \
            itself, goals by depth from the top, then briefs and decisions, then notes (above \
            \(DocumentGraphSVG.maxNodes) documents, the goals only); json lists every node and edge.
            """)

    @OptionGroup var kb: KnowledgeBaseOptions

    @Option(help: "Output format: dot (Graphviz), svg (drawn without Graphviz) or json.")
    var format: GraphFormat = .dot

    @OptionGroup var output: OutputOption

    func run() async throws {
        let result = try await kb.load()
        let graph = DocumentGraph(result.knowledgeBase)
        switch format {
        case .dot: try output.write(graph.dot())
        case .svg: try output.write(DocumentGraphSVG.render(graph))
        case .json: try output.write(try graph.json())
        }
        FileHandleOutput.finish(0, keepingAlive: result, graph)
    }
}

enum GraphFormat: String, ExpressibleByArgument, CaseIterable {
    case dot, svg, json
}
