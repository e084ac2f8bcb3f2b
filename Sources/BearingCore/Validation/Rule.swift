/// A check over the whole knowledge base. Rules are pure: the same KB and day give the same diagnostics.
public protocol Rule: Sendable {
    static var id: RuleID { get }
    func check(_ kb: KnowledgeBase, today: Day) -> [Diagnostic]
}

extension Rule {
    func diagnostic(_ message: String, at location: SourceLocation, related: [SourceLocation] = [], hint: String? = nil) -> Diagnostic {
        Diagnostic(Validator.defaultSeverity(Self.id), Self.id, message, at: location, related: related, hint: hint)
    }
}

/// Runs every rule and applies the configured severities (`rules:` in bearing.yml).
public enum Validator {
    public static let rules: [any Rule] = [
        GoalCycleRule(), OrphanRule(), ServesFinishedGoalRule(), GoalOutsideParentRule(),
        OverdueReviewRule(), ReviewWithoutReviewersRule(), PendingDecisionRule(), StaleRule(), UnknownPersonRule(), SupersedeMismatchRule(), QueryFieldRule(),
        ReferenceTypeRule(), UnpublishedFileRule(),
    ]

    /// Runs the rules in parallel; the result keeps the rules' order.
    public static func validate(_ kb: KnowledgeBase, today: Day) async -> [Diagnostic] {
        await Parallel.map(Array(rules.indices), minimumChunk: 1) { rules[$0].check(kb, today: today) }.flatMap { $0 }
    }

    private static let defaultSeverities = Dictionary(uniqueKeysWithValues: RuleID.defaults)

    static func defaultSeverity(_ rule: RuleID) -> Severity {
        defaultSeverities[rule] ?? .error
    }

    /// Applies severity overrides, drops rules switched off, sorts.
    public static func configure(_ diagnostics: [Diagnostic], with configuration: Configuration) -> [Diagnostic] {
        diagnostics.compactMap { diagnostic in
            var result = diagnostic
            if let severity = configuration.rules[diagnostic.rule] {
                guard severity != .off else { return nil }
                result.severity = severity
            }
            return result
        }.sorted()
    }
}
