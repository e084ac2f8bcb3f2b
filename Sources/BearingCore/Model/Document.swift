/// One goal, brief, decision or note, with its fields typed and its references resolved.
public struct Document: Sendable, Hashable, Identifiable {
    public var id: String
    public var path: String
    public var type: DocumentType
    public var title: String
    /// The workflow status (normalised to lowercase), or the status as written when the
    /// workflow does not know it.
    public var status: String
    /// The status as written when it said more than the status word
    /// (`accepted; supersedes ADR-0045`, `Superseded by [2. …](0002-….md)`).
    public var statusText: String?
    public var owner: String?
    public var tags: [String] = []
    public var created: Day?
    public var updated: Day?
    /// Who committed changes to the file, from git (the most frequent first); empty without git.
    public var authors: [String] = []
    /// The sequence number from a file name such as `0007-use-x.md` (shown as ADR-0007).
    public var number: Int?

    public var goal: GoalDetails?
    public var brief: BriefDetails?
    public var decision: DecisionDetails?

    /// Every reference this document makes, in the order written.
    public var references: [Reference] = []
    /// Every person or team id it names.
    public var people: [PersonReference] = []
    /// The ```` ```bearing ```` query blocks of the body, in order.
    public var queries: [QueryBlock] = []
    /// The front matter as written, every key including unknown ones.
    public var fields: [YAMLPair] = []
    /// Headings, query blocks and (when rendered) HTML of the body.
    public var body: MarkdownDocument
    /// Where the document starts: line 1 of its file.
    public var location: SourceLocation { SourceLocation(path: path, line: 1, column: 1) }

    /// The decision label `ADR-0007`, when the file name carries a number.
    public var label: String? {
        guard type == .decision, let number else { return nil }
        let digits = String(number)
        return "ADR-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// The location of a front matter key, or the start of the file.
    public func location(ofField key: String) -> SourceLocation {
        guard let pair = fields.first(where: { $0.key == key }) else { return location }
        return SourceLocation(path: path, line: pair.keyLine, column: pair.keyColumn)
    }

    /// Ids of the documents this one refers to with `kind`, resolved only.
    public func targets(_ kind: ReferenceKind) -> [String] {
        references.compactMap { $0.kind == kind ? $0.target : nil }
    }
}

public struct GoalDetails: Sendable, Hashable {
    public var horizon: String?
    public var period: Period?
    public var parent: String?
    public var health: String?
    public var contributors: [String] = []
    public var keyResults: [KeyResult] = []
    /// Progress given explicitly (`progress: 0.4` or `"40%"`), 0…1.
    public var explicitProgress: Double?
}

public struct KeyResult: Sendable, Hashable, Codable {
    public var title: String
    public var baseline: Double
    public var target: Double
    public var current: Double?
    public var unit: String?

    /// `(current − baseline) / (target − baseline)` clamped to 0…1; nil when unknown.
    public var progress: Double? {
        guard let current, target != baseline else { return nil }
        return min(1, max(0, (current - baseline) / (target - baseline)))
    }
}

public struct BriefDetails: Sendable, Hashable {
    public var reviewers: [String] = []
    public var reviewBy: Day?
}

public struct DecisionDetails: Sendable, Hashable {
    public var date: Day?
    public var decisionMakers: [String] = []
    public var consulted: [String] = []
    public var informed: [String] = []
}
