/// `feed.xml` (Atom, RFC 4287): the most recently dated documents, decisions first among equals,
/// so people can follow the knowledge base in any feed reader. Without `base_url` the links are
/// relative to the feed; entry ids are `tag:` URIs made from the site's title and the id.
enum SiteFeed {
    static let limit = 50

    struct Entry {
        var id: String
        var title: String
        var href: String
        var day: Day
        var summary: String
    }

    /// Links are absolute under an http(s) `baseURL` only (any other is ignored: URLSafety.isWebAddress), else relative.
    static func xml(title: String, baseURL: String?, today: Day, entries: [Entry]) -> String {
        let baseURL = URLSafety.webAddress(baseURL)
        let base = baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? ""
        let authority = SitePaths.slug(title)
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        xml += "  <title>\(xmlText(title))</title>\n"
        xml += "  <id>\(xmlText(baseURL != nil ? base + SiteLinks.feed : "tag:bearing,2026:\(authority)"))</id>\n"
        xml += "  <updated>\(timestamp(entries.map(\.day).max() ?? today))</updated>\n"
        xml += "  <link rel=\"alternate\" href=\"\(xmlText(base + SiteLinks.dashboard))\"/>\n"
        if baseURL != nil { xml += "  <link rel=\"self\" href=\"\(xmlText(base + SiteLinks.feed))\"/>\n" }
        xml += "  <generator>Bearing</generator>\n"
        for entry in entries {
            xml += "  <entry>\n"
            xml += "    <title>\(xmlText(entry.title))</title>\n"
            xml += "    <id>\(xmlText(baseURL != nil ? base + entry.href : "tag:bearing,2026:\(authority)/\(entry.id)"))</id>\n"
            xml += "    <link href=\"\(xmlText(base + entry.href))\"/>\n"
            xml += "    <updated>\(timestamp(entry.day))</updated>\n"
            xml += "    <summary>\(xmlText(entry.summary))</summary>\n"
            xml += "  </entry>\n"
        }
        return xml + "</feed>\n"
    }

    /// Text for XML: escaped, and without the control characters XML 1.0 forbids (YAML can write them).
    static func xmlText(_ text: String) -> String {
        Escape.html(String(text.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\t" || $0 == "\n" || $0 == "\r" }))
    }

    static func timestamp(_ day: Day) -> String { day.description + "T00:00:00Z" }

    /// `sitemap.xml` (sitemaps.org) of every page, only when `base_url` gives absolute URLs.
    /// Empty when `baseURL` is not http(s).
    static func sitemap(baseURL: String, pages: [String]) -> String {
        let base = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        guard URLSafety.isWebAddress(baseURL) else { return xml + "</urlset>\n" }
        for page in pages.sorted() { xml += "  <url><loc>\(xmlText(base + SiteLinks.url(page)))</loc></url>\n" }
        return xml + "</urlset>\n"
    }
}
