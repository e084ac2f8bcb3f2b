import Foundation
import Testing
@testable import BearingCore

/// Bodies that crashed or blew up the parse stage (issue 14): each is cut with a located `limit`
/// diagnostic, or walked without recursion, and the document is still there.
@Suite struct MarkdownLimitsTests {
    private func parsed(_ body: String) -> ParsedDocument {
        DocumentParser.parse(SourceFile(path: "notes/x.md", text: "---\ntitle: X\n---\n" + body))
    }

    private func limitDiagnostics(_ document: ParsedDocument) -> [Diagnostic] {
        document.diagnostics.filter { $0.rule == .limit }
    }

    @Test(arguments: ["- ", "> ", "* ", "1. ", "> - "])
    func deeplyNestedMarkersOnOneLineAreCutAtTheirLine(marker: String) {
        let body = "Intro.\n\n" + String(repeating: marker, count: 50_000) + "a\n"
        let document = parsed(body)
        let limits = limitDiagnostics(document)
        #expect(limits.count == 1)
        #expect(limits.first?.location.line == 6)
        #expect(limits.first?.message.contains("nested") == true)
        #expect(document.fields.first?.key == "title")
    }

    @Test func deepTreesAreWalkedWithoutRecursion() {
        // The limits off: cmark-gfm builds 50,000 nested lists and the walk must not overflow the stack.
        let document = MarkdownParser.parse(String(repeating: "- ", count: 50_000) + "[a](b.md) [[c]]\n",
                                            options: .init(renderHTML: true), limits: false)
        #expect(document.links.map(\.destination) == ["b.md", "c"])
        #expect(document.html?.contains("<ul>") == true)
        let quotes = MarkdownParser.parse(String(repeating: "> ", count: 50_000) + "# Deep\n", options: .init(), limits: false)
        #expect(quotes.headings.map(\.text) == ["Deep"])
    }

    @Test func nestingWithinTheLimitIsParsed() {
        let body = String(repeating: "> ", count: MarkdownLimits.maxContainerDepth) + "[a](b.md)\n"
        let document = MarkdownParser.parse(body)
        #expect(document.cut == nil)
        #expect(document.links.count == 1)
    }

    @Test func aBodyOfOpenBracketsIsCutBeforeTheLibraryAllocates() {
        let document = parsed(String(repeating: "[[", count: 300_000))
        #expect(limitDiagnostics(document).first?.message.contains("markup characters") == true)
        #expect(document.markdown.links.isEmpty)
    }

    @Test func manyAutolinksAreCountedAsMarkup() {
        // `www.a.b ` has no delimiter, but the autolink extension makes nodes of each (8 MiB: 1 GB).
        let document = parsed(String(repeating: "www.a.b ", count: 120_000))
        #expect(limitDiagnostics(document).first?.message.contains("markup characters") == true)
    }

    @Test func aCutBodyIsShownAsEscapedText() throws {
        let body = "<script>x</script>\n" + String(repeating: "> ", count: 100) + "a\n"
        let document = MarkdownParser.parse(body, options: .init(renderHTML: true))
        let html = try #require(document.html)
        #expect(html.hasPrefix("<pre"))
        #expect(html.contains("&lt;script&gt;"))
        #expect(!html.contains("<script"))
    }

    @Test func theLibrarysQuadraticShapesAreCutByTheTrial() {
        // Upstream's pathological `![[]()` (cubic in the packaged cmark-gfm: 64 KB took seconds).
        let document = parsed(String(repeating: "![[]()", count: 40_000))
        let limits = limitDiagnostics(document)
        #expect(limits.count == 1)
        #expect(limits.first?.message.contains("Markdown library") == true)
        #expect(limits.first?.location.line == 4)
    }

    @Test func manyOrdinaryLinksPassTheTrial() {
        let body = (0..<2_000).map { "See [doc \($0)](d\($0).md)." }.joined(separator: "\n") + "\n"
        let document = parsed(body)
        #expect(limitDiagnostics(document).isEmpty)
        #expect(document.markdown.links.count == 2_000)
        #expect(document.markdown.links.last?.line == 2_003)
    }

    @Test func columnsOfManyLinksOnOneLineAreCharacterColumns() {
        // Converted with one cursor per line (it was a count from the line start for every link).
        let body = String(repeating: "é [a](b) ", count: 3_000) + "\n"
        let document = parsed(body)
        let columns = document.markdown.links.map(\.column)
        #expect(columns.count == 3_000)
        #expect(columns.first == 3)
        #expect(columns.last == 3 + 2_999 * 9)
    }

    @Test func wikilinksWhoseTextDiffersFromTheSourceKeepAColumn() {
        // `&#91;&#91;` is `[[` to cmark but not in the source: the search near the column gives up
        // (it scanned the whole line for each).
        let body = String(repeating: "&#91;&#91;x]] [[y]] ", count: 2_000) + "\n"
        let document = parsed(body)
        let wikilinks = document.markdown.links.filter { $0.kind == .wikilink }
        #expect(wikilinks.count == 4_000)
        #expect(wikilinks.allSatisfy { $0.line == 4 && $0.column > 0 })
    }
}
