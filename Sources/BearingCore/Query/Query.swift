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

    /// Every field name as written, with its line and column in the query text (for the
    /// unknown-field check), in the order written.
    public var fieldUses: [FieldUse] = []

    public struct FieldUse: Sendable, Hashable {
        public var name: String
        public var line: Int
        public var column: Int
    }
}

/// A ```` ```bearing ```` block of a document: its text, where it starts, and what it parsed to.
public struct QueryBlock: Sendable, Hashable {
    public var text: String
    /// Where the query text starts: the line after the opening fence, at the fence's column.
    public var location: SourceLocation
    /// Nil when the text does not parse (the error is a diagnostic of the document).
    public var query: Query?
}

extension SourceLocation {
    /// The place of a 1-based line and column of a query block's text, this being where the text starts.
    func offset(by position: (line: Int, column: Int)) -> SourceLocation {
        SourceLocation(path: path, line: line + position.line - 1, column: column + position.column - 1)
    }

    func offset(by error: QueryError) -> SourceLocation {
        offset(by: (error.line, error.column))
    }
}
