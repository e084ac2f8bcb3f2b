import Foundation
import Testing
@testable import BearingCore

/// The allow-list of files the site publishes (issue 14: `.shtml` and `.xhtm` once passed a deny-list).
@Suite struct PublishPolicyTests {
    @Test(arguments: ["img/photo.png", "img/PHOTO.JPG", "a.jpeg", "a.gif", "a.webp", "a.avif", "favicon.ico", "a.bmp", "scan.TIFF",
                      "spec.pdf", "notes.txt", "data.csv", "data.tsv", "data.json", "kep.yaml", "sidecar.yml", "build.log",
                      "font.woff2", "talk.mp3", "demo.mp4", "demo.webm", "sound.ogg", "plan.docx", "budget.xlsx", "slides.pptx",
                      "bundle.zip", "photo.2024.png", "v1.2.pdf"])
    func passiveTypesArePublished(path: String) {
        #expect(PublishPolicy.verdict(for: path, unsafeHTML: false) == .published)
    }

    @Test(arguments: ["evil.shtml", "evil.xhtm", "evil.XHTM", "a.html", "a.HTM", "a.xhtml", "a.xht", "a.mhtml", "a.shtm", "a.stm",
                      "logo.svg", "logo.svgz", "app.js", "app.mjs", "feed.xml", "style.xsl", "a.xslt", "news.rss", "a.atom",
                      "index.php", "a.phtml", "a.asp", "a.jsp", "a.cgi", "a.wasm", "a.swf",
                      // Every extension counts: Apache runs `evil.shtml.png` as server-side includes.
                      "evil.shtml.png", "evil.html.gz", "img/x.PHP.jpg"])
    func activeTypesAreRefused(path: String) {
        guard case .active = PublishPolicy.verdict(for: path, unsafeHTML: false) else {
            Issue.record("\(path): \(PublishPolicy.verdict(for: path, unsafeHTML: false))")
            return
        }
        #expect(PublishPolicy.verdict(for: path, unsafeHTML: true) == .published)
    }

    @Test func unknownTypesAndNamesWithoutExtensionAreRefused() {
        #expect(PublishPolicy.verdict(for: "diagram.drawio", unsafeHTML: false) == .unlisted("drawio"))
        #expect(PublishPolicy.verdict(for: "docs/Makefile", unsafeHTML: false) == .unlisted(""))
        #expect(PublishPolicy.verdict(for: "CNAME", unsafeHTML: false) == .unlisted(""))
        #expect(PublishPolicy.verdict(for: "trailing.", unsafeHTML: false) == .unlisted(""))
        #expect(PublishPolicy.verdict(for: "style.css", unsafeHTML: false) == .unlisted("css"))
        #expect(PublishPolicy.verdict(for: "x.shtml", unsafeHTML: false) == .active("shtml"))
        #expect(PublishPolicy.verdict(for: "x.ShTmL.png", unsafeHTML: false) == .active("ShTmL"))
    }

    /// `bearing serve` sends the allow-list's types and nothing the allow-list refuses.
    @Test func serveObeysTheAllowList() async throws {
        let root = try PreviewSiteTests.copy(Fixtures.path("rules/unpublished-file"))
        defer { try? FileManager.default.removeItem(atPath: root) }
        let site = try await PreviewSiteTests.started(root)
        for path in ["/evil.shtml", "/evil.xhtm", "/img/logo.SVG", "/img/photo.shtml.png", "/Makefile", "/diagram.drawio", "/bearing.yml"] {
            #expect(await site.response(for: path) == .notFound, "\(path)")
        }
        guard case .file(_, let png) = await site.response(for: "/img/photo.PNG"), case .file(_, let json) = await site.response(for: "/data.JSON"),
              case .file(_, let sheet) = await site.response(for: "/sheet.xlsx") else {
            Issue.record("a published file is not served")
            return
        }
        #expect(png == "image/png" && json == "application/json" && sheet.hasPrefix("application/vnd.openxmlformats"))
        #expect(ContentType.of("notes/page.html") == "text/html; charset=utf-8" && ContentType.of("x.unknown") == "application/octet-stream")
    }

    /// A build publishes what the allow-list lets through, all with `unsafe_html: true`.
    @Test func buildCopiesOnlyTheAllowList() async throws {
        let site = try await SiteTests.build(Fixtures.path("rules/unpublished-file"))
        let files = SiteTests.files(site)
        #expect(files["img/photo.PNG"] != nil && files["data.csv"] != nil && files["data.JSON"] != nil && files["spec.pdf"] != nil && files["sheet.xlsx"] != nil)
        for refused in ["evil.shtml", "evil.xhtm", "img/logo.SVG", "img/photo.shtml.png", "Makefile", "diagram.drawio"] {
            #expect(files[refused] == nil, "\(refused)")
        }
    }
}
