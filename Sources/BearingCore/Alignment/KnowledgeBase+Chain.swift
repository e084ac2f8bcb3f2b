extension KnowledgeBase {
    /// A goal's ancestors through `parent`, nearest first. Stops before a goal already met (a cycle,
    /// reported by `goal-cycle`) and at an unresolved parent.
    public func ancestors(ofGoal id: String) -> [String] {
        var chain: [String] = []
        var seen: Set<String> = [id]
        var current = index(of: id).flatMap { documents[$0].goal?.parent }
        while let parent = current, seen.insert(parent).inserted, let i = index(of: parent), documents[i].type == .goal {
            chain.append(documents[i].id)
            current = documents[i].goal?.parent
        }
        return chain
    }

    /// The alignment chains of a document, each listing goal ids from the nearest to the top
    /// (this brief › quarter goal › year goal gives `[quarter, year]`). A goal has one chain, its
    /// ancestors; a brief or decision has one chain per goal it serves. Notes have none.
    public func chains(of document: Document) -> [[String]] {
        switch document.type {
        case .goal: return [ancestors(ofGoal: document.id)]
        case .brief, .decision: return servedGoalIDs(document).map { [$0] + ancestors(ofGoal: $0) }
        case .note: return []
        }
    }

    /// A top-level goal: a goal without a (resolved) parent.
    public func isTopLevel(_ goal: Document) -> Bool {
        goal.type == .goal && goal.goal?.parent == nil
    }
}
