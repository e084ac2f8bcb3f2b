extension KnowledgeBase {
    /// The model stage: types every parsed file, assigns ids (folder-prefixed where file names
    /// collide), reports duplicate ids, resolves references and collects the diagnostics.
    public static func build(
        parsed: [ParsedDocument], configuration: Configuration, people: PeopleDirectory, assets: [String] = []
    ) -> (KnowledgeBase, [Diagnostic]) {
        let reader = DocumentReader(configuration: configuration)
        return build(drafts: parsed.map(reader.read), configuration: configuration, people: people, assets: assets)
    }

    /// The rest of the model stage, once each file has been read into a draft (the loader
    /// reads drafts in parallel).
    static func build(
        drafts: [DocumentReader.Draft], configuration: Configuration, people: PeopleDirectory, assets: [String]
    ) -> (KnowledgeBase, [Diagnostic]) {
        var drafts = drafts
        var diagnostics = drafts.flatMap(\.diagnostics)
        assignCollidingIDs(&drafts)
        diagnostics += duplicateIDs(drafts)

        var documents = drafts.map(\.document)
        let files = Set(drafts.map(\.document.path) + assets)
        let resolver = ReferenceResolver(documents: documents, files: files)
        for i in documents.indices {
            var kept: [Reference] = []
            for var reference in documents[i].references {
                switch resolver.resolve(reference, from: documents[i].path) {
                case .document(let id): reference.target = id
                case .external: reference.external = true
                case .ignored: continue
                case .unresolved(let rule, let message, let hint):
                    diagnostics.append(Diagnostic(.error, rule, message, at: reference.location, hint: hint))
                }
                kept.append(reference)
            }
            documents[i].references = kept
            if var goal = documents[i].goal, goal.parent != nil {
                goal.parent = documents[i].targets(.parent).first
                documents[i].goal = goal
            }
        }
        documents.sort { ($0.id.lowercased(), $0.path) < ($1.id.lowercased(), $1.path) }
        return (KnowledgeBase(configuration: configuration, people: people, documents: documents, assets: assets), diagnostics)
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

    static func duplicateIDs(_ drafts: [DocumentReader.Draft]) -> [Diagnostic] {
        var groups: [String: [DocumentReader.Draft]] = [:]
        for draft in drafts { groups[draft.document.id.lowercased(), default: []].append(draft) }
        var diagnostics: [Diagnostic] = []
        for (_, members) in groups where members.count > 1 {
            let places = members.map { $0.explicitID?.location ?? $0.document.location }
            for (draft, place) in zip(members, places) {
                let others = places.filter { $0 != place }
                let elsewhere = others.map(\.path).joined(separator: ", ")
                diagnostics.append(Diagnostic(.error, .duplicateID, "duplicate id '\(draft.document.id)' (also used by \(elsewhere))",
                                              at: place, related: others))
            }
        }
        return diagnostics
    }
}
