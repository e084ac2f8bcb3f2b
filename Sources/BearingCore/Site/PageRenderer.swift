import Foundation

/// Renders a page's template, then the layout around it, and hands the result to the writer.
/// Safe to use from several threads.
final class PageRenderer: @unchecked Sendable {
    let library: [String: PageTemplate]
    let title: String
    /// `language` from bearing.yml, for `<html lang>`.
    let language: String
    let today: Day
    let writer: any SiteOutput
    private let lock = NSLock()
    private var paths: [String] = []

    init(library: [String: PageTemplate], title: String, language: String, today: Day, writer: any SiteOutput) {
        self.library = library
        self.title = title
        self.language = language
        self.today = today
        self.writer = writer
    }

    static let navigation: [(section: String, label: String, path: String)] = [
        ("dashboard", "Dashboard", SiteLinks.dashboard), ("goals", "Goals", SiteLinks.goals),
        ("decisions", "Decisions", SiteLinks.decisions), ("boards", "Boards", SiteLinks.boards),
        ("people", "People", SiteLinks.people), ("tags", "Tags", SiteLinks.tags), ("digests", "Digests", SiteLinks.digests),
        ("report", "Report", SiteLinks.report),
    ]

    func render(_ path: String, template: String, title pageTitle: String, section: String, context: [String: Any]) {
        render(path, template: template, title: pageTitle, section: section, contexts: [context])
    }

    /// The same with the page's values in several dictionaries, a name looked up in the last first.
    func render(_ path: String, template: String, title pageTitle: String, section: String, contexts: [[String: Any]]) {
        let root = SitePaths.root(from: path)
        // Above the page's own values, not merged into them (which would copy its dictionary).
        let site: [String: Any] = ["root": root, "site_title": title, "today": today.description]
        let content = library["site/\(template).html"]?.renderBytes(contexts + [site], partials: library) ?? []
        let layout: [String: Any] = [
            "root": root, "site_title": title, "language": language, "today": today.description, "page_title": pageTitle,
            "is_home": path == SiteLinks.dashboard, "content": HTMLBytes(content), "page_kind": template,
            "nav": Self.navigation.map { ["label": $0.label, "href": root + $0.path, "current": $0.section == section] },
        ]
        writer.write(path, bytes: library["site/layout.html"]?.renderBytes([layout], partials: library, capacity: content.count + 4096) ?? [])
        lock.withLock { paths.append(path) }
    }

    var written: [String] { lock.withLock { paths } }
}
