extension KnowledgeBase {
    /// The ids of the goals a piece of work serves: its `goals`, plus for a decision the goals of its `briefs`.
    public func servedGoalIDs(_ document: Document) -> [String] {
        if let i = index(of: document.id), documents[i] == document { return servedGoals(at: i) }
        return Self.servedGoals(document, documents: documents) { index(of: $0) }
    }

    static func servedGoals(_ document: Document, documents: [Document], index: [String: Int]) -> [String] {
        servedGoals(document, documents: documents) { index[$0] ?? index[$0.lowercased()] }
    }

    private static func servedGoals(_ document: Document, documents: [Document], position: (String) -> Int?) -> [String] {
        var ids: [String] = []
        document.appendTargets(.goals, to: &ids)
        if document.type == .decision {
            var briefs: [String] = []
            document.appendTargets(.briefs, to: &briefs)
            for briefID in briefs {
                if let brief = position(briefID) { documents[brief].appendTargets(.goals, to: &ids) }
            }
        }
        // Each goal once, in the order named (the lists are short).
        var served: [String] = []
        var rejected: [String] = []
        for id in ids where !served.contains(id) && !rejected.contains(id) {
            if let i = position(id), documents[i].type == .goal { served.append(id) } else { rejected.append(id) }
        }
        return served
    }

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

    /// A top-level goal: a goal without a (resolved) parent.
    public func isTopLevel(_ goal: Document) -> Bool {
        goal.type == .goal && goal.goal?.parent == nil
    }
}
