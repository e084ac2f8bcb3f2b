import Testing
@testable import BearingCore

/// cmark-gfm ends a line at a lone `\r` too; Bearing's lines end at `\n` only. The positions of
/// links, wikilinks, headings and blocks after a lone `\r` are the body's, not cmark's: the line
/// that holds them counting `\n`, and the column of their character in that line (the `\r` is a
/// character of it). Found by the fuzz-document target (Fixtures/fuzz-crashes/document-…).
@Suite struct LoneCarriageReturnTests {
    static func parse(_ text: String) -> MarkdownDocument {
        DocumentParser.parse(SourceFile(path: "x.md", text: text)).markdown
    }

    @Test func aWikilinkAfterLoneCarriageReturnsKeepsItsLineAndCharacterColumn() {
        let document = Self.parse("a\r\r\r\r\n\n\(String(repeating: "é", count: 12)) [[nowhere]]\n")
        let link = document.links.first
        #expect(link?.line == 3 && link?.column == 14, "\(String(describing: link))")
    }

    @Test func aLinkOnALineSplitByLoneCarriageReturnsCountsTheCharactersBeforeThem() {
        // cmark reads the second part of the line as its line 2, column 1.
        let document = Self.parse("---\ntitle: x\n---\nab\rcd [x](y.md) é\r[[w]]\n")
        #expect(document.links.map { "\($0.destination)@\($0.line):\($0.column)" } == ["y.md@4:7", "w@4:19"])
    }

    @Test func headingsAndBlocksAfterLoneCarriageReturnsKeepTheirLine() {
        // A blank line (`\r\r`) between `one` and `two`: two paragraphs, both on line 1.
        let document = Self.parse("one\r\rtwo\r\n\n# Title\n")
        #expect(document.headings.map(\.line) == [3])
        #expect(document.blocks.map(\.line) == [1, 1, 3])
    }

    @Test func nulBytesAreOneCharacterOfTheColumn() {
        // cmark reads a NUL as U+FFFD, three bytes: the column is still counted in characters.
        let document = Self.parse("\u{0}\u{0}\u{0}\u{0} [[w]] [x](y.md)\n")
        #expect(document.links.map { "\($0.destination)@\($0.line):\($0.column)" } == ["w@1:6", "y.md@1:12"])
    }
}
