/// W: a query names a field that is neither known nor written in any document's front matter
/// (most often a typo, which would silently match nothing).
struct QueryFieldRule: Rule {
    static let id = RuleID.queryField

    func check(_ kb: KnowledgeBase, today: Day) -> [Diagnostic] {
        let queried = kb.documents.filter { !$0.queries.isEmpty }
        guard !queried.isEmpty else { return [] }
        var written = Set<String>()
        for document in kb.documents { for pair in document.fields { written.insert(pair.key.lowercased()) } }
        let candidates = QueryField.known + written.sorted()
        var diagnostics: [Diagnostic] = []
        for document in queried {
            for block in document.queries {
                guard let query = block.query else { continue }
                var reported = Set<String>()
                for use in query.fieldUses where !QueryField.knownSet.contains(QueryField.normalized(use.name))
                    && !written.contains(use.name.lowercased()) && reported.insert(use.name).inserted {
                    diagnostics.append(diagnostic("query names the field '\(use.name)', which no document has",
                                                  at: block.location.offset(by: (use.line, use.column)),
                                                  hint: Suggestion.didYouMean(QueryField.normalized(use.name), among: candidates)))
                }
            }
        }
        return diagnostics
    }
}
