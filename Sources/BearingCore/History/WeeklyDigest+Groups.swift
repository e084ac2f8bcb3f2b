/// "What changed, by goal": each document once, under the goal nearest to it (a goal under
/// itself), the other goals it serves named on its line.
extension WeeklyDigest {
    static func groups(_ window: Window) -> [Group] {
        let after = window.after.kb
        // What changed, by id, in the order found; a document renamed and edited is one line.
        var order: [String] = []
        var parts: [String: [String]] = [:]
        var removed: Set<String> = []
        func note(_ id: String, _ what: String) {
            if parts[id] == nil { order.append(id) }
            parts[id, default: []].append(what)
        }
        if let change = window.change {
            for entry in change.added { note(entry.id, "added") }
            for renamed in change.renamed { note(renamed.id, "renamed") }
            for changed in change.changed { note(changed.document.id, changed.fields.joined(separator: ", ")) }
            for entry in change.removed {
                note(entry.id, "removed")
                removed.insert(entry.id)
            }
        } else {
            let days = window.since...window.until
            for document in after.documents {
                if let created = document.created, days.contains(created) {
                    note(document.id, "added")
                } else if let updated = document.updated, days.contains(updated) {
                    note(document.id, "updated")
                }
            }
        }

        var byGoal: [String: [Line]] = [:]
        var unaligned: [Line] = []
        for id in order {
            // A removed document is placed as it was at the window's start.
            let kb = removed.contains(id) ? (window.before?.kb ?? after) : after
            guard let document = kb.document(id) else { continue }
            let (home, others) = nearestGoal(of: document, in: kb)
            let line = Line(document: Entry(document), what: parts[id, default: []].joined(separator: ", "),
                            also: others.compactMap { kb.document($0).map(Entry.init) })
            if let home { byGoal[home, default: []].append(line) } else { unaligned.append(line) }
        }
        var groups: [Group] = byGoal.compactMap { goal, lines -> Group? in
            guard let document = after.document(goal) ?? window.before?.kb.document(goal) else { return nil }
            return Group(goal: Entry(document), progress: window.after.analysis.progress[document.id]?.value.map(Percent.format),
                         changes: lines.sorted { ($0.document.title, $0.document.id) < ($1.document.title, $1.document.id) })
        }.sorted { ($0.goal?.title ?? "", $0.goal?.id ?? "") < ($1.goal?.title ?? "", $1.goal?.id ?? "") }
        if !unaligned.isEmpty {
            groups.append(Group(goal: nil, progress: nil, changes: unaligned.sorted { ($0.document.title, $0.document.id) < ($1.document.title, $1.document.id) }))
        }
        return groups
    }

    typealias Entry = KnowledgeBaseChange.Entry

    /// The goal a document is listed under and the other goals it serves. A goal is its own; work
    /// goes under the most specific goal it serves (one that is not an ancestor of another it
    /// serves, the deepest of those, then the first named).
    static func nearestGoal(of document: Document, in kb: KnowledgeBase) -> (home: String?, others: [String]) {
        if document.type == .goal { return (document.id, []) }
        let served = kb.servedGoalIDs(document)
        guard served.count > 1 else { return (served.first, []) }
        let ancestors = Dictionary(served.map { ($0, Self.ancestors(of: $0, in: kb)) }, uniquingKeysWith: { first, _ in first })
        let specific = served.filter { goal in !served.contains { other in other != goal && ancestors[other]?.contains(goal.lowercased()) == true } }
        let candidates = specific.isEmpty ? served : specific
        var home = candidates[0]
        for goal in candidates.dropFirst() where (ancestors[goal]?.count ?? 0) > (ancestors[home]?.count ?? 0) { home = goal }
        return (home, served.filter { $0 != home })
    }

    /// The goals above a goal (`parent`, its parent, …), lowercased; a cycle stops the walk.
    static func ancestors(of goal: String, in kb: KnowledgeBase) -> Set<String> {
        var found: Set<String> = []
        var current = kb.document(goal)?.goal?.parent
        while let id = current, found.count < 64, found.insert(id.lowercased()).inserted {
            current = kb.document(id)?.goal?.parent
        }
        return found
    }
}
