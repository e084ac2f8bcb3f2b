/// Long lists split into pages of `size` entries, so no page of a large knowledge base grows past
/// a few hundred kilobytes: `decisions.html`, `decisions.2.html`, … (a slug never holds a `.`, so
/// these names cannot collide with a tag's or a person's page).
struct Pagination {
    static let size = 200

    struct Page {
        var path: String
        var range: Range<Int>
        var number: Int
    }

    let pages: [Page]

    init(count: Int, firstPath: String, size: Int = Pagination.size) {
        let stem = firstPath.hasSuffix(".html") ? String(firstPath.dropLast(5)) : firstPath
        let total = max(1, (count + size - 1) / size)
        pages = (0..<total).map { n in
            Page(path: n == 0 ? firstPath : "\(stem).\(n + 1).html", range: (n * size)..<min(count, (n + 1) * size), number: n + 1)
        }
    }

    /// The pager of page `index` for the template: `false` when there is one page, else
    /// `{pages: [{number, href, current}], previous, next, number, count}` with links relative to
    /// the page (all pages of a list share a folder).
    func context(_ index: Int) -> Any {
        guard pages.count > 1 else { return false }
        func href(_ page: Page) -> String { SiteLinks.url(String(page.path.split(separator: "/").last ?? "")) }
        return [
            "pages": pages.map { ["number": $0.number, "href": href($0), "current": $0.number == index + 1] as [String: Any] },
            "previous": index > 0 ? href(pages[index - 1]) : false,
            "next": index + 1 < pages.count ? href(pages[index + 1]) : false,
            "number": index + 1, "count": pages.count,
        ] as [String: Any]
    }
}
