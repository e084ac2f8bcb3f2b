/// Draws a document graph as a standalone SVG with our own layout (no Graphviz needed): boxes
/// coloured by type with the title on two lines and the status below, a tooltip per box and per
/// line, lines styled by kind, a caption with a legend. No script, no links; every text escaped.
public enum DocumentGraphSVG {
    /// Above this many documents only the goals are drawn (and the caption says so).
    public static let maxNodes = 400

    static let margin = 16.0
    /// The caption's height: a heading and the legend, and the warning line when there is one.
    static func captionHeight(warning: Bool) -> Double { warning ? 76 : 58 }
    /// The lines of the legend: a kind standing for its style, and what it says.
    static let legendLines: [(ReferenceKind, String)] = [
        (.parent, "parent"), (.goals, "serves"), (.briefs, "briefs, decisions"), (.supersedes, "supersedes"),
        (.links, "links"), (.mentions, "mentions"),
    ]
    /// The width the caption's legend takes, generously counted: the narrowest picture.
    static let legendWidth = (2 * margin + Double(DocumentType.allCases.count) * 82
        + legendLines.reduce(0) { $0 + 44 + Double($1.1.count) * 6.5 }).rounded(.up)
    /// Characters of the 12 px title font that fit a box, generously counted; the box clips the rest.
    static let titleCharacters = 24

