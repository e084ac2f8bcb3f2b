/// The template context of a report: the view model as dictionaries and arrays, shaped for
/// Mustache (documents described in place of their ids, lists cut, optional fields closed).
enum ReportContext {
    /// The lists of document ids, by their JSON names: templates get the documents' descriptions
    /// instead, and `listLimit` shortens them.
    static let documentLists: Set<String> = [
        "work", "unsupported_goals", "serving_finished_goals", "owns", "reviews", "decides", "consulted", "informed",
        "contributes", "overdue", "recent_decisions", "signed_off",
    ]
    /// Lists of `{id, days, awaiting, signed_off_by}`: templates get the description with those
    /// added, and for reviews `signed_off_count` and `reviewers_count`.
    static let lateLists: Set<String> = ["overdue_reviews", "pending_decisions", "stale"]
    /// Other lists `listLimit` shortens.
    static let otherLists: Set<String> = ["broken_references", "retired_references"]
    /// Single document ids.
    static let documentFields: Set<String> = ["goal", "decision", "referrer", "document"]

    /// The view model as dictionaries and arrays keyed by the JSON names, with each document id
    /// replaced by the document's description from `documents`. Goal nodes also get `indent` (two
    /// spaces a level, for nested Markdown lists) and `depth`; each list of documents gets
    /// `<name>_total`, and when it is cut to `listLimit`, `<name>_more` (how many are left out).
    /// Counts that a noun follows (`days`, `<name>_more`, `hidden_goals`, `hidden_work`) get
    /// `<name>_one`, true when the count is 1, so that templates write the noun in the right number.
    static func make(_ report: Report, listLimit: Int? = nil) throws -> [String: Any] {
        // Descriptions are made only for the documents the (cut) lists show.
        var withoutDocuments = report
        withoutDocuments.documents = [:]
        let cut = TreeEncoder.Cut(keys: documentLists.union(lateLists).union(otherLists), limit: listLimit)
        guard var root = try TreeEncoder.encode(withoutDocuments, cut: cut).templateValue as? [String: Any] else { return [:] }
        var described: [String: Any] = [:]
        func describe(_ id: Any) -> Any {
            guard let id = id as? String, let item = report.documents[id] else { return [String: Any]() }
            if let known = described[id] { return known }
            var description = closingOptionals(itemOptionals, in: (try? TreeEncoder.encode(item).templateValue) ?? [String: Any]())
            if var object = description as? [String: Any] {
                object["status_class"] = SitePaths.slug(item.status)
                description = object
            }
            described[id] = description
            return description
        }
        func late(_ entry: Any) -> Any {
            guard let entry = entry as? [String: Any], var description = describe(entry["id"] ?? "") as? [String: Any] else { return entry }
            description["days"] = entry["days"]
            description["days_one"] = entry["days"] as? Int == 1
            let awaiting = entry["awaiting"] as? [Any] ?? [], signed = entry["signed_off_by"] as? [Any] ?? []
            description["awaiting"] = awaiting
            description["signed_off_by"] = signed
            description["signed_off_count"] = signed.count
            description["reviewers_count"] = awaiting.count + signed.count
            return description
        }
        func resolve(_ value: Any, depth: Int) -> Any {
            if let array = value as? [Any] { return array.map { resolve($0, depth: depth) } }
            guard var object = value as? [String: Any] else { return value }
            // `on hold`, `not stated`: a CSS class needs the status's slug.
            if let status = object["status"] as? String { object["status_class"] = SitePaths.slug(status) }
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
                        guard var node = closingOptionals(goalOptionals, in: node) as? [String: Any] else { return node }
                        node["key_results"] = (node["key_results"] as? [Any] ?? []).map { closingOptionals(keyResultOptionals, in: $0) }
                        node["indent"] = String(repeating: "  ", count: key == "children" ? depth + 1 : 0)
                        node["depth"] = key == "children" ? depth + 1 : 0
                        return resolve(node, depth: key == "children" ? depth + 1 : 0)
                    }
                } else if key == "people" {
                    object[key] = (child as? [Any] ?? []).map { resolve(closingOptionals(["team"], in: $0), depth: depth) }
                } else if key != "documents" {
                    object[key] = resolve(child, depth: depth)
                }
                // "1 sub-goal", "and 1 more overdue review": counts followed by a noun say whether they are one.
                if let count = child as? Int, key.hasSuffix("_more") || key == "hidden_goals" || key == "hidden_work" {
                    object[key + "_one"] = count == 1
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
    static let itemOptionals = ["owner", "label", "date", "chain", "link"]
    static let goalOptionals = ["horizon", "period", "health", "progress", "progress_percent", "hidden_goals", "hidden_work"]
    static let keyResultOptionals = ["current", "unit", "progress"]

    static func closingOptionals(_ keys: [String], in value: Any) -> Any {
        guard var object = value as? [String: Any] else { return value }
        for key in keys where object[key] == nil { object[key] = false }
        return object
    }
}
