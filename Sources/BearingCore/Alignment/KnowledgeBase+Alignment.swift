extension KnowledgeBase {
    /// The goals a piece of work serves: its `goals`, plus for a decision the goals of its `briefs`.
    public func servedGoals(_ document: Document) -> [Document] {
        var ids = document.targets(.goals)
        if document.type == .decision {
            for briefID in document.targets(.briefs) {
                if let brief = self.document(briefID) { ids += brief.targets(.goals) }
            }
        }
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }.compactMap { self.document($0) }.filter { $0.type == .goal }
    }
}