    public static func render(_ graph: DocumentGraph) -> String {
        let (nodes, note) = shown(graph)
        let layout = DocumentGraphLayout(graph, nodes: nodes)
        let ids = Set(nodes.map(\.id))
        let edges = graph.drawnEdges.filter { ids.contains($0.from) && ids.contains($0.to) }
        let width = max(layout.width + 2 * margin, legendWidth).rounded()
        let captionHeight = captionHeight(warning: note != nil)
        let height = (layout.height + captionHeight + 2 * margin).rounded()
        let label = (graph.title.map { $0 + ": " } ?? "") + "documents and references"

        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bearing-graph\" viewBox=\"0 0 \(number(width)) \(number(height))\" width=\"\(number(width))\" height=\"\(number(height))\" role=\"img\" aria-label=\"\(Escape.html(label))\">\n"
        svg += "<title>\(Escape.html(label))</title>\n"
        svg += style + markers
        svg += "<rect class=\"background\" width=\"100%\" height=\"100%\"/>\n"
        svg += caption(graph, shownNodes: nodes.count, shownEdges: edges.count, note: note)

        let offset = DocumentGraphLayout.Point(x: margin, y: margin + captionHeight)
        func center(_ id: String) -> DocumentGraphLayout.Point {
            let point = layout.centers[id]!
            return .init(x: point.x + offset.x, y: point.y + offset.y)
        }
        svg += "<g class=\"edges\">\n"
        let byID = Dictionary(nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let ordered = edges.sorted { ($1.kind.graphRank, $0) < ($0.kind.graphRank, $1) }
        for (edge, curve) in zip(ordered, curves(ordered, ceiling: offset.y - 12, center: center)) {
            let tooltip = "\(byID[edge.from]!.title) → \(byID[edge.to]!.title) (\(edge.kind.rawValue))"
            svg += "<path class=\"\(edgeClass(edge.kind))\" d=\"\(curve)\"><title>\(Escape.html(tooltip))</title></path>\n"
        }
        svg += "</g>\n<g class=\"nodes\">\n"
        for node in nodes {
            svg += box(node, at: center(node.id))
        }
        return svg + "</g>\n</svg>\n"
    }

    /// The nodes to draw: all of them, or above `maxNodes` the goals (the first `maxNodes` by id
    /// when even those are too many), with a sentence saying what was left out.
    static func shown(_ graph: DocumentGraph) -> ([DocumentGraph.Node], String?) {
        guard graph.nodes.count > maxNodes else { return (graph.nodes, nil) }
        var goals = graph.nodes.filter { $0.type == .goal }
        if goals.count > maxNodes { goals = Array(goals.prefix(maxNodes)) }
        let count = graph.nodes.count.grouped
        return (goals, "\(count) documents are too many to draw: only \(goals.count.grouped) goals are shown (use --format dot or json for everything)")
    }

    static func caption(_ graph: DocumentGraph, shownNodes: Int, shownEdges: Int, note: String?) -> String {
        let heading = (graph.title.map { $0 + " · " } ?? "") + (shownNodes < graph.nodes.count ? "\(shownNodes.grouped) of \(graph.nodes.count.grouped)" : shownNodes.grouped)
            + " documents, \(shownEdges.grouped) references"
        var svg = "<g class=\"caption\">\n<text class=\"heading\" x=\"\(number(margin))\" y=\"\(number(margin + 14))\">\(Escape.html(heading))</text>\n"
        if let note {
            svg += "<text class=\"warning\" x=\"\(number(margin))\" y=\"\(number(margin + 32))\">\(Escape.html(note))</text>\n"
        }
        var x = margin
        let y = margin + (note == nil ? 36 : 50)
        for type in DocumentType.allCases {
            svg += "<rect class=\"\(type.rawValue)\" x=\"\(number(x))\" y=\"\(number(y - 10))\" width=\"14\" height=\"12\" rx=\"3\"/>"
            svg += "<text x=\"\(number(x + 19))\" y=\"\(number(y))\">\(type.rawValue)</text>\n"
            x += 82
        }
        for (kind, text) in legendLines {
            svg += "<path class=\"\(edgeClass(kind))\" d=\"M\(number(x)) \(number(y - 4))h26\"/>"
            svg += "<text x=\"\(number(x + 34))\" y=\"\(number(y))\">\(text)</text>\n"
            x += 44 + Double(text.count) * 6.5
        }
        return svg + "</g>\n"
    }

    static func box(_ node: DocumentGraph.Node, at center: DocumentGraphLayout.Point) -> String {
        let w = DocumentGraphLayout.boxWidth, h = DocumentGraphLayout.boxHeight
        let finished = node.finished ? " finished" : ""
        let tooltip = "\(node.title)\n\(node.type.rawValue) · \(node.status) · \(node.id)"
        var svg = "<g class=\"node \(node.type.rawValue)\(finished)\"><title>\(Escape.html(tooltip))</title>"
        // A nested viewport clips titles with wide letters to the box.
        svg += "<svg x=\"\(number(center.x - w / 2))\" y=\"\(number(center.y - h / 2))\" width=\"\(number(w))\" height=\"\(number(h))\">"
        svg += "<rect x=\"1\" y=\"1\" width=\"\(number(w - 2))\" height=\"\(number(h - 2))\" rx=\"\(node.type == .goal ? 9 : 3)\"/>"
        let lines = TextWrap.lines(node.title, width: titleCharacters, maxLines: 2)
        let firstY = lines.count == 1 ? 22 : 16
        for (i, line) in lines.enumerated() {
            svg += "<text x=\"8\" y=\"\(firstY + 14 * i)\">\(Escape.html(line))</text>"
        }
        svg += "<text class=\"status\" x=\"8\" y=\"\(Int(h) - 7)\">\(Escape.html(node.type.rawValue + " · " + node.status))</text>"
        return svg + "</svg></g>\n"
    }

    static func edgeClass(_ kind: ReferenceKind) -> String {
        switch kind {
        case .parent: "edge parent"
        case .goals: "edge goals"
        case .briefs, .decisions: "edge work"
        case .supersedes, .supersededBy: "edge supersedes"
        case .links: "edge links"
        case .mentions: "edge mentions"
        }
    }

    static let markers: String = {
        var svg = "<defs>\n"
        for (name, colour) in arrowColours {
            svg += "<marker id=\"bearing-graph-\(name)\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"9\" markerHeight=\"9\" orient=\"auto\"><path d=\"M0 1L10 5L0 9z\" fill=\"\(colour)\"/></marker>\n"
        }
        return svg + "</defs>\n"
    }()

    /// One arrowhead per line colour: `context-stroke` is not drawn everywhere yet.
    static let arrowColours = [("plain", "#94a3b8"), ("parent", "#1d4ed8"), ("goals", "#15803d"), ("work", "#b45309"),
                               ("supersedes", "#b91c1c"), ("mentions", "#cbd5e1")]

    static let style = """
        <style>
        .bearing-graph{font-family:system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;font-size:12px}
        .bearing-graph .background{fill:#fff}
        .bearing-graph text{fill:#1e293b}
        .bearing-graph .caption .heading{font-size:15px;font-weight:600}
        .bearing-graph .caption .warning{fill:#b45309}
        .bearing-graph .caption rect{stroke-width:1.5}
        .bearing-graph .node rect{stroke-width:1.5;fill-opacity:.9}
        .bearing-graph .goal rect,.bearing-graph rect.goal{fill:#dbeafe;stroke:#1d4ed8}
        .bearing-graph .node.goal rect{stroke-width:2}
        .bearing-graph .brief rect,.bearing-graph rect.brief{fill:#dcfce7;stroke:#15803d}
        .bearing-graph .decision rect,.bearing-graph rect.decision{fill:#fef3c7;stroke:#b45309}
        .bearing-graph .note rect,.bearing-graph rect.note{fill:#f1f5f9;stroke:#64748b}
        .bearing-graph .node.finished{opacity:.55}
        .bearing-graph .node .status{font-size:10px;fill:#475569}
        .bearing-graph .edge{fill:none;stroke:#94a3b8;stroke-width:1.2;marker-end:url(#bearing-graph-plain)}
        .bearing-graph .edge.parent{stroke:#1d4ed8;stroke-width:2.4;marker-end:url(#bearing-graph-parent)}
        .bearing-graph .edge.goals{stroke:#15803d;stroke-width:1.4;marker-end:url(#bearing-graph-goals)}
        .bearing-graph .edge.work{stroke:#b45309;stroke-width:1.4;marker-end:url(#bearing-graph-work)}
        .bearing-graph .edge.supersedes{stroke:#b91c1c;stroke-dasharray:6 3;marker-end:url(#bearing-graph-supersedes)}
        .bearing-graph .edge.links{stroke-dasharray:5 4}
        .bearing-graph .edge.mentions{stroke:#cbd5e1;stroke-dasharray:2 3;marker-end:url(#bearing-graph-mentions)}
        </style>

        """

    /// Coordinates without a fraction when whole, else with one decimal: stable text for golden files.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

private extension Int {
    /// `1,234`: thousands separated, whatever the locale.
    var grouped: String {
        let digits = String(self)
        guard digits.count > 3 else { return digits }
        var result = ""
        for (i, character) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { result += "," }
            result.append(character)
        }
        return result
    }
}
