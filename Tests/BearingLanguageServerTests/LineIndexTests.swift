import XCTest
@testable import BearingLanguageServer

final class LineIndexTests: XCTestCase {
    /// "é" is one scalar and one UTF-16 unit; "😀" is one scalar and two UTF-16 units.
    let lines = LineIndex("title: é😀x\r\nsecond\rthird\n")

    func testLinesEndAtEveryKindOfBreak() {
        XCTAssertEqual(lines.lineCount, 4)
        XCTAssertEqual(lines.line(0), "title: é😀x")
        XCTAssertEqual(lines.line(1), "second")
        XCTAssertEqual(lines.line(2), "third")
        XCTAssertEqual(lines.line(3), "")
    }

    func testColumnsConvertInEachEncoding() {
        // Column 10 (1-based scalars) is the "x" after the emoji.
        XCTAssertEqual(lines.position(line: 1, column: 10, encoding: .utf32), Position(line: 0, character: 9))
        XCTAssertEqual(lines.position(line: 1, column: 10, encoding: .utf16), Position(line: 0, character: 10))
        XCTAssertEqual(lines.position(line: 1, column: 10, encoding: .utf8), Position(line: 0, character: 13))
        for encoding in [PositionEncoding.utf8, .utf16, .utf32] {
            let position = lines.position(line: 1, column: 10, encoding: encoding)
            XCTAssertEqual(lines.column(of: position, encoding: encoding), 10)
        }
    }

    func testEditsApplyAtUTF16Positions() {
        let edited = lines.applying(Range(start: Position(line: 0, character: 8), end: Position(line: 0, character: 10)), "!", encoding: .utf16)
        XCTAssertEqual(edited, "title: é!x\r\nsecond\rthird\n")
        let past = lines.applying(Range(start: Position(line: 9, character: 0), end: Position(line: 9, character: 0)), "end", encoding: .utf16)
        XCTAssertEqual(past, "title: é😀x\r\nsecond\rthird\nend")
    }
}
