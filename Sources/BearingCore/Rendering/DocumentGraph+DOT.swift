extension DocumentGraph {
    /// The graph in Graphviz's DOT language, for `dot -Tsvg` or `-Tpng`: parents above their
    /// children (`rankdir=BT`, edges point from the document that refers to the one referred to),
    /// a shape and colour per type, a line style per kind. Links and mentions do not rank nodes,
    /// so the cascade stays in rows.
    public func dot() -> String {
        var dot = "digraph bearing {\n"
        var graph = ["rankdir=BT", "newrank=true", "nodesep=0.3", "ranksep=0.6", "fontname=\"Helvetica\"", "fontsize=12"]
        if let title { graph += ["label=\(Self.quoted(title))", "labelloc=t"] }
        dot += "  graph [\(graph.joined(separator: ", "))];\n"
        dot += "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=10, penwidth=1.2];\n"
        dot += "  edge [arrowsize=0.6, color=\"#64748b\"];\n"
        for node in nodes {
            let style = Self.nodeStyle[node.type]!
            var attributes = ["label=\(Self.quoted(Self.wrapped(node.title)))",
                              "tooltip=\(Self.quoted("\(node.title) (\(node.type.rawValue), \(node.status))"))"]
            attributes += style
            if node.finished { attributes.append("fontcolor=\"#64748b\"") }
            dot += "  \(Self.quoted(node.id)) [\(attributes.joined(separator: ", "))];\n"
        }
        for edge in drawnEdges {
            var attributes = Self.edgeStyle[edge.kind]!
            attributes.append("tooltip=\(Self.quoted(edge.kind.rawValue))")
            dot += "  \(Self.quoted(edge.from)) -> \(Self.quoted(edge.to)) [\(attributes.joined(separator: ", "))];\n"
        }
        return dot + "}\n"
    }

    static let nodeStyle: [DocumentType: [String]] = [
        .goal: ["shape=box", "fillcolor=\"#dbeafe\"", "color=\"#1d4ed8\"", "penwidth=1.6"],
        .brief: ["shape=note", "style=filled", "fillcolor=\"#dcfce7\"", "color=\"#15803d\""],
        .decision: ["shape=hexagon", "style=filled", "fillcolor=\"#fef3c7\"", "color=\"#b45309\""],
        .note: ["shape=ellipse", "style=filled", "fillcolor=\"#f1f5f9\"", "color=\"#64748b\""],
    ]

    static let edgeStyle: [ReferenceKind: [String]] = [
        .parent: ["style=bold", "color=\"#1d4ed8\""],
        .goals: ["style=solid", "color=\"#15803d\""],
        .briefs: ["style=solid", "color=\"#b45309\""],
        .decisions: ["style=solid", "color=\"#b45309\""],
        .supersedes: ["style=dashed", "color=\"#b91c1c\""],
        .supersededBy: ["style=dashed", "color=\"#b91c1c\""],
        .links: ["style=dashed", "constraint=false"],
        .mentions: ["style=dotted", "constraint=false"],
    ]

    /// A DOT double-quoted string: `"` and `\` escaped (so `\N`, `\l` and friends stay text),
    /// line breaks as `\n`, other control characters as spaces.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": continue
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: result += " "
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// A title broken into lines of about 28 characters at spaces, for a label.
    static func wrapped(_ title: String, width: Int = 28) -> String {
        TextWrap.lines(title, width: width).joined(separator: "\n")
    }
}
