import Foundation
import Testing
@testable import BearingLanguageServer

@Suite struct LineIndexTests {
    /// "é" is one scalar and one UTF-16 unit; "😀" is one scalar and two UTF-16 units.
    let lines = LineIndex("title: é😀x\r\nsecond\rthird\n")

    @Test func linesEndAtEveryKindOfBreak() {
        #expect(lines.lineCount == 4)
        #expect(lines.line(0) == "title: é😀x")
        #expect(lines.line(1) == "second")
        #expect(lines.line(2) == "third")
        #expect(lines.line(3) == "")
    }

    @Test func columnsConvertInEachEncoding() {
        // Column 10 (1-based scalars) is the "x" after the emoji.
        #expect(lines.position(line: 1, column: 10, encoding: .utf32) == Position(line: 0, character: 9))
        #expect(lines.position(line: 1, column: 10, encoding: .utf16) == Position(line: 0, character: 10))
        #expect(lines.position(line: 1, column: 10, encoding: .utf8) == Position(line: 0, character: 13))
        for encoding in [PositionEncoding.utf8, .utf16, .utf32] {
            let position = lines.position(line: 1, column: 10, encoding: encoding)
            #expect(lines.column(of: position, encoding: encoding) == 10)
        }
    }

    @Test func editsApplyAtUTF16Positions() {
        let edited = lines.applying(Range(start: Position(line: 0, character: 8), end: Position(line: 0, character: 10)), "!", encoding: .utf16)
        #expect(edited == "title: é!x\r\nsecond\rthird\n")
        let past = lines.applying(Range(start: Position(line: 9, character: 0), end: Position(line: 9, character: 0)), "end", encoding: .utf16)
        #expect(past == "title: é😀x\r\nsecond\rthird\nend")
    }
}
