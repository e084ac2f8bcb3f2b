import XCTest
@testable import BearingLanguageServer

final class TextDifferenceTests: XCTestCase {
    /// The edits from `old` to `new`, checked to give `new` when applied (from the last up).
    private func edits(_ old: String, _ new: String, file: StaticString = #filePath, line: UInt = #line) -> [TextEdit] {
        let edits = TextDifference.edits(from: LineIndex(old), to: new, encoding: .utf16)
        var text = old
        for edit in edits.reversed() { text = LineIndex(text).applying(edit.range, edit.newText, encoding: .utf16) }
        XCTAssertEqual(text, new, file: file, line: line)
        return edits
    }

    func testTwoChangedLinesAreTwoEditsAndTheLinesBetweenAreLeftAlone() {
        let old = "---\nstatus: approved\nowner: fatima\nupdated: 2027-02-15\n---\n"
        let result = edits(old, "---\nstatus: done\nowner: fatima\nupdated: 2027-02-17\n---\n")
        XCTAssertEqual(result.map(\.range.start.line), [1, 3])
        XCTAssertEqual(result.map(\.newText), ["status: done\n", "updated: 2027-02-17\n"])
    }

    func testInsertionsRemovalsAndLastLinesWithoutABreak() {
        XCTAssertEqual(edits("a\nb\n", "a\nx\nb\n").map(\.range), [Range(at: Position(line: 1, character: 0))])
        XCTAssertEqual(edits("a\nb\nc", "a\nc").count, 1)
        _ = edits("a\nb", "a\nb changed")
        _ = edits("a\r\nb\r\n", "a\r\nc\r\nb\r\n")
        _ = edits("", "---\nstatus: draft\n---\n")
        XCTAssertTrue(edits("same\n", "same\n").isEmpty)
    }
}
