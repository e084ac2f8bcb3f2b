/// A problem found in the knowledge base, collected (never thrown) and reported with its location.
public struct Diagnostic: Hashable, Sendable, Codable {
    public var severity: Severity
    public var rule: RuleID
    public var message: String
    public var location: SourceLocation
    /// Further places involved (the other file of a duplicate id, the members of a cycle).
    public var related: [SourceLocation]
    /// A suggestion such as "did you mean 'g-growth'?".
    public var hint: String?

    public init(
        _ severity: Severity, _ rule: RuleID, _ message: String, at location: SourceLocation,
        related: [SourceLocation] = [], hint: String? = nil
    ) {
        self.severity = severity
        self.rule = rule
        self.message = message
        self.location = location
        self.related = related
        self.hint = hint
    }

    /// The message with its hint appended, as printed in text formats.
    public var fullMessage: String {
        guard let hint else { return message }
        return "\(message); \(hint)"
    }
}

extension Diagnostic: Comparable {
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.rule != rhs.rule { return lhs.rule.rawValue < rhs.rule.rawValue }
        return lhs.message < rhs.message
    }
}
