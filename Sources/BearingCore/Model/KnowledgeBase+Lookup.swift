extension KnowledgeBase {
    /// The document a person means by what they typed where an id is asked for: every form front
    /// matter accepts (the id in any case, `ADR-3`, `adr 3`, `SE-0123`), a bare record number
    /// (`0003`, `3`), or a prefix of exactly one id. Nil when none or several match.
    public func find(_ written: String) -> Document? {
        let key = written.trimmingSpaces()
        if let found = document(key) { return found }
        if let position = index(ofDecisionLabel: key) { return documents[position] }
        if !key.isEmpty, key.allSatisfy(\.isASCIIDigit), let number = Int(key) {
            let numbered = documents(ofType: .decision).filter { $0.number == number }
            if numbered.count == 1 { return numbered[0] }
        }
        let lower = key.lowercased()
        guard lower.count >= 2 else { return nil }
        let prefixed = documents.filter { $0.id.lowercased().hasPrefix(lower) }
        return prefixed.count == 1 ? prefixed[0] : nil
    }

    /// "did you mean …?" for an id nobody has; for a prefix of several, which ones.
    public func suggestion(forID written: String) -> String? {
        let lower = written.trimmingSpaces().lowercased()
        let prefixed = lower.count >= 2 ? documents.map(\.id).filter { $0.lowercased().hasPrefix(lower) }.sorted() : []
        if prefixed.count > 1 {
            return "it starts \(prefixed.count) ids: \(prefixed.prefix(5).joined(separator: ", "))\(prefixed.count > 5 ? ", …" : "")"
        }
        return Suggestion.didYouMean(written, among: documents.map(\.id))
    }
}
