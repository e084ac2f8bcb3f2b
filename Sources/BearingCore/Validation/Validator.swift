/// Runs every rule and applies the configured severities (`rules:` in bearing.yml).
public enum Validator {
    public static let rules: [any Rule] = [
        GoalCycleRule(), OrphanRule(), ServesFinishedGoalRule(), GoalOutsideParentRule(),
        OverdueReviewRule(), ReviewWithoutReviewersRule(), PendingDecisionRule(), StaleRule(), UnknownPersonRule(), SupersedeMismatchRule(), QueryFieldRule(),
        ReferenceTypeRule(), UnpublishedFileRule(),
    ]

    /// Runs the rules in parallel; the result keeps the rules' order. With a `memory` of the run
    /// over the model this one updated (`generation`: which model this is, and the positions of the
    /// documents it replaced), document rules check again only the documents the replaced ones can
    /// change (`RuleReach`), and keep the last run's diagnostics of the others.
    public static func validate(_ kb: KnowledgeBase, today: Day, memory: ValidationMemory? = nil,
                                generation: ModelMemory.Generation? = nil) async -> [Diagnostic] {
        let update = generation?.update
        let last = update.flatMap { memory?.lastRun(generation: $0.from, today: today, count: kb.documents.count) }
        let affected = last.map { Affected(kb, last: $0.kb, replaced: update!.replaced) }
        let results = await Parallel.map(Array(rules.indices), minimumChunk: 1) { r -> RuleResult in
            guard let rule = rules[r] as? any DocumentRule else { return .whole(rules[r].check(kb, today: today)) }
            guard let last, let affected, case .byDocument(var byDocument) = last.results[r] else {
                return .byDocument(kb.documents.indices.map { rule.check(kb.documents[$0], at: $0, in: kb, today: today) })
            }
            for position in affected.positions(for: type(of: rule).reach) {
                byDocument[position] = rule.check(kb.documents[position], at: position, in: kb, today: today)
            }
            return .byDocument(byDocument)
        }
        if let generation { memory?.store(ValidationMemory.Run(generation: generation.number, today: today, kb: kb, results: results)) }
        return results.flatMap { result -> [Diagnostic] in
            switch result {
            case .whole(let diagnostics): diagnostics
            case .byDocument(let byDocument): Array(byDocument.joined())
            }
        }
    }

    /// One rule's diagnostics: of the whole KB, or of each document by position.
    enum RuleResult: Sendable {
        case whole([Diagnostic])
        case byDocument([[Diagnostic]])
    }

    /// The documents whose diagnostics an update that replaced some documents can change, by reach.
    struct Affected {
        let replaced: Set<Int>
        let neighbours: Set<Int>
        let servingReplaced: Set<Int>

        /// `last`: the model before the update (the same documents at the same positions).
        init(_ kb: KnowledgeBase, last: KnowledgeBase, replaced: [Int]) {
            self.replaced = Set(replaced)
            // Who names a replaced document (a child goal, work serving a goal, a successor), and
            // the decisions that name a brief among those (a decision serves the goals of its briefs).
            var sources = self.replaced
            var briefs: [String] = []
            var named = self.replaced
            for position in replaced {
                for backlink in kb.backlinks[kb.documents[position].id] ?? [] {
                    guard let source = kb.index(of: backlink.source) else { continue }
                    sources.insert(source)
                    if kb.documents[source].type == .brief { briefs.append(kb.documents[source].id) }
                }
                for reference in last.documents[position].references + kb.documents[position].references {
                    if let target = reference.target.flatMap(kb.index(of:)) { named.insert(target) }
                }
            }
            neighbours = sources.union(named)
            for brief in briefs {
                for backlink in kb.backlinks[brief] ?? [] where backlink.kind == .briefs {
                    if let source = kb.index(of: backlink.source) { sources.insert(source) }
                }
            }
            servingReplaced = sources
        }

        func positions(for reach: RuleReach) -> Set<Int> {
            switch reach {
            case .document: replaced
            case .neighbours: neighbours
            case .servedGoals: servingReplaced
            }
        }
    }

    private static let defaultSeverities = Dictionary(uniqueKeysWithValues: RuleID.defaults)

    static func defaultSeverity(_ rule: RuleID) -> Severity {
        defaultSeverities[rule] ?? .error
    }

    /// Applies severity overrides, drops rules switched off, sorts.
    public static func configure(_ diagnostics: [Diagnostic], with configuration: Configuration) -> [Diagnostic] {
        let kept = diagnostics.compactMap { diagnostic -> Diagnostic? in
            var result = diagnostic
            if let severity = configuration.rules[diagnostic.rule] {
                guard severity != .off else { return nil }
                result.severity = severity
            }
            return result
        }
        // Sorting positions moves integers, not diagnostics (each a handful of strings and arrays).
        return kept.indices.sorted { kept[$0] < kept[$1] }.map { kept[$0] }
    }
}
