import BearingCore

extension CodeActions {
    /// For a brief or decision that serves no goal (an `orphan` diagnostic in play, or the
    /// selection in its front matter): "Add 'goals: [g-x]'" for each goal it likely serves — a
    /// goal its body links to, a goal served by a brief that lists it in `decisions:` — and
    /// "Add 'goals:'" with an empty list to fill in. The key goes where `bearing` adds keys
    /// (after `status:`), merged into a `goals:` that is there and empty.
    var orphanFixes: [CodeAction] {
        let kb = snapshot.knowledgeBase
        guard kb.isOrphan(document) else { return [] }
        let fixed = diagnostics.filter { $0.rule == RuleID.orphan.rawValue }
        guard !fixed.isEmpty || inFrontMatter else { return [] }
        let text = lines.text
        var actions: [CodeAction] = []
        for goal in likelyGoals {
            guard let changed = FrontMatterEdit.merging(goal, into: "goals", in: text, path: path), let edit = edit(to: changed) else { continue }
            actions.append(CodeAction(title: "Add 'goals: [\(goal)]'", kind: CodeAction.quickFix, diagnostics: fixed.isEmpty ? nil : fixed, edit: edit))
        }
        if let changed = FrontMatterEdit.adding("goals", yaml: "[]", in: text, path: path), let edit = edit(to: changed) {
            actions.append(CodeAction(title: "Add 'goals:'", kind: CodeAction.quickFix, diagnostics: fixed.isEmpty ? nil : fixed, edit: edit))
        }
        return actions
    }

    /// The ids of the goals the document's body links to, then of the goals served by the briefs
    /// that list it among their decisions; each once, in that order (each part sorted).
    private var likelyGoals: [String] {
        let kb = snapshot.knowledgeBase
        let linked = document.references.compactMap { reference -> String? in
            guard reference.kind == .mentions, let target = reference.target, kb.document(target)?.type == .goal else { return nil }
            return kb.document(target)?.id
        }
        let throughBriefs = (kb.backlinks[document.id] ?? []).filter { $0.kind == .decisions }.flatMap { backlink -> [String] in
            guard let brief = kb.document(backlink.source), brief.type == .brief else { return [] }
            return kb.servedGoalIDs(brief)
        }
        var seen: Set<String> = []
        return (Set(linked).sorted() + Set(throughBriefs).sorted()).filter { seen.insert($0.lowercased()).inserted }
    }
}
