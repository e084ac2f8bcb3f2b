import Foundation

/// Template values shared by every page: one description per document, made once for each depth
/// of page in the site (links are relative, so a page in `goals/` needs `../` before them), each
/// with its link already rendered by the `site/item.html` template as `html`. Pages then list
/// documents without rendering the same link thousands of times.
struct SiteItems: @unchecked Sendable {
    let links: SiteLinks
    let kb: KnowledgeBase
    /// root (`""`, `"../"`, …) → id → `{id, title, type, status, status_class, href, label, owner,
    /// owner_name, owner_href, date, progress_percent, html}`; absent optional values are `false`
    /// (Mustache would otherwise look them up in enclosing contexts).
    private let byRoot: [String: [String: [String: Any]]]

    init(kb: KnowledgeBase, analysis: AlignmentAnalysis, links: SiteLinks, roots: Set<String>, library: [String: PageTemplate]) {
        self.kb = kb
        self.links = links
        var base: [(String, [String: Any])] = []
        base.reserveCapacity(kb.documents.count)
        for document in kb.documents {
            var item: [String: Any] = [
                "id": document.id, "title": document.title, "type": document.type.rawValue, "status": document.status,
                "status_class": SitePaths.slug(document.status),
                "href": SiteLinks.url(links.page(document)), "label": document.label ?? false,
                "date": (document.decision?.date ?? document.updated ?? document.created)?.description ?? false,
                "progress_percent": false, "owner": false, "owner_name": false, "owner_href": false, "broken": false,
            ]
            if let owner = document.owner {
                item["owner"] = owner
                item["owner_name"] = kb.people.name(of: owner)
                item["owner_href"] = links.person(owner).map(SiteLinks.url) ?? false
            }
            if document.type == .goal, let value = analysis.progress[document.id]?.value {
                item["progress_percent"] = Int((value * 100).rounded())
            }
            base.append((document.id, item))
        }
        let shared = Unchecked(base)
        let ordered = roots.sorted()
        let results = LockedSlots<[String: [String: Any]]>(count: ordered.count * 4)
        // Each root's items in four slices, all rendered side by side.
        DispatchQueue.concurrentPerform(iterations: ordered.count * 4) { n in
            let root = ordered[n / 4]
            let base = shared.value
            let slice = base.indices.filter { $0 % 4 == n % 4 }
            var items: [String: [String: Any]] = [:]
            items.reserveCapacity(slice.count)
            for i in slice {
                var item = base[i].1
                item["href"] = root + (item["href"] as? String ?? "")
                if let owner = item["owner_href"] as? String { item["owner_href"] = root + owner }
                item["html"] = (library["site/item.html"]?.render(item, partials: library) ?? "").trimmingTrailingNewlines()
                items[base[i].0] = item
            }
            results.set(n, items)
        }
        var byRoot: [String: [String: [String: Any]]] = [:]
        for (n, items) in results.values.enumerated() { byRoot[ordered[n / 4], default: [:]].merge(items) { a, _ in a } }
        self.byRoot = byRoot
    }

    func item(_ id: String, root: String) -> [String: Any]? { byRoot[root]?[id] }

    func items(_ ids: [String], root: String) -> [[String: Any]] {
        guard let table = byRoot[root] else { return [] }
        return ids.compactMap { table[$0] }
    }

    /// `{id, name, href}` for a person or team id.
    func person(_ id: String, root: String) -> [String: Any] {
        ["id": id, "name": kb.people.name(of: id), "href": links.person(id).map { root + SiteLinks.url($0) } ?? false]
    }
}
