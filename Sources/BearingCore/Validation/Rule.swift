/// A check over the whole knowledge base. Rules are pure: the same KB and day give the same diagnostics.
public protocol Rule: Sendable {
    static var id: RuleID { get }
    func check(_ kb: KnowledgeBase, today: Day) -> [Diagnostic]
}

/// What a document's diagnostics from a `DocumentRule` depend on besides the document itself (and
/// the configuration, people.yml and today): what an edit of one document can change elsewhere.
public enum RuleReach: Sendable {
    /// The document alone (with the types and ids of what it names, which an edit of another
    /// document cannot change without rebuilding the model).
    case document
    /// Also the documents it names and those that name it.
    case neighbours
    /// Also the goals it serves, directly, through its parent, or through the briefs it names (a
    /// decision): their status, period and horizon.
    case servedGoals
}

/// A rule that checks each document on its own terms: the engine runs it again only for the
/// documents an edit can change (`reach`), and keeps the others' diagnostics.
protocol DocumentRule: Rule {
    static var reach: RuleReach { get }
    /// The diagnostics of the document at `position` in `kb.documents`.
    func check(_ document: Document, at position: Int, in kb: KnowledgeBase, today: Day) -> [Diagnostic]
}

extension DocumentRule {
    func check(_ kb: KnowledgeBase, today: Day) -> [Diagnostic] {
        kb.documents.indices.flatMap { check(kb.documents[$0], at: $0, in: kb, today: today) }
    }
}

extension Rule {
    func diagnostic(_ message: String, at location: SourceLocation, related: [SourceLocation] = [], hint: String? = nil) -> Diagnostic {
        Diagnostic(Validator.defaultSeverity(Self.id), Self.id, message, at: location, related: related, hint: hint)
    }
}
