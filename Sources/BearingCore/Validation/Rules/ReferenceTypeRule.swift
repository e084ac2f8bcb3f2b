/// E: a front matter reference that names a document of the wrong type: a `parent` or `goals`
/// entry that is not a goal, a `briefs` entry that is not a brief, a `decisions`, `supersedes` or
/// `superseded_by` entry that is not a decision. Such a link is left out of the alignment.
struct ReferenceTypeRule: DocumentRule {
    static let id = RuleID.referenceType
    static let reach = RuleReach.document

    static let expected: [ReferenceKind: DocumentType] = [
        .parent: .goal, .goals: .goal, .briefs: .brief, .decisions: .decision, .supersedes: .decision, .supersededBy: .decision,
    ]

    func check(_ document: Document, at position: Int, in kb: KnowledgeBase, today: Day) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for reference in document.references {
            guard let type = Self.expected[reference.kind], let index = reference.target.flatMap(kb.index(of:)),
                  kb.documents[index].type != type else { continue }
            let target = kb.documents[index]
            diagnostics.append(diagnostic("'\(reference.kind.rawValue)' names '\(target.id)', which is a \(target.type.rawValue), not a \(type.rawValue)",
                                          at: reference.location))
        }
        return diagnostics
    }
}
