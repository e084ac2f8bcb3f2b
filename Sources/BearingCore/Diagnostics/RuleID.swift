/// The stable, kebab-case identifier of a check. Users name these in `rules:` of `bearing.yml`.
public struct RuleID: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

extension RuleID {
    // Loading and parsing
    public static let yamlSyntax: RuleID = "yaml-syntax"
    public static let frontMatter: RuleID = "front-matter"
    public static let invalidUTF8: RuleID = "invalid-utf8"
    public static let fileTooLarge: RuleID = "file-too-large"
    public static let unreadableFile: RuleID = "unreadable-file"
    public static let config: RuleID = "config"
    public static let unknownConfigKey: RuleID = "unknown-config-key"
    // The knowledge base's edge (SPEC §1): what the scan leaves out
    public static let unsafeLink: RuleID = "unsafe-link"
    public static let specialFile: RuleID = "special-file"
    public static let invalidFileName: RuleID = "invalid-file-name"
    /// A document went beyond a processing limit (nesting, size of markup, the Markdown library's time).
    public static let limit: RuleID = "limit"
    // Model
    public static let invalidField: RuleID = "invalid-field"
    public static let unknownStatus: RuleID = "unknown-status"
    public static let ambiguousDate: RuleID = "ambiguous-date"
    public static let duplicateID: RuleID = "duplicate-id"
    public static let unresolvedReference: RuleID = "unresolved-reference"
    public static let missingFile: RuleID = "missing-file"
    public static let periodMismatch: RuleID = "period-mismatch"
    public static let query: RuleID = "query"
    // Validation
    public static let goalCycle: RuleID = "goal-cycle"
    public static let orphan: RuleID = "orphan"
    public static let servesFinishedGoal: RuleID = "serves-finished-goal"
    public static let goalOutsideParent: RuleID = "goal-outside-parent"
    public static let overdueReview: RuleID = "overdue-review"
    public static let reviewWithoutReviewers: RuleID = "review-without-reviewers"
    public static let pendingDecision: RuleID = "pending-decision"
    public static let stale: RuleID = "stale"
    public static let unknownPerson: RuleID = "unknown-person"
    public static let supersedeMismatch: RuleID = "supersede-mismatch"
    public static let queryField: RuleID = "query-field"
    public static let referenceType: RuleID = "reference-type"
    public static let unpublishedFile: RuleID = "unpublished-file"

    /// Every rule with its default severity, in documentation order.
    public static let defaults: [(RuleID, Severity)] = [
        (.yamlSyntax, .error), (.frontMatter, .error), (.invalidUTF8, .error), (.fileTooLarge, .warning), (.unreadableFile, .error),
        (.config, .error), (.unknownConfigKey, .warning), (.limit, .warning),
        (.unsafeLink, .warning), (.specialFile, .warning), (.invalidFileName, .warning),
        (.invalidField, .error), (.unknownStatus, .warning), (.ambiguousDate, .warning), (.duplicateID, .error),
        (.unresolvedReference, .error), (.missingFile, .error), (.periodMismatch, .error), (.query, .error),
        (.goalCycle, .error), (.orphan, .warning), (.servesFinishedGoal, .warning),
        (.goalOutsideParent, .warning), (.overdueReview, .warning), (.reviewWithoutReviewers, .warning), (.pendingDecision, .warning),
        (.stale, .warning), (.unknownPerson, .warning), (.supersedeMismatch, .warning),
        (.queryField, .warning), (.referenceType, .error),
        (.unpublishedFile, .warning),
    ]

    public static let all: Set<RuleID> = Set(defaults.map(\.0))
}

extension RuleID {
    /// `bearing serve`: the knowledge base's folder disappeared while it was served.
    public static let knowledgeBaseMissing: RuleID = "knowledge-base-missing"
}
