import BearingCore

/// The front matter fields Bearing knows, with the types that have them and a line of
/// documentation each (docs/front-matter.md, said shortly). Completion offers them at a key,
/// hover shows a key's line.
struct FieldDocumentation: Sendable {
    let key: String
    /// The types whose documents have the field; every type when nil.
    let types: Set<DocumentType>?
    /// What the value is, as written in the documentation's tables (`list of goal ids`).
    let value: String
    let summary: String

    /// The documentation of a key for a type (nil: not a field Bearing knows for it).
    static func of(_ key: String, for type: DocumentType) -> FieldDocumentation? {
        all.first { $0.key == key && $0.applies(to: type) }
    }

    /// The fields of a type, in the order the documentation gives them.
    static func fields(for type: DocumentType) -> [FieldDocumentation] { all.filter { $0.applies(to: type) } }

    /// Whether documents of the type have the field.
    func applies(to type: DocumentType) -> Bool { types?.contains(type) ?? true }

    /// The hover text and completion documentation: the key, its value's type, what it means.
    var markdown: String { "**`\(key)`** (\(value))\n\n\(summary)" }

    /// Every field, common ones first, then a goal's, a brief's and a decision's.
    static let all: [FieldDocumentation] = [
        .init(key: "id", types: nil, value: "string", summary: "The document's id; without it, the file name without `.md`. Ids compare ignoring case."),
        .init(key: "type", types: nil, value: "goal | brief | decision | note", summary: "The document's type; without it, from `types:` in bearing.yml, the folder or the content."),
        .init(key: "title", types: nil, value: "string", summary: "The title; without it, the first `# ` heading of the body, else the file name made readable."),
        .init(key: "status", types: nil, value: "a status of the type's workflow", summary: "Where the document stands in its type's workflow; kept as written, mapped to a stage."),
        .init(key: "owner", types: nil, value: "person or team id", summary: "The one accountable."),
        .init(key: "tags", types: nil, value: "list of strings", summary: "Tags, for queries and the site."),
        .init(key: "created", types: nil, value: "date", summary: "When the document was created; without it, the day of the file's first commit."),
        .init(key: "updated", types: nil, value: "date", summary: "When the document was last updated; without it, the day of the file's last commit."),
        .init(key: "links", types: nil, value: "list of ids", summary: "Generic \"related\" references to documents of any type."),
        .init(key: "horizon", types: [.goal], value: "a configured horizon", summary: "The time scale (`year`, `half`, `quarter`, `month`, `week` by default); without it, the period's kind."),
        .init(key: "period", types: [.goal], value: "`2027`, `2027-H1`, `2027-Q1`, `2027-03`, `2027-W05`", summary: "The period the goal is for; its kind should match the horizon and lie within the parent's period."),
        .init(key: "parent", types: [.goal], value: "goal id", summary: "The goal this one serves. Only the first item of a list is used."),
        .init(key: "health", types: [.goal], value: "on-track | at-risk | off-track", summary: "The owner's judgement."),
        .init(key: "contributors", types: [.goal], value: "list of person or team ids", summary: "Who works towards the goal besides its owner."),
        .init(key: "key_results", types: [.goal], value: "list of {title, baseline?, target, current?, unit?}", summary: "Measurable results; their mean progress is the goal's progress unless `progress` is given."),
        .init(key: "progress", types: [.goal], value: "a number 0…1 or a percentage \"0%\"…\"100%\"", summary: "Explicit progress, which wins over key results and child goals."),
        .init(key: "goals", types: [.brief, .decision], value: "list of goal ids", summary: "The goals this work serves."),
        .init(key: "reviewers", types: [.brief], value: "list of person or team ids", summary: "Whose feedback is asked."),
        .init(key: "review_by", types: [.brief], value: "date", summary: "The end of the feedback window."),
        .init(key: "decisions", types: [.brief], value: "list of decision ids", summary: "The decisions this brief led to."),
        .init(key: "date", types: [.decision], value: "date", summary: "When decided (or proposed)."),
        .init(key: "decision-makers", types: [.decision], value: "list of person or team ids", summary: "Who decides (alias `deciders`; `decision-makers` wins when both are given)."),
        .init(key: "deciders", types: [.decision], value: "list of person or team ids", summary: "Who decides: an alias of `decision-makers`."),
        .init(key: "consulted", types: [.decision], value: "list of person or team ids", summary: "Whose opinion is sought before deciding."),
        .init(key: "informed", types: [.decision], value: "list of person or team ids", summary: "Who is kept up to date on the decision."),
        .init(key: "briefs", types: [.decision], value: "list of brief ids", summary: "The briefs this decision comes from; their goals count as goals it serves."),
        .init(key: "supersedes", types: [.decision], value: "list of decision ids", summary: "The decisions this one replaces."),
        .init(key: "superseded_by", types: [.decision], value: "decision id", summary: "The decision that replaces this one."),
    ]
}
