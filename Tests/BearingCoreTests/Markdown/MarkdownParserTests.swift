import Foundation
import Testing
@testable import BearingCore

@Suite struct MarkdownParserTests {
    @Test func linksAndWikilinksCarryPositions() {
        let body = "# Title\n\nSee [growth](../goals/growth.md#kr) and [[g-x|the goal]].\n\n- item [[b#Heading]]\n"
        let doc = MarkdownParser.parse(body)
        #expect(doc.title == "Title")
        let links = doc.links.map { "\($0.kind.rawValue) \($0.destination) \($0.line):\($0.column) \($0.label ?? "-") \($0.anchor ?? "-")" }
        #expect(links == [
            "link ../goals/growth.md#kr 3:5 - kr",
            "wikilink g-x 3:41 the goal -",
            "wikilink b 5:8 - Heading",
        ])
    }

    @Test func wikilinksInCodeAreNotLinks() {
        let doc = MarkdownParser.parse("Use `[[not-a-link]]` here.\n\n```\n[[nor-this]]\n```\n")
        #expect(doc.links.isEmpty)
    }

    @Test func headingAnchorsAreUniqueAndRendered() {
        let doc = MarkdownParser.parse("# Decision Outcome\n\n## Pros & Cons\n\n## Pros & Cons\n", options: .init(renderHTML: true))
        #expect(doc.headings.map(\.anchor) == ["decision-outcome", "pros--cons", "pros--cons-1"])
        let html = doc.html?.replacingOccurrences(of: "\n", with: "") ?? ""
        #expect(html.contains("<h2 id=\"pros--cons-1\">Pros &amp; Cons</h2>"), "\(html)")
    }

    @Test func rawHTMLIsEscapedAndDangerousURLsDropped() throws {
        let doc = MarkdownParser.parse("<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> [x](javascript:alert(1))\n",
                                       options: .init(renderHTML: true))
        let html = try #require(doc.html)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;"))
        #expect(!html.lowercased().contains("javascript:"))
    }

    @Test func gfmExtensionsAreAttached() throws {
        let doc = MarkdownParser.parse("| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n\n~~old~~ www.example.com\n", options: .init(renderHTML: true))
        let html = try #require(doc.html)
        #expect(html.contains("<table>"))
        #expect(html.contains("checkbox"))
        #expect(html.contains("<del>old</del>"))
        #expect(html.contains("href=\"http://www.example.com\""))
    }

    @Test func queryBlocksAreCollected() {
        let doc = MarkdownParser.parse("Intro\n\n```bearing\nbriefs where status = draft\n```\n")
        #expect(doc.codeBlocks == [MarkdownCodeBlock(info: "bearing", literal: "briefs where status = draft\n", line: 3)])
    }

    /// cmark-gfm's inline parser has process-global state; concurrent callers must still get
    /// identical results (the parser serialises them).
    @Test func concurrentParsesGiveIdenticalResults() async {
        let body = (1...40).map { "Line \($0) www.example\($0).com ~~x~~ [[w\($0)]]\n" }.joined(separator: "\n")
        let expected = MarkdownParser.parse(body, options: .init(renderHTML: true))
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<200 {
                group.addTask { MarkdownParser.parse(body, options: .init(renderHTML: true)) == expected }
            }
            var all: [Bool] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.allSatisfy { $0 })
    }
}
