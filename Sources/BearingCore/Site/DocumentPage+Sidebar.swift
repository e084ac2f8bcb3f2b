/// The lists of a document's sidebar: the references it makes, by kind, and its backlinks, by kind.
/// Each document appears in one list only, the first that applies: a goal's "Work toward this
/// goal", then the references written in front matter, then the backlinks written in front matter,
/// then the body's mentions, then the bodies that mention it.
extension DocumentPage {
    struct Sidebar {
        /// `[{label, count, items}]`, an unresolved reference as `{title, html: false, broken}`.
        var references: [[String: Any]]
        var backlinks: [[String: Any]]
    }

    func sidebar(_ document: Document, root: String) -> Sidebar {
        var seen: Set<String> = [document.id]
        if document.type == .goal { seen.formUnion(analysis.workUnder[document.id] ?? []) }
        func unseen(_ ids: [String]) -> [String] {
            ids.filter { seen.insert($0).inserted }
        }
        var references: [(String, [[String: Any]])] = []
        for kind in ReferenceKind.allCases where kind != .mentions {
            var written = Set<String>()
            var entries: [[String: Any]] = []
            for reference in document.references where reference.kind == kind {
                if let target = reference.target, let item = items.item(target, root: root) {
                    if seen.insert(target).inserted { entries.append(item) }
                } else if reference.target.flatMap({ items.item($0, root: root) }) == nil, written.insert(reference.written).inserted {
                    entries.append(["title": reference.written, "html": false, "broken": !reference.external])
                }
            }
            if !entries.isEmpty { references.append((Self.outgoing[kind] ?? kind.rawValue, entries)) }
        }
        let incoming = kb.backlinks[document.id] ?? []
        var backlinks: [(String, [[String: Any]])] = []
        for kind in ReferenceKind.allCases where kind != .mentions {
            let sources = unseen(incoming.filter { $0.kind == kind }.map(\.source))
            if !sources.isEmpty { backlinks.append((Self.incoming[kind] ?? kind.rawValue, items.items(sources, root: root))) }
        }
        let mentioned = unseen(Set(document.references.compactMap { $0.kind == .mentions ? $0.target : nil }).sorted())
        if !mentioned.isEmpty { references.append(("Mentions", items.items(mentioned, root: root))) }
        let mentions = unseen(incoming.filter { $0.kind == .mentions }.map(\.source))
        if !mentions.isEmpty { backlinks.append((Self.incoming[.mentions] ?? "", items.items(mentions, root: root))) }
        return Sidebar(references: Self.groups(references), backlinks: Self.groups(backlinks))
    }

    private static func groups(_ groups: [(String, [[String: Any]])]) -> [[String: Any]] {
        groups.map { ["label": $0.0, "items": $0.1, "count": $0.1.count] }
    }

    static let outgoing: [ReferenceKind: String] = [
        .parent: "Parent goal", .goals: "Serves goals", .briefs: "Briefs", .decisions: "Decisions",
        .supersedes: "Supersedes", .supersededBy: "Superseded by", .links: "Related",
    ]
    static let incoming: [ReferenceKind: String] = [
        .parent: "Child goals", .goals: "Work serving this goal", .briefs: "Named as a brief by",
        .decisions: "Named as a decision by", .supersedes: "Superseded by", .supersededBy: "Supersedes",
        .links: "Related from", .mentions: "Mentioned in",
    ]
}
