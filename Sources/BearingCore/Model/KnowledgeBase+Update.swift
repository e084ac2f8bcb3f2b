extension KnowledgeBase {
    /// The model stage after an edit, from the last build (`built`) and the drafts read since
    /// (`changed`, by path): only those documents and the ones whose wikilinks name a changed
    /// title are resolved again, and the last model's tables are updated (`updating`). Nil when
    /// the edit changes more than that allows (a file added, removed or renamed; an id, type,
    /// number or parent changed; a file with a duplicate id): the caller builds from scratch.
    /// The result equals a build from scratch (a property test holds it to that).
    static func update(
        _ built: ModelMemory.Built, drafts: [DocumentReader.Draft], changed: Set<String>, people: PeopleDirectory,
        configuration: Configuration, assets: [String], memory: ModelMemory
    ) async -> (KnowledgeBase, [Diagnostic])? {
        guard drafts.count == built.order.count, built.assets == assets else { return nil }
        // The drafts to resolve again, by position, with their ids as `assignCollidingIDs` gave
        // them (the same names, the same ids). The others are used as they are.
        var stale: [Int: DocumentReader.Draft] = [:]
        for path in changed {
            guard let i = built.order[path], drafts[i].document.path == path, !built.duplicatePaths.contains(path),
                  built.shapes[path] == ModelMemory.Shape(drafts[i]), let previous = built.kb.document(atPath: path) else { return nil }
            stale[i] = drafts[i]
            stale[i]!.document.id = previous.id
        }
        var timer = StageTimer()
        // Titles: wikilinks may name a document by its title.
        var titles = memory.takeTitles()  // a build from scratch after a nil takes every title as changed
        var changedTitles: Set<String> = []
        for (i, draft) in stale {
            let document = draft.document
            let (old, new) = (built.kb.document(atPath: document.path)!.title.lowercased(), document.title.lowercased())
            guard old != new else { continue }
            changedTitles.formUnion([old, new])
            titles[old]?.removeAll { $0 == document.id }
            if titles[old]?.isEmpty == true { titles[old] = nil }
            // Each title's documents are in draft order, as `titleTable` lists them.
            var list = titles[new] ?? []
            let others = list.map { id in built.kb.index(of: id).map { built.kb.documents[$0].path } }
            guard others.allSatisfy({ $0 != nil && !built.duplicatePaths.contains($0!) }) else { return nil }
            let place = others.firstIndex { built.order[$0!]! > i } ?? list.endIndex
            list.insert(document.id, at: place)
            titles[new] = list
        }
        for path in memory.wikilinkUsers(of: changedTitles) {
            guard let i = built.order[path], !built.duplicatePaths.contains(path), let previous = built.kb.document(atPath: path) else { return nil }
            if stale[i] == nil {
                stale[i] = drafts[i]
                stale[i]!.document.id = previous.id
            }
        }
        memory.store(titles: titles)  // only now: a build from scratch compares the titles it makes with the last ones
        let staleInOrder = stale.keys.sorted()
        var staleDrafts = staleInOrder.map { stale[$0]! }
        signOffsForTeams(&staleDrafts, at: staleDrafts.indices, people: people)
        var diagnostics = drafts.flatMap(\.diagnostics) + unknownStatuses(drafts, configuration: configuration) + built.duplicates
        let unresolved = staleDrafts.map(\.document)
        let resolver = memory.resolver(forKey: built.key, titles: titles) {
            // The ids, paths and numbers the resolver reads are the same; in draft order, as a build makes it.
            let all = built.kb.documents.sorted { built.order[$0.path]! < built.order[$1.path]! }
            return ReferenceResolver(documents: all, files: Set(all.map(\.path) + assets), titles: titles, key: built.key)
        }
        let fresh = unresolved.count > 64 ? await Parallel.map(unresolved) { resolveReferences(of: $0, with: resolver) }
                                          : unresolved.map { resolveReferences(of: $0, with: resolver) }
        memory.store(zip(unresolved, fresh).map { ModelMemory.Resolution(unresolved: $0, resolved: $1.0, diagnostics: $1.1) })
        timer.mark("model: resolve \(staleInOrder.count)")

        var next = built
        var replacements: [(position: Int, document: Document)] = []
        for (i, (document, problems)) in zip(staleInOrder, fresh) {
            next.resolutionDiagnostics[i] = problems
            guard let position = built.kb.byPath[document.path] else { return nil }
            if built.kb.documents[position] != document { replacements.append((position, document)) }
        }
        let updated = built.kb.updating(replacements)
        next.kb = updated ?? KnowledgeBase(configuration: built.kb.configuration, people: built.kb.people,
                                           documents: replacing(built.kb.documents, with: replacements), assets: assets)
        diagnostics += next.resolutionDiagnostics.joined()
        // Tables made anew (an id, type or parent changed): the stages after start anew too.
        memory.store(built: next, updated: updated == nil ? nil : replacements.map(\.position))
        timer.mark("model: update \(replacements.count)")
        return (next.kb, diagnostics)
    }

    private static func replacing(_ documents: [Document], with replacements: [(position: Int, document: Document)]) -> [Document] {
        var documents = documents
        for (position, document) in replacements { documents[position] = document }
        return documents
    }

    /// This model with some documents replaced (each at its position in `documents`), its tables
    /// updated: backlinks to and from them, and the goals served by them and by decisions that
    /// name a replaced brief. Nil when a replacement changes an id, path, type, number or parent,
    /// which other tables depend on.
    func updating(_ replacements: [(position: Int, document: Document)]) -> KnowledgeBase? {
        var kb = self
        var touchedTargets: Set<String> = []
        var servedStale: Set<Int> = []
        for (position, document) in replacements {
            let old = documents[position]
            guard old.id == document.id, old.path == document.path, old.type == document.type, old.number == document.number,
                  old.goal?.parent == document.goal?.parent else { return nil }
            kb.documents[position] = document
            kb.byType[document.type]![typeSlots[position]] = document
            for reference in old.references + document.references { if let target = reference.target { touchedTargets.insert(target) } }
            servedStale.insert(position)
        }
        // Backlinks: the lists of every target a replaced document named before or names now.
        let replacedIDs = Set(replacements.map(\.document.id))
        for target in touchedTargets {
            var list = (kb.backlinks[target] ?? []).filter { !replacedIDs.contains($0.source) }
            for (_, document) in replacements where document.id != target {
                for reference in document.references where reference.target == target {
                    list.append(Backlink(source: document.id, kind: reference.kind))
                }
            }
            var unique: [Backlink] = []
            for backlink in list.sorted() where unique.last != backlink { unique.append(backlink) }
            kb.backlinks[target] = unique.isEmpty ? nil : unique
        }
        // A decision serves the goals of the briefs it names.
        for (_, document) in replacements where document.type == .brief {
            for backlink in kb.backlinks[document.id] ?? [] where backlink.kind == .briefs {
                if let position = kb.index(of: backlink.source) { servedStale.insert(position) }
            }
        }
        for position in servedStale {
            kb.servedGoals[position] = Self.servedGoals(kb.documents[position], documents: kb.documents, index: index)
        }
        return kb
    }
}
