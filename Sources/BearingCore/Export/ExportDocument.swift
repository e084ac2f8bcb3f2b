/// The JSON shapes of `bearing export --format json` (documented in docs/json-export.md).
/// Keys are snake_case; absent values are omitted; arrays keep a stable order.
public struct ExportRoot: Encodable, Sendable {
    public var format = "bearing-export"
    public var version = 1
    public var today: Day
    public var config: ExportConfig
    public var people: [PeopleDirectory.Person]
    public var teams: [PeopleDirectory.Team]
    public var documents: [ExportDocument]
    public var diagnostics: [DiagnosticRecord]
}

public struct ExportConfig: Encodable, Sendable {
    public var title: String?
    public var base_url: String?
    public var language: String?
    public var output: String
    public var horizons: [String]
    public var workflows: [String: ExportWorkflow]
    public var stale_after_days: Int
    public var pending_after_days: Int
    public var unsafe_html: Bool
    public var rules: [String: String]
}

public struct ExportWorkflow: Encodable, Sendable {
    public var statuses: [String]
    public var terminal: [String]
}

public struct ExportDocument: Encodable, Sendable {
    public var id: String
    public var type: DocumentType
    public var path: String
    public var title: String
    public var status: String
    public var status_text: String?
    public var finished: Bool
    public var owner: String?
    public var tags: [String]
    public var created: Day?
    public var updated: Day?
    public var number: Int?
    public var label: String?
    public var goal: ExportGoal?
    public var brief: ExportBrief?
    public var decision: ExportDecision?
    public var fields: [String: JSONValue]
    public var people: [PersonReference]
    public var references: [ExportReference]
    public var backlinks: [Backlink]
    public var headings: [ExportHeading]
}

public struct ExportGoal: Encodable, Sendable {
    public var horizon: String?
    public var period: String?
    public var period_start: Day?
    public var period_end: Day?
    public var parent: String?
    public var health: String?
    public var contributors: [String]
    public var key_results: [ExportKeyResult]
    public var progress: Double?
    /// `explicit`, `key_results`, `children` or `unknown`.
    public var progress_source: String
}

public struct ExportKeyResult: Encodable, Sendable {
    public var title: String
    public var baseline: Double
    public var target: Double
    public var current: Double?
    public var unit: String?
    public var progress: Double?
}

public struct ExportBrief: Encodable, Sendable {
    public var reviewers: [String]
    public var review_by: Day?
}

public struct ExportDecision: Encodable, Sendable {
    public var date: Day?
    public var decision_makers: [String]
    public var consulted: [String]
    public var informed: [String]
}

public struct ExportReference: Encodable, Sendable {
    public var kind: ReferenceKind
    public var written: String
    public var target: String?
    public var anchor: String?
    public var external: Bool
    public var line: Int
    public var column: Int
}

public struct ExportHeading: Encodable, Sendable {
    public var level: Int
    public var text: String
    public var anchor: String
    public var line: Int
}
