/// A parsed query block (SPEC §1.5; the language is documented in docs/queries.md):
/// `briefs where status = in-review and goals contains g-activation sort review_by show title, owner`.
public struct Query: Sendable, Hashable {
    public enum Source: String, Sendable, Hashable, CaseIterable {
        case goals, briefs, decisions, notes, all

        var type: DocumentType? {
            switch self {
            case .goals: .goal
            case .briefs: .brief
            case .decisions: .decision
            case .notes: .note
            case .all: nil
            }
        }
    }

    public enum Layout: String, Sendable, Hashable, CaseIterable {
        case table, list, count
    }

    public indirect enum Condition: Sendable, Hashable {
        case compare(field: String, op: Operator, value: Literal)
        case exists(field: String)
        case not(Condition)
        case and(Condition, Condition)
        case or(Condition, Condition)
    }

    public enum Operator: String, Sendable, Hashable, CaseIterable {
        case equal = "="
        case notEqual = "!="
        case less = "<"
        case lessOrEqual = "<="
        case greater = ">"
        case greaterOrEqual = ">="
        case contains
    }

    /// A value as written; `today`, `today+7` and `today-30` are dates relative to the report's today.
    public enum Literal: Sendable, Hashable {
        case text(String)
        case today(offset: Int)
    }

    public struct SortKey: Sendable, Hashable {
        public var field: String
        public var descending: Bool
    }

    public var source: Source
    public var condition: Condition?
    public var sort: [SortKey] = []
    public var limit: Int?
    public var fields: [String] = []
    public var layout: Layout = .table

    /// The columns shown: `show` fields, or title, status and owner.
    public var columns: [String] { fields.isEmpty ? ["title", "status", "owner"] : fields }

    /// Every field the query names, with where it was named (for the unknown-field check).
    public var namedFields: [String] {
        var names = fields + sort.map(\.field)
        func collect(_ condition: Condition) {
            switch condition {
            case .compare(let field, _, _), .exists(let field): names.append(field)
            case .not(let inner): collect(inner)
            case .and(let a, let b), .or(let a, let b): collect(a); collect(b)
            }
        }
        if let condition { collect(condition) }
        return names
    }
}

/// A ```` ```bearing ```` block of a document: its text, where it starts, and what it parsed to.
public struct QueryBlock: Sendable, Hashable {
    public var text: String
    /// The first line of the query (the line after the opening fence).
    public var location: SourceLocation
    /// Nil when the text does not parse (the error is a diagnostic of the document).
    public var query: Query?
}
