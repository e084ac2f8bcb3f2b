/// What to put in a report and how to link its documents.
public struct ReportOptions: Sendable {
    /// One person's (or team's) view: only what names them or their teams.
    public var person: String?
    /// Start the goal tree at goals of this horizon.
    public var horizon: String?
    /// Not used: without `base_url` a report links no file (it is read away from them). Kept
    /// so that callers passing it still compile.
    public var pathPrefix: String

    /// Show the goal tree down to this many levels (nil: all); each goal at the last level says
    /// how many active sub-goals it has. The site cuts the tree of large knowledge bases.
    public var treeDepth: Int?
    /// Link documents to their pages in the site, from the site's root (the site's own report).
    public var sitePages = false

    public init(person: String? = nil, horizon: String? = nil, pathPrefix: String = "") {
        self.person = person
        self.horizon = horizon
        self.pathPrefix = pathPrefix
    }
}
