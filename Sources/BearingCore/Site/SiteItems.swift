/// Template values shared by every page: one description per document, the people's names.
/// Links in them are paths from the site's root; templates put `{{root}}` before them.
struct SiteItems: @unchecked Sendable {
    /// `id → {id, title, type, status, href, label, owner, owner_name, owner_href, date, progress_percent}`;
    /// absent optional values are `false` (Mustache would otherwise look them up in enclosing contexts).
    let byID: [String: [String: Any]]
    let links: SiteLinks
    let kb: KnowledgeBase

    init(kb: KnowledgeBase, analysis: AlignmentAnalysis, links: SiteLinks) {
        self.kb = kb
        self.links = links
        var byID: [String: [String: Any]] = [:]
        byID.reserveCapacity(kb.documents.count)
        for document in kb.documents {
            var item: [String: Any] = [
                "id": document.id, "title": document.title, "type": document.type.rawValue, "status": document.status,
                "status_class": SitePaths.slug(document.status),
                "href": Escape.url(links.page(document)), "label": document.label ?? false,
                "date": (document.decision?.date ?? document.updated ?? document.created)?.description ?? false,
                "progress_percent": false,
            ]
            if let owner = document.owner {
                item["owner"] = owner
                item["owner_name"] = Self.name(of: owner, in: kb.people)
                item["owner_href"] = links.person(owner).map(Escape.url) ?? false
            } else {
                item["owner"] = false
                item["owner_name"] = false
                item["owner_href"] = false
            }
            if document.type == .goal, let value = analysis.progress[document.id]?.value {
                item["progress_percent"] = Int((value * 100).rounded())
            }
            byID[document.id] = item
        }
        self.byID = byID
    }

    func item(_ id: String) -> [String: Any]? { byID[id] }

    func items(_ ids: [String]) -> [[String: Any]] { ids.compactMap { byID[$0] } }

    /// A person's or team's name from people.yml, else the id.
    static func name(of id: String, in people: PeopleDirectory) -> String {
        let key = id.lowercased()
        return people.people[key]?.name ?? people.teams[key]?.name ?? id
    }

    /// `{id, name, href}` for a person or team id.
    func person(_ id: String) -> [String: Any] {
        ["id": id, "name": Self.name(of: id, in: kb.people), "href": links.person(id).map(Escape.url) ?? false]
    }
}
