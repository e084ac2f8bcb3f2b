/// `bearing schema`: a JSON Schema (draft 2020-12) of each type's front matter, with the
/// knowledge base's workflows, horizons and people, so editors complete and check fields
/// (docs/editors.md). Unknown fields stay allowed, as Bearing keeps them.
public enum FrontMatterSchema {
    public static let draft = "https://json-schema.org/draft/2020-12/schema"

    /// The schema of one type, or of any document (`anyOf` the four) when `type` is nil.
    public static func make(configuration: Configuration, people: PeopleDirectory, type: DocumentType?) -> JSONValue {
        let title = configuration.title ?? "Knowledge base"
        if let type {
            var schema = object(for: type, configuration: configuration, people: people)
            schema["$schema"] = .string(draft)
            schema["title"] = .string("\(title): \(type.rawValue) front matter")
            return .object(schema)
        }
        var definitions: [String: JSONValue] = [:]
        for type in DocumentType.allCases { definitions[type.rawValue] = .object(object(for: type, configuration: configuration, people: people)) }
        return .object([
            "$schema": .string(draft),
            "title": .string("\(title): front matter of any document"),
            "$defs": .object(definitions),
            "anyOf": .array(DocumentType.allCases.map { .object(["$ref": .string("#/$defs/\($0.rawValue)")]) }),
        ])
    }

    /// The schema as JSON text (sorted keys, two-space indentation).
    public static func json(configuration: Configuration, people: PeopleDirectory, type: DocumentType?) -> String {
        JSONWriter.pretty(make(configuration: configuration, people: people, type: type))
    }

    private static func object(for type: DocumentType, configuration: Configuration, people: PeopleDirectory) -> [String: JSONValue] {
        let person = personSchema(people)
        let persons = listOf(person)
        let ids = listOf(id)
        var properties: [String: JSONValue] = [
            "id": id,
            "type": .object(["enum": .array(DocumentType.allCases.map { .string($0.rawValue) })]),
            "title": .object(["type": .string("string"), "description": .string("Default: the first '# ' heading of the body.")]),
            "status": statusSchema(configuration.workflow(for: type)),
            "owner": person,
            "tags": .object(["type": .string("array"), "items": .object(["type": .string("string")])]),
            "created": date, "updated": date,
            "links": ids,
        ]
        switch type {
        case .goal:
            properties["horizon"] = .object(["enum": .array(configuration.horizons.map { .string($0) })])
            properties["period"] = .object(["type": .string("string"), "pattern": .string(#"^\d{4}(-(H[12]|Q[1-4]|\d{2}|W\d{2}))?$"#),
                                            "description": .string("2027, 2027-H1, 2027-Q1, 2027-03 or 2027-W05")])
            properties["parent"] = .object(["anyOf": .array([id, .object(["type": .string("array"), "items": id, "maxItems": .integer(1)])])])
            properties["health"] = .object(["enum": .array(["on-track", "at-risk", "off-track"].map { .string($0) })])
            properties["contributors"] = persons
            properties["key_results"] = .object(["type": .string("array"), "items": .object([
                "type": .string("object"), "required": .array([.string("title"), .string("target")]),
                "properties": .object(["title": .object(["type": .string("string")]), "baseline": number, "target": number,
                                       "current": number, "unit": .object(["type": .string("string")])]),
            ])])
            properties["progress"] = .object(["anyOf": .array([
                .object(["type": .string("number"), "minimum": .integer(0), "maximum": .integer(1)]),
                .object(["type": .string("string"), "pattern": .string(#"^\d{1,3}(\.\d+)?%$"#)]),
            ])])
        case .brief:
            properties["goals"] = ids
            properties["reviewers"] = persons
            properties["review_by"] = date
            properties["decisions"] = ids
        case .decision:
            properties["date"] = date
            properties["decision-makers"] = persons
            properties["deciders"] = persons
            properties["consulted"] = persons
            properties["informed"] = persons
            properties["goals"] = ids
            properties["briefs"] = ids
            properties["supersedes"] = ids
            properties["superseded_by"] = ids
        case .note:
            break
        }
        return ["type": .string("object"), "properties": .object(properties), "additionalProperties": .bool(true)]
    }

    static let id = JSONValue.object(["type": .string("string"), "pattern": .string(#"^[A-Za-z0-9][A-Za-z0-9._/-]*$"#)])
    static let number = JSONValue.object(["type": .string("number")])
    /// `YYYY-MM-DD`, an ISO 8601 timestamp starting so, or epoch milliseconds (as Dendron writes).
    static let date = JSONValue.object(["anyOf": .array([
        .object(["type": .string("string"), "pattern": .string(#"^\d{4}-\d{2}-\d{2}"#)]),
        .object(["type": .string("integer"), "minimum": .integer(0)]),
    ])])

    /// A single value or a list of them (Bearing reads both).
    static func listOf(_ item: JSONValue) -> JSONValue {
        .object(["anyOf": .array([item, .object(["type": .string("array"), "items": item])])])
    }

    /// The workflow's statuses, lowercase and capitalised (MADR writes `Accepted`).
    static func statusSchema(_ workflow: Workflow) -> JSONValue {
        let names = workflow.statuses.flatMap { [$0, $0.prefix(1).uppercased() + $0.dropFirst()] }
        return .object(["enum": .array(uniqued(names).map { .string($0) }),
                        "description": .string("In order: " + workflow.statuses.joined(separator: ", "))])
    }

    /// people.yml's ids when it exists, else any id.
    static func personSchema(_ people: PeopleDirectory) -> JSONValue {
        guard people.exists, !people.allIDs.isEmpty else { return id }
        return .object(["enum": .array(people.allIDs.map { .string($0) })])
    }
}

/// The elements in their first order, each once.
private func uniqued(_ items: [String]) -> [String] {
    var seen = Set<String>()
    return items.filter { seen.insert($0).inserted }
}
