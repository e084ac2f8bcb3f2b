/// Where the report links a document: its page in the site (`sitePages`, paths from the site's
/// root), its page under `base_url`, else its source file.
struct ReportLinks: Sendable {
    let baseURL: String?
    let pathPrefix: String
    var sitePages = false

    func link(_ document: Document) -> String {
        if sitePages { return SiteLinks.url(SiteLinks.page(document)) }
        if let baseURL { return Escape.url((baseURL.hasSuffix("/") ? baseURL : baseURL + "/") + SiteLinks.page(document)) }
        return Escape.url(pathPrefix + document.path)
    }
}
