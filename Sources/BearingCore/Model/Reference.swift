/// How one document refers to another (SPEC §1.7).
public enum ReferenceKind: String, Sendable, Hashable, Codable, CaseIterable {
    case parent, goals, briefs, decisions, supersedes
    case supersededBy = "superseded_by"
    case links
    /// A link or wikilink written in the body.
    case mentions
}

/// A reference as written, with where it was written and what it resolved to.
public struct Reference: Sendable, Hashable, Codable {
    public var kind: ReferenceKind
    /// The target as written (`g-growth`, `../goals/growth.md#kr`, `ADR-0005`).
    public var written: String
    /// The id of the document it resolved to; nil when unresolved or external.
    public var target: String?
    /// A heading anchor in the target, when the reference names one.
    public var anchor: String?
    /// True when the reference points outside the knowledge base (not an error).
    public var external: Bool
    public var location: SourceLocation
    /// For `[[a|b]]`: the label, tried as a target when `a` does not resolve (Dendron writes the label first).
    public var label: String?

    public init(kind: ReferenceKind, written: String, target: String? = nil, anchor: String? = nil,
                external: Bool = false, location: SourceLocation, label: String? = nil) {
        self.label = label
        self.kind = kind
        self.written = written
        self.target = target
        self.anchor = anchor
        self.external = external
        self.location = location
    }
}

/// A reference seen from its target: who refers to this document, and how.
public struct Backlink: Sendable, Hashable, Codable, Comparable {
    public var source: String
    public var kind: ReferenceKind

    public static func < (lhs: Backlink, rhs: Backlink) -> Bool {
        (lhs.source, lhs.kind.rawValue) < (rhs.source, rhs.kind.rawValue)
    }
}

/// The role a person or team id plays in a document.
public enum PersonRole: String, Sendable, Hashable, Codable, CaseIterable {
    case owner, reviewer, decisionMaker = "decision-maker", consulted, informed, contributor
}

/// A person or team id written in a document.
public struct PersonReference: Sendable, Hashable, Codable {
    public var role: PersonRole
    public var id: String
    public var location: SourceLocation
}
