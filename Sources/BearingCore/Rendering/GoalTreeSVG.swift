/// Draws a goal tree as an inline SVG outline: one row per goal, indented by depth, joined by
/// connectors, with a progress bar (an empty hatched track and "?" when unknown). Drawn by our own
/// code; no script. Titles are cut to fit before the bar and clipped as well, for wide letters.
public enum GoalTreeSVG {
    public struct Node: Sendable {
        public var title: String
        public var link: String?
        public var progress: Double?
        public var health: String?
        public var children: [Node]

        public init(title: String, link: String?, progress: Double?, health: String?, children: [Node]) {
            self.title = title
            self.link = link
            self.progress = progress
            self.health = health
            self.children = children
        }
    }

    static let rowHeight = 28
    static let indent = 22
    static let width = 760
    static let barWidth = 120
    /// A generous width of one character of the 13 px font, for cutting titles.
    static let characterWidth = 8

    public static func render(_ roots: [Node], label: String = "Goal tree") -> String {
        var rows: [(depth: Int, node: Node, parentRow: Int?)] = []
        func walk(_ node: Node, depth: Int, parent: Int?) {
            let row = rows.count
            rows.append((depth, node, parent))
            for child in node.children { walk(child, depth: depth + 1, parent: row) }
        }
        for root in roots { walk(root, depth: 0, parent: nil) }
        guard !rows.isEmpty else { return "" }
        let height = rows.count * rowHeight + 8
        var svg = "<svg class=\"goal-tree\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"100%\" role=\"img\" aria-label=\"\(Escape.html(label))\">\n"
        svg += "<title>\(Escape.html(label))</title>\n"
        let barX = width - barWidth - 56
        svg += "<defs><pattern id=\"goal-tree-unknown\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
            + "<line class=\"hatch\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\"/></pattern>"
            + "<clipPath id=\"goal-tree-titles\"><rect x=\"0\" y=\"0\" width=\"\(barX - 12)\" height=\"\(height)\"/></clipPath></defs>\n"
        for (index, row) in rows.enumerated() {
            let y = index * rowHeight + 4
            let x = 8 + row.depth * indent
            let middle = y + rowHeight / 2
            if let parent = row.parentRow {
                let parentX = 8 + rows[parent].depth * indent + 5
                let parentY = parent * rowHeight + 4 + rowHeight / 2
                svg += "<path class=\"edge\" d=\"M\(parentX) \(parentY + 6) V\(middle) H\(x)\" fill=\"none\" stroke=\"#8a94a6\"/>\n"
            }
            let health = row.node.health.map { " health-\(Escape.html($0))" } ?? ""
            svg += "<circle class=\"dot\(health)\" cx=\"\(x + 5)\" cy=\"\(middle)\" r=\"5\"/>\n"
            let maxCharacters = max(8, (barX - 12 - (x + 16)) / characterWidth)
            var title = row.node.title
            if title.count > maxCharacters { title = String(title.prefix(maxCharacters - 1)) + "…" }
            let text = "<text x=\"\(x + 16)\" y=\"\(middle + 5)\" clip-path=\"url(#goal-tree-titles)\">\(Escape.html(title))</text>"
            if let link = row.node.link { svg += "<a href=\"\(Escape.html(link))\">\(text)</a>\n" } else { svg += text + "\n" }
            svg += "<rect class=\"track\" x=\"\(barX)\" y=\"\(middle - 5)\" width=\"\(barWidth)\" height=\"10\" rx=\"5\"/>\n"
            if let progress = row.node.progress {
                let filled = Int((Double(barWidth) * progress).rounded())
                if filled > 0 { svg += "<rect class=\"fill\" x=\"\(barX)\" y=\"\(middle - 5)\" width=\"\(filled)\" height=\"10\" rx=\"5\"/>\n" }
                svg += "<text class=\"pct\" x=\"\(width - 8)\" y=\"\(middle + 5)\" text-anchor=\"end\">\(Percent.format(progress))</text>\n"
            } else {
                svg += "<rect x=\"\(barX)\" y=\"\(middle - 5)\" width=\"\(barWidth)\" height=\"10\" rx=\"5\" fill=\"url(#goal-tree-unknown)\"/>\n"
                svg += "<text class=\"pct unknown\" x=\"\(width - 8)\" y=\"\(middle + 5)\" text-anchor=\"end\">?</text>\n"
            }
        }
        return svg + "</svg>\n"
    }
}
