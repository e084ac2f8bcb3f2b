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

extension Diagnostic {
    /// The diagnostics of `after` that `before` does not have. They match by file, rule and
    /// message, not by line (an edit above a problem moves it, it is not new); each of `before`
    /// matches one of `after` at most.
    public static func new(in after: [Diagnostic], since before: [Diagnostic]) -> [Diagnostic] {
        struct Key: Hashable { var path: String, rule: RuleID, message: String }
        func key(_ diagnostic: Diagnostic) -> Key { Key(path: diagnostic.location.path, rule: diagnostic.rule, message: diagnostic.message) }
        var counts: [Key: Int] = [:]
        for diagnostic in before { counts[key(diagnostic), default: 0] += 1 }
        return after.filter { diagnostic in
            let key = key(diagnostic)
            guard let count = counts[key], count > 0 else { return true }
            counts[key] = count - 1
            return false
        }
    }
}
