import Foundation

/// Template values shared by every page: one description per document, made once for each depth
/// of page in the site (links are relative, so a page in `goals/` needs `../` before them), each
/// with its link already rendered by the `site/item.html` template as `html`. Pages then list
/// documents without rendering the same link thousands of times.
final class SiteItems: @unchecked Sendable {
    let links: SiteLinks
    let kb: KnowledgeBase
    let analysis: AlignmentAnalysis
    let library: [String: PageTemplate]
    /// root (`""`, `"../"`, …) → id → `{id, title, type, status, status_class, href, label, owner,
    /// owner_name, owner_href, date, progress_percent, review_by, overdue_days, html}`; absent optional values are `false`
    /// (Mustache would otherwise look them up in enclosing contexts). Filled on first use, or all
    /// at once by `prepare` (a whole build).
    private var byRoot: [String: [String: [String: Any]]] = [:]
    private let lock = NSLock()

    init(kb: KnowledgeBase, analysis: AlignmentAnalysis, links: SiteLinks, library: [String: PageTemplate]) {
        self.kb = kb
        self.analysis = analysis
        self.links = links
        self.library = library
    }

    /// Makes every document's item for each root, side by side (a build lists them all).
    func prepare(roots: Set<String>) {
        let ordered = roots.sorted()
        let documents = kb.documents
        let results = LockedSlots<[String: [String: Any]]>(count: ordered.count * 4)
        // Each root's items in four slices, all rendered side by side.
        DispatchQueue.concurrentPerform(iterations: ordered.count * 4) { n in
            let root = ordered[n / 4]
            var items: [String: [String: Any]] = [:]
            for i in stride(from: n % 4, to: documents.count, by: 4) {
                items[documents[i].id] = make(documents[i], root: root)
            }
            results.set(n, items)
        }
        lock.withLock {
            for (n, items) in results.values.enumerated() { byRoot[ordered[n / 4], default: [:]].merge(items) { a, _ in a } }
        }
    }

    private func make(_ document: Document, root: String) -> [String: Any] {
        var item: [String: Any] = [
            "id": document.id, "title": document.title, "type": document.type.rawValue, "status": document.statusLabel,
            "status_class": SitePaths.slug(document.statusLabel),
            "href": root + SiteLinks.url(links.page(document)), "label": document.label ?? false,
            "date": (document.decision?.date ?? document.updated ?? document.created)?.description ?? false,
            "progress_percent": false, "owner": false, "owner_name": false, "owner_href": false, "broken": false,
            "review_by": false, "overdue_days": false,
        ]
        // A brief's due date while its review is ahead or under way, and how late it is.
        if let due = document.brief?.reviewBy, document.status == "in-review" || document.status == kb.workflow(of: document).initial || document.status.isEmpty {
            item["review_by"] = due.description
            item["overdue_days"] = kb.overdueReviewDays(document, today: analysis.today) ?? false
        }
        if let owner = document.owner {
            item["owner"] = owner
            item["owner_name"] = kb.people.name(of: owner)
            item["owner_href"] = links.person(owner).map { root + SiteLinks.url($0) } ?? false
        }
        if document.type == .goal, let value = analysis.progress[document.id]?.value {
            item["progress_percent"] = Int((value * 100).rounded())
        }
        item["html"] = (library["site/item.html"]?.render(item, partials: library) ?? "").trimmingTrailingNewlines()
        return item
    }

    func item(_ id: String, root: String) -> [String: Any]? {
        if let known = lock.withLock({ byRoot[root]?[id] }) { return known }
        guard let document = kb.document(id), document.id == id else { return nil }
        let item = make(document, root: root)
        lock.withLock { byRoot[root, default: [:]][id] = item }
        return item
    }

    func items(_ ids: [String], root: String) -> [[String: Any]] {
        ids.compactMap { item($0, root: root) }
    }

    /// `{id, name, href}` for a person or team id.
    func person(_ id: String, root: String) -> [String: Any] {
        ["id": id, "name": kb.people.name(of: id), "href": links.person(id).map { root + SiteLinks.url($0) } ?? false]
    }
}
