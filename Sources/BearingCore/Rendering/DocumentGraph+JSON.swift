extension DocumentGraph {
    /// The graph as JSON: `{"format": "bearing-graph", "version": 1, "title", "nodes", "edges"}`,
    /// every edge of the model (not only the drawn ones), keys sorted.
    public func json() throws -> String {
        try JSONWriter.encode(JSONRoot(title: title, nodes: nodes, edges: edges))
    }

    private struct JSONRoot: Encodable {
        var format = "bearing-graph"
        var version = 1
        var title: String?
        var nodes: [Node]
        var edges: [Edge]
    }
}
