/// W: a person or team id that people.yml does not list (checked only when people.yml exists).
struct UnknownPersonRule: Rule {
    static let id = RuleID.unknownPerson

    func check(_ kb: KnowledgeBase, today: Day) -> [Diagnostic] {
        guard kb.people.exists else { return [] }
        let known = kb.people.allIDs
        return kb.documents.flatMap { document in
            document.people.filter { !kb.people.knows($0.id) }.map { person in
                diagnostic("unknown person or team '\(person.id)' (\(person.role.rawValue)); not in people.yml",
                           at: person.location, hint: Suggestion.didYouMean(person.id, among: known))
            }
        }
    }
}
