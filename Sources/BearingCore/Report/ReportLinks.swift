/// Where the report links a document: its page under `base_url` (SitePaths), else its source file.
struct ReportLinks: Sendable {
    let baseURL: String?
    let pathPrefix: String

    func link(_ document: Document) -> String {
        if let baseURL { return Escape.url((baseURL.hasSuffix("/") ? baseURL : baseURL + "/") + SitePaths.page(for: document)) }
        return Escape.url(pathPrefix + document.path)
    }
}
