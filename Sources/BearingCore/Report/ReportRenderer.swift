import Foundation
import Mustache

/// The report's three forms, all from the same view model: JSON as is, Markdown and HTML through
/// the templates under `report/` (a layout and one template per section).
public enum ReportFormat: String, Sendable, CaseIterable {
    case md, html, json
}

public struct ReportRenderer: Sendable {
    public let templates: TemplateSet
    /// The Markdown and HTML forms show at most this many entries of each list of documents
    /// (then "and N more"); nil shows all. The JSON form always has everything.
    public let listLimit: Int?

    public init(templates: TemplateSet = .defaults, listLimit: Int? = nil) {
        self.templates = templates
        self.listLimit = listLimit
    }

    public func render(_ report: Report, as format: ReportFormat) throws -> String {
        switch format {
        case .json: return try JSONWriter.encode(report)
        case .md: return try render(report, format: .md, extra: [:])
        case .html:
            return try render(report, format: .html, extra: ["css": templates.files["report/report.css"] ?? "", "goal_tree_svg": Self.svg(report)])
        }
    }

    public static func svg(_ report: Report) -> String {
        GoalTreeSVG.render(report.goal_tree.map { svgNode($0, documents: report.documents) }, label: "Active goals and their progress")
    }

    /// The HTML of each section by name (the site puts them in its own pages), and the context
    /// they were rendered with.
    public func htmlSections(_ report: Report, withSVG: Bool = true) throws -> (sections: [String: String], context: [String: Any]) {
        var context = try ReportContext.make(report, listLimit: listLimit)
        context["goal_tree_svg"] = withSVG ? Self.svg(report) : ""
        let texts = try renderSections(context, format: .html, library: try templates.library())
        return (Dictionary(uniqueKeysWithValues: zip(Self.sections, texts)), context)
    }

    /// The report's sections in order; each is a template `report/<name>.<format>`.
    public static let sections = ["summary", "goals", "orphans", "attention", "people", "decisions", "views"]

    /// Renders the sections side by side (they are independent), then the layout `report/report.<format>`,
    /// which receives each as `section.<name>` and all of them, in order, as `sections`.
    private func render(_ report: Report, format: ReportFormat, extra: [String: Any]) throws -> String {
        let library = try templates.library()
        let layout = "report/report.\(format.rawValue)"
        guard library.getTemplate(named: layout) != nil else { throw TemplateError(path: layout + ".mustache", message: "template not found") }
        var context = try ReportContext.make(report, listLimit: listLimit)
        for (key, value) in extra { context[key] = value }
        let texts = try renderSections(context, format: format, library: library)
        context["section"] = Dictionary(uniqueKeysWithValues: zip(Self.sections, texts))
        context["sections"] = texts.filter { !$0.isEmpty }.joined(separator: format == .md ? "\n\n" : "\n")
        return library.render(context, withTemplate: layout) ?? ""
    }

    /// The sections side by side (they are independent), trailing newlines removed.
    private func renderSections(_ context: [String: Any], format: ReportFormat, library: MustacheLibrary) throws -> [String] {
        let names = Self.sections.map { "report/\($0).\(format.rawValue)" }
        if let missing = names.first(where: { library.getTemplate(named: $0) == nil }) {
            throw TemplateError(path: missing + ".mustache", message: "template not found")
        }
        let rendered = LockedSlots<String>(count: names.count)
        let shared = Unchecked(context)
        DispatchQueue.concurrentPerform(iterations: names.count) { i in
            rendered.set(i, library.render(shared.value, withTemplate: names[i]) ?? "")
        }
        return rendered.values.map { $0.trimmingTrailingNewlines() }
    }

    static func svgNode(_ node: Report.GoalNode, documents: [String: Report.Item]) -> GoalTreeSVG.Node {
        GoalTreeSVG.Node(title: documents[node.goal]?.title ?? node.goal, link: documents[node.goal]?.link, progress: node.progress,
                         health: node.health, children: node.children.map { svgNode($0, documents: documents) })
    }
}
