extension KnowledgeBase {
    /// The model stage: types every parsed file, assigns ids (folder-prefixed where file names
    /// collide), reports duplicate ids, resolves references and collects the diagnostics.
    public static func build(
        parsed: [ParsedDocument], configuration: Configuration, people: PeopleDirectory, assets: [String] = []
    ) async -> (KnowledgeBase, [Diagnostic]) {
        var configuration = configuration
        if configuration.recordFolders.isEmpty { configuration.recordFolders = Configuration.recordFolders(of: parsed.map(\.path)) }
        let reader = DocumentReader(configuration: configuration)
        return await build(drafts: parsed.map(reader.read), configuration: configuration, people: people, assets: assets)
    }

    /// The rest of the model stage, once each file has been read into a draft (the loader
    /// reads drafts in parallel). References are resolved in parallel too. With a `memory` of the
    /// last build and the paths of the drafts read since (`changed`; nil: any may have changed),
    /// only the documents that changed are resolved again, and the last model is updated when it
    /// can be (`update`), else made again.
    static func build(
        drafts: [DocumentReader.Draft], configuration: Configuration, people: PeopleDirectory, assets: [String],
        memory: ModelMemory? = nil, changed: Set<String>? = nil
    ) async -> (KnowledgeBase, [Diagnostic]) {
        if let memory, let changed, let built = memory.lastBuild(),
           let updated = await update(built, drafts: drafts, changed: changed, people: people, configuration: configuration, assets: assets, memory: memory) {
            return updated
        }
        var drafts = drafts
        var timer = StageTimer()
        let shapes = memory.map { _ in Dictionary(drafts.map { ($0.document.path, ModelMemory.Shape($0)) }, uniquingKeysWith: { first, _ in first }) }
        var diagnostics = drafts.flatMap(\.diagnostics) + unknownStatuses(drafts, configuration: configuration)
        signOffsForTeams(&drafts, at: drafts.indices, people: people)
        assignCollidingIDs(&drafts)
        let (duplicates, duplicatePaths) = duplicateIDs(drafts)
        diagnostics += duplicates

        let unresolved = drafts.map(\.document)
        drafts = []  // release the drafts' copies before the documents are rewritten
        let (key, titles) = (resolverKey(unresolved, assets: assets), titleTable(unresolved))
        timer.mark("model: ids and keys")
        var (known, changedTitles) = memory?.resolutions(forResolver: key, titles: titles) ?? ([:], [])
        // Titles only matter to wikilinks, which may name a document by its title.
        let stale = unresolved.indices.filter { i in
            guard let resolution = known[unresolved[i].path], resolution.unresolved == unresolved[i] else { return true }
            return !changedTitles.isEmpty && !resolution.wikilinkKeys.isDisjoint(with: changedTitles)
        }
        var fresh: [(Document, [Diagnostic])] = []
        if !stale.isEmpty {
            let make = { ReferenceResolver(documents: unresolved, files: Set(unresolved.map(\.path) + assets), titles: titles, key: key) }
            let resolver = memory?.resolver(forKey: key, titles: titles, make: make) ?? make()
            fresh = await Parallel.map(stale) { resolveReferences(of: unresolved[$0], with: resolver) }
        }
        timer.mark("model: resolve \(stale.count)")
        // Every document is either stale (resolved now) or known.
        var resolved = unresolved.map { document in known[document.path].map { ($0.resolved, $0.diagnostics) } ?? (document, []) }
        for (i, result) in zip(stale, fresh) { resolved[i] = result }
        known = [:]  // the memory's table is no longer shared: storing in it does not copy it
        memory?.store(zip(stale, fresh).map { ModelMemory.Resolution(unresolved: unresolved[$0], resolved: $1.0, diagnostics: $1.1) })
        var documents = resolved.map(\.0)
        let keys = documents.map { $0.id.lowercased() }
        diagnostics += resolved.flatMap(\.1)
        let order = documents.indices.sorted {
            (keys[$0], documents[$0].path) < (keys[$1], documents[$1].path)
        }
        documents = order.map { documents[$0] }
        timer.mark("model: sort")
        let kb = KnowledgeBase(configuration: configuration, people: people, documents: documents, assets: assets)
        timer.mark("model: tables")
        if let memory, let shapes {
            memory.store(built: ModelMemory.Built(
                kb: kb, generation: .init(number: 0), key: key, shapes: shapes, order: Dictionary(unresolved.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first }),
                duplicates: duplicates, duplicatePaths: duplicatePaths, resolutionDiagnostics: resolved.map(\.1), assets: assets), updated: nil)
        }
        return (kb, diagnostics)
    }

    /// A team asked to review has signed off when one of its members has (`reviewers: [growth]`,
    /// `approvals: [{by: ann}]` with ann in growth): the team's sign-off is added, noting who gave it.
    static func signOffsForTeams(_ drafts: inout [DocumentReader.Draft], at positions: some Sequence<Int>, people: PeopleDirectory) {
        guard !people.teams.isEmpty else { return }
        for i in positions {
            guard let brief = drafts[i].document.brief, !brief.approvals.isEmpty else { continue }
            for reviewer in brief.awaitedReviewers {
                guard let team = people.teams[reviewer.lowercased()] else { continue }
                let members = Set(team.members.map { $0.lowercased() })
                if let approval = brief.approvals.first(where: { members.contains($0.by.lowercased()) }) {
                    drafts[i].document.brief?.approvals.append(Approval(by: reviewer, date: approval.date, note: "signed off by \(approval.by)",
                                                                        location: approval.location))
                }
            }
        }
    }

    /// One `unknown-status` per written word and type, at its first use, naming the other files and
    /// the `status_aliases:` line that would map it.
    static func unknownStatuses(_ drafts: [DocumentReader.Draft], configuration: Configuration) -> [Diagnostic] {
        var groups: [String: [Located<String>]] = [:]
        var order: [String] = []
        var types: [String: DocumentType] = [:]
        for draft in drafts {
            guard let unknown = draft.unknownStatus else { continue }
            let key = draft.document.type.rawValue + "\u{0}" + unknown.value
            if groups[key] == nil { order.append(key); types[key] = draft.document.type }
            groups[key, default: []].append(unknown)
        }
        return order.compactMap { key in
            guard let uses = groups[key]?.sorted(by: { $0.location < $1.location }), let first = uses.first, let type = types[key] else { return nil }
            let workflow = configuration.workflow(for: type)
            let others = uses.dropFirst()
            let files = others.isEmpty ? "" : " (also in \(others.count) other file\(others.count == 1 ? "" : "s"): \(others.prefix(5).map(\.location.path).joined(separator: ", "))\(others.count > 5 ? ", …" : ""))"
            let word = first.value
            let quoted = word.contains(" ") || word.contains(":") ? "\"\(word)\"" : word
            return Diagnostic(.warning, .unknownStatus,
                              "status '\(word)' is not in the \(type.rawValue) workflow (\(workflow.statuses.joined(separator: ", ")))\(files)",
                              at: first.location, related: others.map(\.location),
                              hint: "map it in bearing.yml: status_aliases: {\(type.rawValue): {\(quoted): \(workflow.likelyStatus(meaning: word, type: type))}}")
        }
    }

    /// What reference resolution looks at besides the document itself and titles: each document's
    /// id, path and number, and the other files. Resolutions made with another key may be wrong.
    static func resolverKey(_ documents: [Document], assets: [String]) -> Int {
        var hasher = Hasher()
        for document in documents {
            hasher.combine(document.id)
            hasher.combine(document.path)
            hasher.combine(document.number)
        }
        hasher.combine(assets)
        return hasher.finalize()
    }

    /// The documents of each title (lowercased), which wikilinks may name.
    static func titleTable(_ documents: [Document]) -> [String: [String]] {
        var table: [String: [String]] = [:]
        for document in documents { table[document.title.lowercased(), default: []].append(document.id) }
        return table
    }

    /// Resolves a document's references: targets filled in, external ones marked, in-page
    /// anchors dropped, unresolved ones reported where they are written.
    static func resolveReferences(of document: Document, with resolver: ReferenceResolver) -> (Document, [Diagnostic]) {
        var document = document
        var diagnostics: [Diagnostic] = []
        var kept: [Reference] = []
        // One problem, one diagnostic: a link written once is read both as a status's successor and
        // as a mention of the body, and reported once.
        var reported: Set<String> = []
        for var reference in document.references {
            switch resolver.resolve(reference, from: document.path) {
            case .document(let id): reference.target = id
            case .external: reference.external = true
            case .ignored: continue
            case .unresolved(let rule, let message, let hint):
                if reported.insert("\(reference.location.path):\(reference.location.line):\(reference.written)").inserted {
                    diagnostics.append(Diagnostic(.error, rule, message, at: reference.location, hint: hint))
                }
            }
            kept.append(reference)
        }
        document.references = kept
        if document.goal?.parent != nil {
            let parent = document.targets(.parent).first
            document.goal?.parent = parent
        }
        return (document, diagnostics)
    }

    /// Files that share a name and have no explicit id get their folder path as prefix, minus
    /// the folders all of them share (`decisions/backend/0001-x` → `backend/0001-x`).
    static func assignCollidingIDs(_ drafts: inout [DocumentReader.Draft]) {
        var groups: [String: [Int]] = [:]
        for (i, draft) in drafts.enumerated() where draft.explicitID == nil {
            groups[draft.document.id.lowercased(), default: []].append(i)
        }
        for (_, members) in groups where members.count > 1 {
            let folders = members.map { drafts[$0].document.path.split(separator: "/").dropLast().map(String.init) }
            var common = 0
            while folders.allSatisfy({ $0.count > common && $0[common] == folders[0][common] }) { common += 1 }
            for (member, folder) in zip(members, folders) {
                let prefix = folder.dropFirst(common).joined(separator: "/")
                if !prefix.isEmpty { drafts[member].document.id = prefix + "/" + drafts[member].document.id }
            }
        }
    }

    /// `duplicate-id` diagnostics, and the files of the documents they name.
    static func duplicateIDs(_ drafts: [DocumentReader.Draft]) -> ([Diagnostic], paths: Set<String>) {
        var groups: [String: [Int]] = [:]
        for (i, draft) in drafts.enumerated() { groups[draft.document.id.lowercased(), default: []].append(i) }
        var diagnostics: [Diagnostic] = []
        var paths: Set<String> = []
        for (_, members) in groups where members.count > 1 {
            for member in members { paths.insert(drafts[member].document.path) }
            let places = members.map { drafts[$0].explicitID?.location ?? drafts[$0].document.location }
            for (member, place) in zip(members, places) {
                let others = places.filter { $0 != place }
                let elsewhere = others.map(\.path).joined(separator: ", ")
                diagnostics.append(Diagnostic(.error, .duplicateID, "duplicate id '\(drafts[member].document.id)' (also used by \(elsewhere))",
                                              at: place, related: others))
            }
        }
        return (diagnostics, paths)
    }
}
