/// W: a person or team id that people.yml does not list (checked only when people.yml exists).
struct UnknownPersonRule: DocumentRule {
    static let id = RuleID.unknownPerson
    static let reach = RuleReach.document

    func check(_ document: Document, at position: Int, in kb: KnowledgeBase, today: Day) -> [Diagnostic] {
        guard kb.people.exists else { return [] }
        return document.people.filter { !kb.people.knows($0.id) }.map { person in
            diagnostic("unknown person or team '\(person.id)' (\(person.role.rawValue)); not in people.yml",
                       at: person.location, hint: Suggestion.didYouMean(person.id, among: kb.people.allIDs))
        }
    }
}
