import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import BearingCore

/// `bearing build`: the whole site of a fixture KB and of examples/northwind, built into
/// temporary folders and read back.
@Suite struct SiteTests {
    /// Builds the site of `root` into a fresh temporary folder; returns the folder.
    static func build(_ root: String, templates: TemplateSet = .defaults, baseURL: String? = nil) async throws -> URL {
        let result = try await KnowledgeBaseLoader.load(root: root, today: Fixtures.today, markdown: .init(renderHTML: true))
        let analysis = await AlignmentAnalysis.make(result.knowledgeBase, diagnostics: result.diagnostics, today: Fixtures.today)
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("bearing-site-\(UUID().uuidString)/site")
        let writer = try SiteWriter(output: output.path, source: root)
        try await SiteBuilder(kb: result.knowledgeBase, analysis: analysis, diagnostics: result.diagnostics, templates: templates,
                              source: root, baseURL: baseURL).build(into: writer)
        try writer.commit()
        return output
    }

    static let basic = Fixtures.path("site/basic")
    static let northwind = Fixtures.packageRoot.appendingPathComponent("examples/northwind").path

    static func files(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let base = folder.path + "/"
        for case let url as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) ?? .init()
        where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            files[String(url.path.dropFirst(base.count))] = try? Data(contentsOf: url)
        }
        return files
    }

    static func text(_ folder: URL, _ path: String) -> String {
        (try? String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    @Test func northwindPagesMatchGoldenAndBuildsAreByteIdentical() async throws {
        let first = try await Self.build(Self.northwind)
        let second = try await Self.build(Self.northwind)
        let a = Self.files(first), b = Self.files(second)
        #expect(a.count > 100)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, data) in a { #expect(b[path] == data, "\(path) differs between two builds") }
        for page in ["index.html", "goals/g-2027-q1-onboarding.html", "decisions/0007-use-stripe-for-card-and-ach-payments.html",
                     "decisions.html", "boards/brief.html", "people/li.html", "feed.xml"] {
            #expect(a[page] != nil, "\(page) missing")
            Golden.assert(Self.text(first, page), matches: "site/golden/northwind/\(page)")
        }
    }

    @Test func everyInternalLinkAndAssetResolves() async throws {
        for root in [Self.northwind, Self.basic] {
            let site = try await Self.build(root)
            let files = Self.files(site)
            var checked = 0
            for (path, data) in files where path.hasSuffix(".html") {
                let html = String(decoding: data, as: UTF8.self)
                #expect(data.count < 200_000, "\(path) is \(data.count) bytes")
                for link in LinkScan.references(in: html) {
                    guard let target = LinkScan.resolve(link, from: path) else { continue }
                    checked += 1
                    guard let page = files[target.path] else {
                        Issue.record("\(path): \(link) → \(target.path) does not exist")
                        continue
                    }
                    if let fragment = target.fragment, target.path.hasSuffix(".html") {
                        let ids = LinkScan.ids(in: String(decoding: page, as: UTF8.self))
                        #expect(ids.contains(fragment), "\(path): \(link): no id '\(fragment)' in \(target.path)")
                    }
                }
            }
            #expect(checked > 50)
        }
    }

    @Test func bodiesLinkPagesAndEvaluateQueries() async throws {
        let site = try await Self.build(Self.basic)
        let page = Self.text(site, "briefs/b-links.html")
        // Wikilinks: by id (shown as the title), with a heading and a label, by title; unresolved ones
        // search; in-page anchors.
        #expect(page.contains("A wikilink <a href=\"../goals/g-one.html\">Ship the first version</a>, one with"))
        #expect(!page.contains(">g-one</a>"))
        #expect(page.contains("<a href=\"../goals/g-one.html#key-results\">the goal&#39;s key results</a>")
            || page.contains("<a href=\"../goals/g-one.html#key-results\">the goal's key results</a>"))
        #expect(page.contains("<a href=\"../goals/g-one.html\">Ship the first version</a>"))
        #expect(page.contains("<a href=\"../index.html?q=nowhere%20else\">nowhere else</a>"))
        #expect(page.contains("<a href=\"#plain-links\">"))
        // Markdown links to .md files point to pages; others are kept.
        #expect(page.contains("<a href=\"../goals/g-one.html#key-results\">relative link</a>"))
        #expect(page.contains("<a href=\"../decisions/0001-use-sqlite.html\">"))
        #expect(page.contains("<a href=\"https://example.com/a.md\">"))
        #expect(page.contains("<img src=\"../img/pic.png\""))
        // Query blocks: results in place, a broken one says so; no placeholder is left.
        #expect(page.contains("<table class=\"query-table\">"))
        #expect(page.contains("<td>40%</td>"))
        #expect(page.contains("class=\"query-error\""))
        #expect(page.contains("<code>bearing:wikilink/0</code> and bearing:link/1."))
        #expect(!page.contains("\"bearing:"))
        // The body's own title is not repeated under the page's.
        #expect(page.components(separatedBy: "<h1").count == 2)
        // The image is copied; the configuration and people files are not.
        let files = Self.files(site)
        #expect(files["img/pic.png"] == (try? Data(contentsOf: URL(fileURLWithPath: Self.basic + "/img/pic.png"))))
        #expect(files["bearing.yml"] == nil && files["people.yml"] == nil)
        // Files a browser would run are not published; a picture beside a moved page moves with it.
        #expect(files["img/evil.svg"] == nil && files["img/page.html"] == nil)
        #expect(files["_doc/people/photo.png"] != nil && Self.text(site, "_doc/people/ann-notes.html").contains("<img src=\"../../_doc/people/photo.png\""))
        // A front matter reference outside the knowledge base is shown as written.
        #expect(Self.text(site, "goals/g-one.html").contains("<li>https://example.com/spec.md</li>"))
        // Two statuses with one slug get two lists.
        #expect(files["boards/decision.on-hold.html"] != nil && files["boards/decision.on-hold-2.html"] != nil)
    }

    @Test func untrustedTextNeverBecomesMarkup() async throws {
        for root in [Self.basic, Fixtures.path("report/xss")] {
            let site = try await Self.build(root)
            for (path, data) in Self.files(site) where path.hasSuffix(".html") || path.hasSuffix(".xml") || path.hasSuffix(".js") {
                let text = String(decoding: data, as: UTF8.self).lowercased()
                if path.hasSuffix(".html") {
                    #expect(text.components(separatedBy: "<script").count == 2, "\(path): a script tag besides the site's")
                    for construct in ["<img src=x", "<svg onload", "<div onclick", "href=\"javascript:", "href=\"vbscript:", "href=\"data:",
                                      "onerror=\"", "onclick=\"", "onload=\""] {
                        #expect(!text.contains(construct), "\(path): \(construct)")
                    }
                } else if path.hasSuffix("search-index.js") {
                    #expect(!text.contains("<"), "the search index has a raw <")
                } else if path.hasSuffix(".xml") {
                    #expect(!text.contains("<script") && !text.contains("<img"), "\(path)")
                }
            }
        }
    }

    @Test func namesCannotLeaveTheirFolderOrOverwriteTheSitesPages() async throws {
        let site = try await Self.build(Self.basic)
        let files = Self.files(site)
        // A person id and a tag with `../` become slugs; tags that differ in case get their own pages.
        #expect(files["people/evil.html"] != nil && files["tags/evil.html"] != nil)
        #expect(files["tags/growth.html"] != nil && files["tags/growth-2.html"] != nil && files["tags/a-b.html"] != nil)
        // Documents whose page would be one of the site's own move under _doc/.
        #expect(Self.text(site, "index.html").contains("class=\"dashboard\""))
        #expect(Self.text(site, "_doc/index.html").contains("Home note"))
        #expect(files["_doc/people/ann-notes.html"] != nil)
        #expect(files.keys.allSatisfy { SiteWriter.isSafe($0) })
        #expect(!FileManager.default.fileExists(atPath: site.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("evil.html").path))
    }

    @Test func theFeedIsAtomAndTheSitemapNeedsABaseURL() async throws {
        let relative = try await Self.build(Self.basic)
        #expect(Self.files(relative)["sitemap.xml"] == nil)
        let feed = Self.text(relative, "feed.xml")
        #expect(XMLCheck.isWellFormed(feed))
        #expect(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">"))
        #expect(feed.contains("<title>Decision ADR-0002: Use Postgres instead (proposed)</title>"))
        #expect(feed.contains("<link href=\"decisions/0002-use-postgres.html\"/>"))

        let absolute = try await Self.build(Self.basic, baseURL: "https://example.org/kb")
        let sitemap = Self.text(absolute, "sitemap.xml")
        #expect(XMLCheck.isWellFormed(sitemap))
        #expect(sitemap.contains("<loc>https://example.org/kb/goals/g-one.html</loc>"))
        #expect(sitemap.contains("<loc>https://example.org/kb/index.html</loc>"))
        #expect(Self.text(absolute, "feed.xml").contains("<link href=\"https://example.org/kb/decisions/0002-use-postgres.html\"/>"))
    }

    @Test func aFailedBuildLeavesThePreviousSiteAndNoLeftovers() async throws {
        let site = try await Self.build(Self.basic)
        let before = Self.files(site)
        var broken = TemplateSet.defaults
        broken = TemplateSet(files: broken.files.merging(["site/layout.html.mustache": "{{#unclosed}}"]) { $1 })
        let result = try await KnowledgeBaseLoader.load(root: Self.basic, today: Fixtures.today, markdown: .init(renderHTML: true))
        let analysis = await AlignmentAnalysis.make(result.knowledgeBase, diagnostics: result.diagnostics, today: Fixtures.today)
        let writer = try SiteWriter(output: site.path, source: Self.basic)
        await #expect(throws: TemplateError.self) {
            try await SiteBuilder(kb: result.knowledgeBase, analysis: analysis, diagnostics: [], templates: broken, source: Self.basic)
                .build(into: writer)
        }
        writer.discard()
        #expect(Self.files(site) == before)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: site.deletingLastPathComponent().path)
        #expect(siblings == ["site"])
    }

    @Test func theWriterRefusesPathsOutsideTheSiteAndTheSourceAsOutput() throws {
        for path in ["../x.html", "/etc/x", "a/../../x", "", "a//b", "./a"] { #expect(!SiteWriter.isSafe(path), "\(path)") }
        #expect(SiteWriter.isSafe("goals/a b.html"))
        #expect(throws: SiteWriter.Failure.self) { try SiteWriter(output: Self.basic, source: Self.basic) }
        #expect(throws: SiteWriter.Failure.self) { try SiteWriter(output: Self.basic + "/..", source: Self.basic) }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("bearing-site-\(UUID().uuidString)/out").path
        let writer = try SiteWriter(output: output, source: Self.basic)
        writer.write("../escaped.html", "x")
        #expect(throws: SiteWriter.Failure.self) { try writer.commit() }
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func theSourceFolderIsNeverWritten() async throws {
        func snapshot() -> [String: Date] {
            var result: [String: Date] = [:]
            for case let url as URL in FileManager.default.enumerator(at: URL(fileURLWithPath: Self.basic), includingPropertiesForKeys: [.contentModificationDateKey]) ?? .init() {
                result[url.path] = (try? url.resourceValues(forKeys: [.contentModificationDateKey]))?.contentModificationDate
            }
            return result
        }
        let before = snapshot()
        _ = try await Self.build(Self.basic)
        #expect(snapshot() == before)
    }

    @Test func longListsArePagedAndBoardsShowTheFirstCards() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bearing-kb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("decisions"), withIntermediateDirectories: true)
        for n in 1...450 {
            let name = String(format: "%04d-choice-%d.md", n, n)
            let text = "---\nstatus: accepted\ndate: 2026-\(String(format: "%02d", n % 12 + 1))-01\ntags: [infra]\n---\n\n# Choice \(n)\n"
            try text.write(to: root.appendingPathComponent("decisions/\(name)"), atomically: false, encoding: .utf8)
        }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("goals"), withIntermediateDirectories: true)
        for n in 1...(SiteBuilder.fullTreeLimit + 10) {
            let text = "---\nstatus: active\nhorizon: year\n\(n > 1 ? "parent: g-1\n" : "")---\n\n# Goal \(n)\n"
            try text.write(to: root.appendingPathComponent("goals/g-\(n).md"), atomically: false, encoding: .utf8)
        }
        let site = try await Self.build(root.path)
        let files = Self.files(site)
        // Past `fullTreeLimit` active goals, the tree shows its top goals: the picture on the goals
        // page, the list on the report page.
        #expect(Self.text(site, "goals.html").contains("<h2 id=\"goals-h\">Top goals</h2>"))
        #expect(Self.text(site, "goals.html").contains("<svg class=\"goal-tree\""))
        #expect(!Self.text(site, "report.html").contains("<svg"))
        #expect(Self.text(site, "report.html").contains("\(SiteBuilder.fullTreeLimit + 9) sub-goals: on the goal&#39;s page")
            || Self.text(site, "report.html").contains("\(SiteBuilder.fullTreeLimit + 9) sub-goals: on the goal's page"))
        for page in ["decisions.html", "decisions.2.html", "decisions.3.html", "tags/infra.html", "tags/infra.3.html",
                     "boards/decision.accepted.html", "boards/decision.accepted.3.html"] {
            #expect(files[page] != nil, "\(page) missing")
        }
        #expect(files["decisions.4.html"] == nil)
        #expect(files.values.allSatisfy { $0.count < 200_000 })
        let log = Self.text(site, "decisions.2.html")
        #expect(log.components(separatedBy: "<tr data-status=").count - 1 == Pagination.size)
        #expect(log.contains("<a rel=\"prev\" href=\"decisions.html\">") && log.contains("<a rel=\"next\" href=\"decisions.3.html\">"))
        let board = Self.text(site, "boards/decision.html")
        #expect(board.components(separatedBy: "<li class=\"card\">").count - 1 == ListPages.preview)
        #expect(board.contains("… and 400 more"))
        // Every page's links resolve, the pagers' included.
        for (path, data) in files where path.hasSuffix(".html") {
            for link in LinkScan.references(in: String(decoding: data, as: UTF8.self)) {
                guard let target = LinkScan.resolve(link, from: path) else { continue }
                #expect(files[target.path] != nil, "\(path): \(link)")
            }
        }
    }

    @Test func aPathThatLooksLikeASchemeStaysAPath() {
        #expect(SiteLinks.url("javascript:alert(1).html") == "./javascript:alert(1).html")
        #expect(SiteLinks.url("notes/C#, 50% or what?.html") == "notes/C%23,%2050%25%20or%20what%3F.html")
        #expect(SiteLinks.url("notes/é.html") == "notes/%C3%A9.html")
        #expect(SiteLinks.url("a:b/c.html") == "./a:b/c.html")
        #expect(SiteLinks.url("goals/a:b.html") == "goals/a:b.html")
        #expect(SiteLinks.url("goals/a b.html") == "goals/a%20b.html")
    }

    @Test func searchIndexTextAndEscaping() {
        #expect(SearchIndex.plainText(fromHTML: "<h2 id=\"a\">Title</h2>\n<p>One &amp; <em>two</em>&lt;3</p>", limit: 100) == "Title One & two <3")
        #expect(SearchIndex.plainText(fromHTML: "<p>héllo wörld</p>", limit: 7) == "héllo w")
        #expect(SearchIndex.plainText(fromHTML: "ééé", limit: 2) == "éé")
        let script = SearchIndex.script([["a", "</script><script>alert(1)</script>", "x\u{2028}y", "\"q\"\\", "", "a.html", ""]])
        #expect(!script.contains("<"))
        #expect(script.contains("\\u003c/script>"))
        #expect(script.contains("\\u2028"))
        #expect(script.contains("\"\\\"q\\\"\\\\\""))
    }
}

