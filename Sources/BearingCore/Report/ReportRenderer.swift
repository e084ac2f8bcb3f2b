/// The report's three forms, all from the same view model: JSON as is, Markdown and HTML through
/// the templates `report/report.md.mustache` and `report/report.html.mustache`.
public enum ReportFormat: String, Sendable, CaseIterable {
    case md, html, json
}

public struct ReportRenderer: Sendable {
    public let templates: TemplateSet

    public init(templates: TemplateSet = .defaults) {
        self.templates = templates
    }

    public func render(_ report: Report, as format: ReportFormat) throws -> String {
        switch format {
        case .json: return try StableJSON.encode(report)
        case .md: return try render(report, template: "report/report.md", extra: [:])
        case .html:
            let svg = GoalTreeSVG.render(report.goal_tree.map(Self.svgNode), label: "Active goals and their progress")
            return try render(report, template: "report/report.html",
                              extra: ["css": templates.files["report/report.css"] ?? "", "goal_tree_svg": svg])
        }
    }

    private func render(_ report: Report, template: String, extra: [String: Any]) throws -> String {
        let library = try templates.library()
        guard library.getTemplate(named: template) != nil else {
            throw TemplateError(path: template + ".mustache", message: "template not found")
        }
        var context = try Self.context(report)
        for (key, value) in extra { context[key] = value }
        return library.render(context, withTemplate: template) ?? ""
    }

    /// The view model as plain dictionaries and arrays, keyed by the JSON names.
    /// Goal nodes also get `indent` (two spaces a level) for nested Markdown lists.
    static func context(_ report: Report) throws -> [String: Any] {
        var context = try StableJSON.tree(report).templateValue as? [String: Any] ?? [:]
        func indented(_ nodes: Any?, depth: Int) -> [Any] {
            (nodes as? [Any] ?? []).map { node in
                guard var node = node as? [String: Any] else { return node }
                node["indent"] = String(repeating: "  ", count: depth)
                node["depth"] = depth
                node["children"] = indented(node["children"], depth: depth + 1)
                return node
            }
        }
        context["goal_tree"] = indented(context["goal_tree"], depth: 0)
        return context
    }

    static func svgNode(_ node: Report.GoalNode) -> GoalTreeSVG.Node {
        GoalTreeSVG.Node(title: node.goal.title, link: node.goal.link, progress: node.progress, health: node.health,
                         children: node.children.map(svgNode))
    }
}
