import Foundation

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

    /// The lists of document ids, by their JSON names: templates get the documents' descriptions
    /// instead, and `listLimit` shortens them.
    static let documentLists: Set<String> = [
        "work", "unsupported_goals", "serving_finished_goals", "owns", "reviews", "decides", "consulted", "informed",
        "contributes", "overdue", "recent_decisions",
    ]
    /// Lists of `{id, days}`: templates get the description with `days` added.
    static let lateLists: Set<String> = ["overdue_reviews", "pending_decisions", "stale"]
    /// Other lists `listLimit` shortens.
    static let otherLists: Set<String> = ["broken_references", "retired_references"]
    /// Single document ids.
    static let documentFields: Set<String> = ["goal", "decision", "referrer", "document"]

    public init(templates: TemplateSet = .defaults, listLimit: Int? = nil) {
        self.templates = templates
        self.listLimit = listLimit
    }

    public func render(_ report: Report, as format: ReportFormat) throws -> String {
        switch format {
        case .json: return JSONWriter.pretty(try TreeEncoder.encode(report))
        case .md: return try render(report, format: .md, extra: [:])
        case .html:
            let svg = GoalTreeSVG.render(report.goal_tree.map { Self.svgNode($0, documents: report.documents) },
                                         label: "Active goals and their progress")
            return try render(report, format: .html,
                              extra: ["css": templates.files["report/report.css"] ?? "", "goal_tree_svg": svg])
        }
    }

    /// The report's sections in order; each is a template `report/<name>.<format>`.
    public static let sections = ["summary", "goals", "orphans", "attention", "people", "decisions", "views"]

    /// Renders the sections side by side (they are independent), then the layout `report/report.<format>`,
    /// which receives each as `section.<name>` and all of them, in order, as `sections`.
    private func render(_ report: Report, format: ReportFormat, extra: [String: Any]) throws -> String {
        let library = try templates.library()
        let layout = "report/report.\(format.rawValue)"
        let names = [layout] + Self.sections.map { "report/\($0).\(format.rawValue)" }
        if let missing = names.first(where: { library.getTemplate(named: $0) == nil }) {
            throw TemplateError(path: missing + ".mustache", message: "template not found")
        }
        var context = try Self.context(report, listLimit: listLimit)
        for (key, value) in extra { context[key] = value }
        let rendered = RenderedSections(count: Self.sections.count)
        let shared = ReadOnly(context)
        DispatchQueue.concurrentPerform(iterations: Self.sections.count) { i in
            rendered.set(i, library.render(shared.value, withTemplate: names[i + 1]) ?? "")
        }
        let texts = rendered.texts.map { $0.trimmingTrailingNewlines() }
        context["section"] = Dictionary(uniqueKeysWithValues: zip(Self.sections, texts))
        context["sections"] = texts.filter { !$0.isEmpty }.joined(separator: format == .md ? "\n\n" : "\n")
        return library.render(context, withTemplate: layout) ?? ""
    }

    /// The view model as dictionaries and arrays keyed by the JSON names, with each document id
    /// replaced by the document's description from `documents`. Goal nodes also get `indent` (two
    /// spaces a level, for nested Markdown lists) and `depth`; each list of documents gets
    /// `<name>_total`, and when it is cut to `listLimit`, `<name>_more` (how many are left out).
    static func context(_ report: Report, listLimit: Int? = nil) throws -> [String: Any] {
        // Descriptions are made only for the documents the (cut) lists show.
        var lists = report
        lists.documents = [:]
        let cut = TreeEncoder.Cut(keys: documentLists.union(lateLists).union(otherLists), limit: listLimit)
        guard var root = try TreeEncoder.encode(lists, cut: cut).templateValue as? [String: Any] else { return [:] }
        var described: [String: Any] = [:]
        func describe(_ id: Any) -> Any {
            guard let id = id as? String, let item = report.documents[id] else { return [String: Any]() }
            if let known = described[id] { return known }
            let description = Self.closingOptionals(Self.itemOptionals, in: (try? TreeEncoder.encode(item).templateValue) ?? [String: Any]())
            described[id] = description
            return description
        }
        func late(_ entry: Any) -> Any {
            guard let entry = entry as? [String: Any], var description = describe(entry["id"] ?? "") as? [String: Any] else { return entry }
            description["days"] = entry["days"]
            return description
        }
        func resolve(_ value: Any, depth: Int) -> Any {
            if let array = value as? [Any] { return array.map { resolve($0, depth: depth) } }
            guard var object = value as? [String: Any] else { return value }
            for (key, child) in object {
                if documentFields.contains(key) {
                    object[key] = describe(child)
                } else if let list = child as? [Any], documentLists.contains(key) || lateLists.contains(key) || otherLists.contains(key) {
                    // Already cut to `listLimit` while encoding, with `<key>_total` and `<key>_more` beside it.
                    if documentLists.contains(key) { object[key] = list.map(describe) }
                    else if lateLists.contains(key) { object[key] = list.map(late) }
                    else { object[key] = list.map { resolve($0, depth: depth) } }
                } else if key == "goal_tree" || key == "children" {
                    object[key] = (child as? [Any] ?? []).map { node -> Any in
                        guard var node = Self.closingOptionals(Self.goalOptionals, in: node) as? [String: Any] else { return node }
                        node["key_results"] = (node["key_results"] as? [Any] ?? []).map { Self.closingOptionals(Self.keyResultOptionals, in: $0) }
                        node["indent"] = String(repeating: "  ", count: key == "children" ? depth + 1 : 0)
                        node["depth"] = key == "children" ? depth + 1 : 0
                        return resolve(node, depth: key == "children" ? depth + 1 : 0)
                    }
                } else if key == "people" {
                    object[key] = (child as? [Any] ?? []).map { resolve(Self.closingOptionals(["team"], in: $0), depth: depth) }
                } else if key != "documents" {
                    object[key] = resolve(child, depth: depth)
                }
            }
            return object
        }
        root = resolve(root, depth: 0) as? [String: Any] ?? root
        return root
    }

    /// Optional fields that are absent from the JSON when they have no value. A template looks a
    /// missing name up in the enclosing contexts (a goal without health would show its parent's),
    /// so the context gives them as `false` instead: `{{#health}}…{{/health}}` is then skipped.
    static let itemOptionals = ["owner", "label", "date", "chain"]
    static let goalOptionals = ["horizon", "period", "health", "progress", "progress_percent"]
    static let keyResultOptionals = ["current", "unit", "progress"]

    static func closingOptionals(_ keys: [String], in value: Any) -> Any {
        guard var object = value as? [String: Any] else { return value }
        for key in keys where object[key] == nil { object[key] = false }
        return object
    }

    static func svgNode(_ node: Report.GoalNode, documents: [String: Report.Item]) -> GoalTreeSVG.Node {
        GoalTreeSVG.Node(title: documents[node.goal]?.title ?? node.goal, link: documents[node.goal]?.link, progress: node.progress,
                         health: node.health, children: node.children.map { svgNode($0, documents: documents) })
    }
}

/// A template context shared by concurrent renderers: plain values (dictionaries, arrays, strings,
/// numbers), never mutated while they read it.
private struct ReadOnly: @unchecked Sendable {
    let value: [String: Any]
    init(_ value: [String: Any]) { self.value = value }
}

/// Results written by concurrent renderers, one slot each.
private final class RenderedSections: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [String]

    init(count: Int) { slots = Array(repeating: "", count: count) }

    func set(_ index: Int, _ text: String) { lock.withLock { slots[index] = text } }

    var texts: [String] { lock.withLock { slots } }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == "\n" { end = index(before: end) }
        return String(self[..<end])
    }
}
