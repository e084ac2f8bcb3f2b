/// W: a superseded decision with no successor, or a successor that does not list it in `supersedes`.
struct SupersedeMismatchRule: DocumentRule {
    static let id = RuleID.supersedeMismatch
    static let reach = RuleReach.neighbours

    func check(_ decision: Document, at position: Int, in kb: KnowledgeBase, today: Day) -> [Diagnostic] {
        guard decision.type == .decision else { return [] }
        var diagnostics: [Diagnostic] = []
        let successors = decision.references.filter { $0.kind == .supersededBy }
        // A successor may be named only on its side (`supersedes:`, a KEP's `replaces:`).
        if decision.status == "superseded", successors.isEmpty, !isNamedBySuccessor(decision, in: kb) {
            diagnostics.append(diagnostic("decision '\(decision.id)' is superseded but names no successor (add 'superseded_by:')",
                                          at: decision.location(ofField: "status")))
        }
        for reference in successors {
            guard let id = reference.target, let successor = kb.document(id) else { continue }
            if !successor.targets(.supersedes).contains(decision.id) {
                diagnostics.append(diagnostic("'\(successor.id)' supersedes '\(decision.id)' but does not list it in 'supersedes'",
                                              at: reference.location))
            }
        }
        return diagnostics
    }

    /// Whether a document (this one included) lists the decision in `supersedes`.
    private func isNamedBySuccessor(_ decision: Document, in kb: KnowledgeBase) -> Bool {
        decision.targets(.supersedes).contains(decision.id)
            || (kb.backlinks[decision.id] ?? []).contains { $0.kind == .supersedes }
    }
}
