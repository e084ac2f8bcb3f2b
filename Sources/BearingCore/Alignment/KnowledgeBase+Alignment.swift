extension KnowledgeBase {
    /// The goals a piece of work serves: its `goals`, plus for a decision the goals of its `briefs`.
    public func servedGoals(_ document: Document) -> [Document] {
        servedGoalIDs(document).compactMap { self.document($0) }
    }

    /// The ids of the goals a piece of work serves, without copying the goal documents.
    public func servedGoalIDs(_ document: Document) -> [String] {
        var ids = document.targets(.goals)
        if document.type == .decision {
            for briefID in document.targets(.briefs) {
                if let brief = index(of: briefID) { ids += documents[brief].targets(.goals) }
            }
        }
        var seen = Set<String>()
        return ids.filter { id in
            guard seen.insert(id).inserted, let i = index(of: id) else { return false }
            return documents[i].type == .goal
        }
    }
}
