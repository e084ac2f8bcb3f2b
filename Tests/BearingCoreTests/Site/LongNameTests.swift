import Foundation
import Testing
@testable import BearingCore

/// A file name may be 255 bytes; the site's names made from it (`.html` for `.md`, a slug of a
/// long tag or status) are shortened the same way on every build, and links find them.
@Suite struct LongNameTests {
    /// A knowledge base in a fresh temporary folder.
    static func knowledgeBase(_ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bearing-long-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: false, encoding: .utf8)
        }
        return root.path
    }

    @Test func aNameOf255BytesBuildsAndItsLinksResolve() async throws {
        let long = String(repeating: "é", count: 100) + String(repeating: "x", count: 52)  // 252 bytes + ".md"
        let tag = String(repeating: "t", count: 300)
        let status = String(repeating: "s", count: 300)
        let root = try Self.knowledgeBase([
            "notes/\(long).md": "---\ntype: note\ntags: [\(tag)]\n---\n# Long\n",
            "briefs/b.md": "---\ntype: brief\nstatus: \(status)\n---\n# B\n\n[the long note](../notes/\(long).md)\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect("\(long).md".utf8.count == 255)
        let site = try await SiteTests.build(root)
        let files = SiteTests.files(site)
        #expect(files.keys.allSatisfy { $0.split(separator: "/").allSatisfy { $0.utf8.count <= 255 } })
        let page = try #require(files.keys.first { $0.hasPrefix("notes/") && $0.hasSuffix(".html") })
        #expect(page.hasPrefix("notes/éé"))
        var checked = 0
        for (path, data) in files where path.hasSuffix(".html") {
            for link in LinkScan.references(in: String(decoding: data, as: UTF8.self)) {
                guard let target = LinkScan.resolve(link, from: path) else { continue }
                checked += 1
                #expect(files[target.path] != nil, "\(path): \(link) → \(target.path) does not exist")
            }
        }
        #expect(checked > 20)
        let brief = String(decoding: files["briefs/b.html"] ?? Data(), as: UTF8.self)
        #expect(brief.contains(SiteLinks.url(page).replacingOccurrences(of: "notes/", with: "")), "the body's link goes to the shortened page")
    }

    @Test func servePreviewsTheShortenedPage() async throws {
        let long = String(repeating: "y", count: 252)
        let root = try Self.knowledgeBase(["notes/\(long).md": "---\ntype: note\n---\n# Served long\n"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let page = SitePaths.fitting("notes/\(long).html")
        #expect(page != "notes/\(long).html")
        let site = try await PreviewSiteTests.started(root)
        let text = PreviewSiteTests.text(await site.response(for: "/" + page))
        #expect(text?.contains("Served long") == true)
    }

    @Test func shortNamesStayAndLongOnesAreCutTheSameWayEveryTime() {
        let fits = String(repeating: "a", count: 250) + ".html"
        #expect(SitePaths.fitting("notes/" + fits) == "notes/" + fits)
        let over = String(repeating: "a", count: 251) + ".html"
        let cut = SitePaths.fitting("notes/" + over)
        #expect(cut == SitePaths.fitting("notes/" + over))
        #expect(cut.hasPrefix("notes/aaaa") && cut.hasSuffix(".html"))
        #expect(cut.split(separator: "/").last?.utf8.count == 255)
        // Two names that share their beginning stay apart.
        #expect(SitePaths.fitting(String(repeating: "a", count: 300) + "1.html") != SitePaths.fitting(String(repeating: "a", count: 300) + "2.html"))
        // Whole characters only: the cut never splits a multi-byte one.
        let accented = SitePaths.shortened(String(repeating: "é", count: 200), to: 255)
        #expect(accented.utf8.count <= 255)
        #expect(accented.hasPrefix(String(repeating: "é", count: 119)))
    }
}
