import Foundation
import Testing
@testable import BearingLanguageServer

@Suite struct TextDifferenceTests {
    /// The edits from `old` to `new`, checked to give `new` when applied (from the last up).
    private func edits(_ old: String, _ new: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [TextEdit] {
        let edits = TextDifference.edits(from: LineIndex(old), to: new, encoding: .utf16)
        var text = old
        for edit in edits.reversed() { text = LineIndex(text).applying(edit.range, edit.newText, encoding: .utf16) }
        #expect(text == new, sourceLocation: sourceLocation)
        return edits
    }

    @Test func twoChangedLinesAreTwoEditsAndTheLinesBetweenAreLeftAlone() {
        let old = "---\nstatus: approved\nowner: fatima\nupdated: 2027-02-15\n---\n"
        let result = edits(old, "---\nstatus: done\nowner: fatima\nupdated: 2027-02-17\n---\n")
        #expect(result.map(\.range.start.line) == [1, 3])
        #expect(result.map(\.newText) == ["status: done\n", "updated: 2027-02-17\n"])
    }

    @Test func insertionsRemovalsAndLastLinesWithoutABreak() {
        #expect(edits("a\nb\n", "a\nx\nb\n").map(\.range) == [Range(at: Position(line: 1, character: 0))])
        #expect(edits("a\nb\nc", "a\nc").count == 1)
        #expect(edits("same\n", "same\n").isEmpty)
    }

    /// The edits give the new text (checked in `edits`): a last line without a break, CRLF, a
    /// lone CR (a line break for LineIndex, so for the lines compared too), an empty file.
    @Test(arguments: [
        ("a\nb", "a\nb changed"), ("a\r\nb\r\n", "a\r\nc\r\nb\r\n"), ("a\rb\r", "a\rc\rb\r"), ("", "---\nstatus: draft\n---\n"),
    ])
    func theEditsGiveTheNewText(old: String, new: String) {
        #expect(!edits(old, new).isEmpty)
    }

    @Test func aLoneCarriageReturnEndsALine() {
        #expect(edits("a\rb\rc\r", "a\rx\rc\r").map(\.range.start.line) == [1])
    }
}
