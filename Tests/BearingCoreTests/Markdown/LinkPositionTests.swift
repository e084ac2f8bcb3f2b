import Testing
@testable import BearingCore

/// cmark-gfm gives no source position to a paragraph whose last line became a table's header
/// (a table right under a paragraph, no blank line between) nor to its inlines: their links and
/// wikilinks still point at a line of the file (the nearest container's), and a link stays a link
/// (the autolink extension's links are the ones without a position of their own).
@Suite struct LinkPositionTests {
    static let text = "---\ntitle: x\n---\n* x\n* ![u](img.png) [alpha](a.md) [[w]] here\n   | Status | weird |\n   |---|---|\n   | Owner | x |\n\nSee https://example.org/x.\n"

    @Test func linksOfAParagraphThatLostItsPositionPointAtTheirItem() {
        let parsed = DocumentParser.parse(SourceFile(path: "x.md", text: Self.text))
        let links = parsed.markdown.links
        #expect(links.map(\.destination) == ["img.png", "a.md", "w", "https://example.org/x"])
        for link in links.prefix(3) { #expect(link.line == 5 && link.column >= 1, "\(link.destination) at \(link.line):\(link.column)") }
        #expect(links.map(\.kind) == [.image, .link, .wikilink, .autolink])
    }
}
