/// W: a superseded decision with no successor, or a successor that does not list it in `supersedes`.
struct SupersedeMismatchRule: Rule {
    static let id = RuleID.supersedeMismatch

    func check(_ kb: KnowledgeBase, today: Day) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // A successor may be named only on its side (`supersedes:`, a KEP's `replaces:`).
        var namedBySuccessor: Set<String> = []
        for document in kb.documents { namedBySuccessor.formUnion(document.targets(.supersedes)) }
        for decision in kb.documents(ofType: .decision) {
            let successors = decision.references.filter { $0.kind == .supersededBy }
            if decision.status == "superseded", successors.isEmpty, !namedBySuccessor.contains(decision.id) {
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
        }
        return diagnostics
    }
}
