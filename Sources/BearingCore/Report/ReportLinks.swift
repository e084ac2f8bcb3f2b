/// Where the report links a document: its page in the site (`sitePages`, paths from the site's
/// root), or its page under `base_url`. A report without `base_url` is read away from the
/// knowledge base (mailed, pasted into chat): it names documents without linking their files.
struct ReportLinks: Sendable {
    /// `base_url` when it is a web address (checked once, not for every link).
    let baseURL: String?
    var sitePages = false

    init(baseURL: String?, sitePages: Bool = false) {
        self.baseURL = URLSafety.webAddress(baseURL)
        self.sitePages = sitePages
    }

    func link(_ document: Document) -> String? {
        if sitePages { return SiteLinks.url(SiteLinks.page(document)) }
        return baseURL.map { Self.absolute(baseURL: $0, page: SiteLinks.page(document)) }
    }

    /// `base_url`, a `/`, and a page's path in the site, URL-escaped.
    static func absolute(baseURL: String, page: String) -> String {
        Escape.url((baseURL.hasSuffix("/") ? baseURL : baseURL + "/") + page)
    }
}
