/// The value of a field of a document, as a query sees it.
public enum QueryValue: Sendable, Hashable {
    case text(String)
    /// An id of a document: compared case-insensitively, shown as a link to it.
    case reference(String)
    case number(Double)
    case date(Day)
    case list([QueryValue])

    var elements: [QueryValue] {
        if case .list(let values) = self { return values }
        return [self]
    }
}

/// The fields a query can name: known front matter (aliases accepted), computed values, and
/// any other front matter key as written.
public enum QueryField {
    /// Known and computed fields, with `-` spelled `_`.
    public static let known: [String] = [
        "id", "type", "title", "status", "owner", "tags", "created", "updated", "path", "number", "links",
        "horizon", "period", "parent", "health", "contributors", "progress", "key_results",
        "goals", "briefs", "decisions", "reviewers", "review_by", "approvals",
        "date", "decision_makers", "deciders", "consulted", "informed", "supersedes", "superseded_by",
        "backlinks", "serves", "team", "finished", "active", "label",
    ]
    static let knownSet = Set(known)

    static func normalized(_ name: String) -> String {
        String(name.lowercased().map { $0 == "-" ? "_" : $0 })
    }

    /// The fields whose values are document ids.
    static let references: Set<String> = ["parent", "goals", "briefs", "decisions", "supersedes", "superseded_by", "links", "serves", "id"]

    /// Computed fields that are not front matter fields of the SPEC: a document's own front matter
    /// key of the same name wins over them, so adding one never changes what an old query meant.
    static let computedOnly: Set<String> = ["path", "number", "backlinks", "serves", "team", "finished", "active", "label", "key_results"]

    static func value(_ name: String, of document: Document, in kb: KnowledgeBase, analysis: AlignmentAnalysis) -> QueryValue? {
        let field = normalized(name)
        if computedOnly.contains(field), let own = frontMatter(name, of: document) { return own }
        func text(_ value: String?) -> QueryValue? { value.map(QueryValue.text) }
        func day(_ value: Day?) -> QueryValue? { value.map(QueryValue.date) }
        func list(_ values: [String], references: Bool = false) -> QueryValue? {
            values.isEmpty ? nil : .list(values.map { references ? .reference($0) : .text($0) })
        }
        func targets(_ kind: ReferenceKind) -> QueryValue? { list(document.targets(kind), references: true) }
        switch field {
        case "id": return .reference(document.id)
        case "type": return .text(document.type.rawValue)
        case "title": return .text(document.title)
        case "status": return .text(document.status)
        case "owner": return text(document.owner)
        case "tags": return list(document.tags)
        case "created": return day(document.created)
        case "updated": return day(document.updated)
        case "path": return .text(document.path)
        case "number": return document.number.map { .number(Double($0)) }
        case "links": return targets(.links)
        case "horizon": return text(document.goal?.horizon)
        case "period": return text(document.goal?.period?.text)
        case "parent": return document.goal?.parent.map(QueryValue.reference)
        case "health": return text(document.goal?.health)
        case "contributors": return list(document.goal?.contributors ?? [])
        case "progress": return analysis.progress[document.id]?.value.map(QueryValue.number)
        case "key_results": return document.goal.map { .number(Double($0.keyResults.count)) }
        case "goals": return document.type == .goal ? nil : list(kb.servedGoalIDs(document), references: true)
        case "briefs": return targets(.briefs)
        case "decisions": return targets(.decisions)
        case "reviewers": return list(document.brief?.reviewers ?? [])
        case "review_by": return day(document.brief?.reviewBy)
        case "date": return day(document.decision?.date)
        case "decision_makers", "deciders": return list(document.decision?.decisionMakers ?? [])
        case "consulted": return list(document.decision?.consulted ?? [])
        case "informed": return list(document.decision?.informed ?? [])
        case "supersedes": return targets(.supersedes)
        case "superseded_by": return targets(.supersededBy)
        case "backlinks": return .number(Double(kb.backlinks[document.id]?.count ?? 0))
        case "team": return list(kb.people.teams(of: document.owner))
        case "finished": return kb.isFinished(document) ? .text("true") : nil
        case "active": return kb.isActive(document) ? .text("true") : nil
        case "label": return document.label.map(QueryValue.text)
        case "serves":
            var goals = Set<String>()
            if let position = kb.index(of: document.id) { analysis.chains.forEachGoal(at: position) { goals.insert($0) } }
            return list(Array(goals).sorted(), references: true)
        default:
            return frontMatter(name, of: document)
        }
    }

    /// A front matter key as written, else one that differs only in case or in `-` for `_`.
    static func frontMatter(_ name: String, of document: Document) -> QueryValue? {
        let pair = document.fields.first { $0.key == name } ?? document.fields.first { normalized($0.key) == normalized(name) }
        return pair.flatMap { frontMatterValue($0.value) }
    }

    /// An unknown front matter field: a scalar, or a list of scalars. Mappings are not comparable.
    static func frontMatterValue(_ node: YAMLNode) -> QueryValue? {
        if let scalar = node.string { return scalarValue(scalar) }
        if let items = node.sequence {
            let values = items.compactMap { $0.string.map(scalarValue) }
            return values.isEmpty ? nil : .list(values)
        }
        return nil
    }

    private static func scalarValue(_ text: String) -> QueryValue {
        if let day = Day.parse(text), text.count == 10 { return .date(day) }
        if let number = Double(text), text.first?.isNumber == true || text.first == "-" { return .number(number) }
        return .text(text)
    }
}
