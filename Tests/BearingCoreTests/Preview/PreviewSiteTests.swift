import Foundation
import Testing
@testable import BearingCore

/// `bearing serve`'s site, in process: pages rendered on demand equal the built ones, an edit
/// publishes a new site, a broken file keeps the previous one and reports its errors.
@Suite struct PreviewSiteTests {
    /// A copy of a fixture KB in a fresh temporary folder.
    static func copy(_ source: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bearing-serve-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: source, toPath: folder.path)
        return folder.path
    }

    static func started(_ root: String) async throws -> PreviewSite {
        let site = PreviewSite(root: root, clock: .fixed(Fixtures.today), digestWeeks: 0, git: nil)
        try await site.start()
        return site
    }

    static func text(_ response: PreviewSite.Response) -> String? {
        guard case .file(let bytes, _) = response else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The page without the live-reload script of generation 1.
    static func withoutLiveScript(_ page: String) -> String {
        page.replacingOccurrences(of: "<script src=\"/_bearing/live.js\" data-generation=\"1\"></script>\n", with: "")
    }

    @Test func everyServedFileEqualsTheBuiltOneButForTheLiveScript() async throws {
        for (source, baseURL) in [(SiteTests.basic, nil), (SiteTests.northwind, nil), (SiteTests.northwind, "https://example.org/nw/")] {
            let root = try Self.copy(source)
            if let baseURL {
                let config = root + "/bearing.yml"
                try (String(contentsOfFile: config, encoding: .utf8) + "\nbase_url: \(baseURL)\n").write(toFile: config, atomically: true, encoding: .utf8)
            }
            let built = SiteTests.files(try await SiteTests.build(root))
            let site = try await Self.started(root)
            #expect(built.count > 20)
            #expect((built["sitemap.xml"] != nil) == (baseURL != nil))
            for (path, data) in built {
                let response = await site.response(for: "/" + path)
                guard case .file(let bytes, let contentType) = response else {
                    Issue.record("\(path): \(response)")
                    continue
                }
                if path.hasSuffix(".html") {
                    #expect(contentType == "text/html; charset=utf-8")
                    let page = String(decoding: bytes, as: UTF8.self)
                    #expect(page.contains("<script src=\"/_bearing/live.js\" data-generation=\"1\"></script>\n</body>"), "\(path)")
                    #expect(Self.withoutLiveScript(page) == String(decoding: data, as: UTF8.self), "\(path)")
                    #expect(!String(decoding: data, as: UTF8.self).contains("live.js"), "a built page has the live script: \(path)")
                } else {
                    #expect(Data(bytes) == data, "\(path)")
                }
            }
        }
    }

    @Test func foldersRedirectUnknownPathsAreNotFoundAndTheScriptIsServed() async throws {
        let site = try await Self.started(try Self.copy(SiteTests.northwind))
        #expect(await site.response(for: "/boards") == .redirect(location: "/boards/"))
        #expect(Self.text(await site.response(for: "/boards/"))?.contains("<h1") == true)
        #expect(Self.text(await site.response(for: "/"))?.contains("data-generation=\"1\"") == true)
        #expect(await site.response(for: "/no/such/page.html") == .notFound)
        #expect(await site.response(for: "/bearing.yml") == .notFound)
        #expect(Self.text(await site.response(for: "/_bearing/live.js"))?.contains("EventSource") == true)
    }

    @Test func anEditPublishesANewSiteWithTheNewContentAndParsesOnlyThatFile() async throws {
        let root = try Self.copy(SiteTests.northwind)
        let before = try FileManager.default.subpathsOfDirectory(atPath: root).sorted()
        let site = try await Self.started(root)
        let page = "/goals/g-2027-break-even.html"
        #expect(Self.text(await site.response(for: page))?.contains("Reach break-even — edited") == false)

        let file = root + "/goals/g-2027-break-even.md"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "\ntitle: ", with: "\ntitle: Reach break-even — edited; was ").write(toFile: file, atomically: true, encoding: .utf8)
        // Another file changed on disk but not reported: its cached parse stays in use.
        let other = root + "/goals/g-2027-mobile-delivery.md"
        let otherText = try String(contentsOfFile: other, encoding: .utf8)
        try otherText.replacingOccurrences(of: "\ntitle: ", with: "\ntitle: Not reported ").write(toFile: other, atomically: true, encoding: .utf8)

        #expect(await site.rebuild(changed: ["goals/g-2027-break-even.md"]) == .published(generation: 2))
        let served = Self.text(await site.response(for: page)) ?? ""
        #expect(served.contains("Reach break-even — edited"))
        #expect(served.contains("data-generation=\"2\""))
        #expect(Self.text(await site.response(for: "/goals/g-2027-mobile-delivery.html"))?.contains("Not reported") == false)
        // The goals page lists the new title too.
        #expect(Self.text(await site.response(for: "/goals.html"))?.contains("Reach break-even — edited") == true)
        #expect(site.problems.isEmpty)
        // Serving wrote nothing into the knowledge base.
        #expect(try FileManager.default.subpathsOfDirectory(atPath: root).sorted() == before)
    }

    @Test func aBrokenFileKeepsThePreviousSiteUntilItIsFixed() async throws {
        let root = try Self.copy(SiteTests.northwind)
        let site = try await Self.started(root)
        let page = "/goals/g-2027-break-even.html"
        let good = Self.text(await site.response(for: page)) ?? ""
        let file = root + "/goals/g-2027-break-even.md"
        let text = try String(contentsOfFile: file, encoding: .utf8)

        try text.replacingOccurrences(of: "\ntitle: ", with: "\ntitle: [unclosed\nstatus: ").write(toFile: file, atomically: true, encoding: .utf8)
        guard case .rejected(let problems) = await site.rebuild(changed: ["goals/g-2027-break-even.md"]) else {
            Issue.record("a broken file was published")
            return
        }
        #expect(problems.count == 1)
        #expect(problems.first?.location.path == "goals/g-2027-break-even.md")
        #expect(problems.first?.rule == .yamlSyntax)
        #expect(site.problems == problems)
        #expect(site.generation?.number == 1)
        #expect(Self.text(await site.response(for: page)) == good)
        let event = LiveReload.stateEvent(generation: 1, problems: site.problems)
        #expect(event.hasPrefix("event: state\ndata: {\"generation\":1,\"problems\":[\"goals/g-2027-break-even.md:"))
        #expect(event.contains("[yaml-syntax]\"]}\n\n"))

        // Another edit while the file is still broken publishes nothing either.
        try "# A note\n".write(toFile: root + "/notes/new-note.md", atomically: true, encoding: .utf8)
        #expect(await site.rebuild(changed: ["notes/new-note.md"]) != .published(generation: 2))

        try text.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(await site.rebuild(changed: ["goals/g-2027-break-even.md"]) == .published(generation: 2))
        #expect(site.problems.isEmpty)
        #expect(Self.text(await site.response(for: "/notes/new-note.html"))?.contains("A note") == true)
    }

    @Test func errorsTheServedSiteHadNotHoldItBackWhereverTheyAre() async throws {
        let root = try Self.copy(SiteTests.northwind)
        // An error the knowledge base has from the start.
        let known = root + "/notes/glossary.md"
        try (String(contentsOfFile: known, encoding: .utf8) + "\nSee [[no-such-document]].\n").write(toFile: known, atomically: true, encoding: .utf8)
        let site = try await Self.started(root)
        // Removing a goal leaves references to it, in files nobody touched, unresolved.
        try FileManager.default.removeItem(atPath: root + "/goals/g-2027-break-even.md")
        guard case .rejected(let problems) = await site.rebuild(changed: ["goals/g-2027-break-even.md"]) else {
            Issue.record("a site with new unresolved references was published")
            return
        }
        #expect(!problems.isEmpty && problems.allSatisfy { $0.rule == .unresolvedReference && $0.message.contains("g-2027-break-even") })
        #expect(!problems.contains { $0.location.path == "goals/g-2027-break-even.md" })
        #expect(site.generation?.number == 1)
        #expect(Self.text(await site.response(for: "/goals/g-2027-break-even.html")) != nil)
        // Errors the first site already had do not hold anything back, even in a changed file.
        try (String(contentsOfFile: known, encoding: .utf8) + "\nMore text.\n").write(toFile: known, atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: SiteTests.northwind + "/goals/g-2027-break-even.md", toPath: root + "/goals/g-2027-break-even.md")
        #expect(await site.rebuild(changed: ["goals/g-2027-break-even.md", "notes/glossary.md"]) == .published(generation: 2))
        #expect(site.problems.isEmpty)
    }

    @Test func aBrokenTemplateIsAProblemNotACrash() async throws {
        let root = try Self.copy(SiteTests.basic)
        let site = try await Self.started(root)
        try FileManager.default.createDirectory(atPath: root + "/templates/site", withIntermediateDirectories: true)
        try "{{#unclosed}}\n".write(toFile: root + "/templates/site/document.html.mustache", atomically: true, encoding: .utf8)
        guard case .rejected(let problems) = await site.rebuild(changed: ["templates/site/document.html.mustache"]) else {
            Issue.record("a broken template was published")
            return
        }
        #expect(problems.map(\.location.path) == ["templates/site/document.html.mustache"])
        #expect(site.generation?.number == 1)
    }

    @Test func theLiveScriptGoesBeforeTheLastBodyEndOrAtTheEnd() {
        let page = Array("<body><p>&lt;/body&gt;</p></body>\n</html>".utf8)
        #expect(String(decoding: LiveReload.inject(into: page, generation: 7), as: UTF8.self)
            == "<body><p>&lt;/body&gt;</p><script src=\"/_bearing/live.js\" data-generation=\"7\"></script>\n</body>\n</html>")
        #expect(String(decoding: LiveReload.inject(into: Array("<p>x".utf8), generation: 1), as: UTF8.self)
            == "<p>x<script src=\"/_bearing/live.js\" data-generation=\"1\"></script>\n")
    }

    @Test func theStateEventIsOneLineOfJSONWhateverTheMessage() throws {
        let problem = Diagnostic(.error, .yamlSyntax, "bad \"quote\"\nnew line </script> \u{2028}", at: SourceLocation(path: "a b.md", line: 2, column: 3))
        let event = LiveReload.stateEvent(generation: 3, problems: [problem])
        let lines = event.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4 && lines[0] == "event: state" && lines[2].isEmpty && lines[3].isEmpty)
        let json = try JSONSerialization.jsonObject(with: Data(lines[1].dropFirst("data: ".count).utf8)) as? [String: Any]
        #expect(json?["generation"] as? Int == 3)
        #expect((json?["problems"] as? [String])?.first?.hasPrefix("a b.md:2:3: error: bad \"quote\"") == true)
    }
}
