/// Where every page of the site lives, as paths from the site's root.
///
/// A document's page mirrors its source path (SitePaths), unless that path is one of the site's
/// own pages or folders (`index.html`, `people/`, …): then it moves under `_doc/`. Tags and person
/// ids are free text: each gets a slug file name (SitePaths.slug), numbered when two would collide,
/// so no name can leave its folder or overwrite another page.
struct SiteLinks: Sendable {
    private let tagFiles: [String: String]
    private let personFiles: [String: String]

    init(tags: [String], people: [String]) {
        tagFiles = Self.files(for: tags, folder: "tags")
        personFiles = Self.files(for: people.map { $0.lowercased() }, folder: "people")
    }

    /// `folder/slug.html` for each name, in sorted order so numbering is deterministic.
    private static func files(for names: [String], folder: String) -> [String: String] {
        var files: [String: String] = [:]
        var used: Set<String> = ["index"]
        for name in Set(names).sorted() {
            let base = SitePaths.fittingSlug(name)
            var slug = base
            var n = 2
            while used.contains(slug) { slug = "\(base)-\(n)"; n += 1 }
            used.insert(slug)
            files[name] = "\(folder)/\(slug).html"
        }
        return files
    }

    func page(_ document: Document) -> String { Self.page(document) }

    /// A site path as a relative URL: percent-encoded (`#`, `?` and `%` too: they are part of file
    /// names here), and `./` before it when its first segment has a `:`, which a browser would
    /// otherwise read as a scheme (`javascript:alert(1).md`).
    static func url(_ path: String) -> String {
        let encoded = Escape.path(path)
        let firstSegment = encoded.utf8.prefix { $0 != UInt8(ascii: "/") }
        return firstSegment.contains(UInt8(ascii: ":")) ? "./" + encoded : encoded
    }

    static func page(_ document: Document) -> String { file(SitePaths.page(for: document)) }

    /// Where a file of the site mirroring a KB path goes: the path itself, or under `_doc/` when
    /// it would land on the site's own pages (a document's page, an image beside it); a name too
    /// long for a file system shortened (SitePaths.fitting).
    static func file(_ path: String) -> String {
        SitePaths.fitting(isReserved(path) ? "_doc/" + path : path)
    }

    /// Whether a path (a document's page, a copied file) would clash with the site's own files.
    static func isReserved(_ path: String) -> Bool {
        let lower = path.lowercased()
        if reservedFiles.contains(lower) { return true }
        // The pages of long lists: goals.year.html, decisions.2.html.
        if !lower.contains("/"), lower.hasSuffix(".html"), lower.hasPrefix("goals.") || lower.hasPrefix("decisions.") { return true }
        guard let slash = lower.firstIndex(of: "/") else { return false }
        return reservedFolders.contains(String(lower[..<slash]))
    }

    static let reservedFiles: Set<String> = [dashboard, goals, decisions, report, feed, sitemap]
    static let reservedFolders: Set<String> = ["boards", "people", "tags", "digests", theme, "_doc"]

    func tag(_ tag: String) -> String? { tagFiles[tag] }

    /// A person's or team's page, by id as written (case-insensitive).
    func person(_ id: String) -> String? { personFiles[id.lowercased()] }

    var allTags: [(tag: String, path: String)] { tagFiles.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }

    static func board(_ type: DocumentType) -> String { "boards/\(type.rawValue).html" }

    static let dashboard = "index.html"
    static let goals = "goals.html"
    static let decisions = "decisions.html"
    static let boards = "boards/index.html"
    static let people = "people/index.html"
    static let tags = "tags/index.html"
    static let report = "report.html"
    static let digests = "digests/index.html"

    static func digest(_ period: String) -> String { "digests/\(SitePaths.slug(period)).html" }
    /// The theme's files (CSS, JS, icon) and the search index.
    static let theme = "_bearing"
    static let searchIndex = "_bearing/search-index.js"
    static let feed = "feed.xml"
    static let sitemap = "sitemap.xml"
}
