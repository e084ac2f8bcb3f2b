extension Workflow {
    /// The status an unknown written word most likely means: the closest status of the workflow
    /// (`acepted` → accepted), else for decisions the stage of the closest word of the built-in
    /// tables (`imlpemented` → accepted), else the first status. What `bearing adopt` writes in
    /// `status_aliases:`; the `unknown-status` hint makes the same guess (KnowledgeBase+Build).
    public func likelyStatus(meaning word: String, type: DocumentType) -> String {
        if let status = Suggestion.closest(word, among: statuses) { return status }
        if type == .decision, let known = Suggestion.closest(word, among: StatusVocabulary.table.keys.sorted()),
           let stage = StatusVocabulary.table[known], knows(stage) { return stage }
        return initial
    }
}
