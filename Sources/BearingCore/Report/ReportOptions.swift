/// What to put in a report and how to link its documents.
public struct ReportOptions: Sendable {
    /// One person's (or team's) view: only what names them or their teams.
    public var person: String?
    /// Start the goal tree at goals of this horizon.
    public var horizon: String?
    /// Prefixed to a document's path when there is no `base_url` (the way from the report to the KB root).
    public var pathPrefix: String

    public init(person: String? = nil, horizon: String? = nil, pathPrefix: String = "") {
        self.person = person
        self.horizon = horizon
        self.pathPrefix = pathPrefix
    }
}

/// Where the report links a document: its page under `base_url` (SitePaths), else its source file.
struct ReportLinks: Sendable {
    let baseURL: String?
    let pathPrefix: String

    func link(_ document: Document) -> String {
        if let baseURL { return Escape.url((baseURL.hasSuffix("/") ? baseURL : baseURL + "/") + SitePaths.page(for: document)) }
        return Escape.url(pathPrefix + document.path)
    }
}

/// Output paths of the site: a document's page mirrors its source path with `.html` for `.md`.
public enum SitePaths {
    public static func page(for document: Document) -> String {
        let path = document.path
        return (path.lowercased().hasSuffix(".md") ? String(path.dropLast(3)) : path) + ".html"
    }
}