/// The links and ids of an HTML page, found with a small scanner (our own output, so attributes
/// are always double-quoted).
enum LinkScan {
    static func references(in html: String) -> [String] {
        var result: [String] = []
        for attribute in [" href=\"", " src=\""] {
            var rest = html[...]
            while let start = rest.range(of: attribute) {
                let after = rest[start.upperBound...]
                guard let end = after.firstIndex(of: "\"") else { break }
                result.append(String(after[..<end]).replacingOccurrences(of: "&amp;", with: "&"))
                rest = after[end...]
            }
        }
        return result
    }

    static func ids(in html: String) -> Set<String> {
        var result: Set<String> = []
        var rest = html[...]
        while let start = rest.range(of: " id=\"") {
            let after = rest[start.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            result.insert(String(after[..<end]))
            rest = after[end...]
        }
        return result
    }

    /// The file (and fragment) a link of the page at `from` names; nil for outside links and bare queries.
    static func resolve(_ link: String, from: String) -> (path: String, fragment: String?)? {
        if link.isEmpty || link.hasPrefix("mailto:") || link.contains("://") { return nil }
        var target = link
        var fragment: String?
        if let hash = target.firstIndex(of: "#") {
            fragment = String(target[target.index(after: hash)...]).removingPercentEncoding
            target = String(target[..<hash])
        }
        if let question = target.firstIndex(of: "?") { target = String(target[..<question]) }
        if target.isEmpty { target = from }
        else if let joined = ReferenceResolver.join(folderOf: from, target.removingPercentEncoding ?? target) { target = joined }
        else { return ("<outside the site>/" + target, nil) }
        return (target, fragment.flatMap { $0.isEmpty ? nil : $0 })
    }
}

/// Well-formedness through Foundation's XML parser.
enum XMLCheck {
    static func isWellFormed(_ text: String) -> Bool {
        XMLParser(data: Data(text.utf8)).parse()
    }
}
