/// The body's bytes and where each line starts, to check and correct inline positions
/// reported by cmark and to turn byte columns into character columns.
struct BodyLines {
    private let bytes: [UInt8]
    /// Byte offset of each line's first byte.
    private let starts: [Int]

    init(_ body: String) {
        bytes = Array(body.utf8)
        var starts = [0]
        for (i, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(i + 1) }
        self.starts = starts
    }

    /// The bytes of 1-based line `number`, without its line break.
    private func line(_ number: Int) -> ArraySlice<UInt8>? {
        guard number >= 1, number <= starts.count else { return nil }
        let end = number < starts.count ? starts[number] - 1 : bytes.count
        return bytes[starts[number - 1]..<max(starts[number - 1], end)]
    }

    /// The 1-based byte column of `needle` in `line`, searched near `column`: forward first, then
    /// backward, each within a window a few times the needle's length (escapes and entities make the
    /// source longer than the text cmark gives). Bounded so that many links on one line stay linear.
    func column(of needle: [UInt8], line number: Int, from column: Int) -> Int? {
        guard let text = line(number), !needle.isEmpty else { return nil }
        let start = text.startIndex
        let window = needle.count * 10 + 16
        let origin = start + min(max(0, column - 1), text.count)
        func matches(_ i: Int) -> Bool { i + needle.count <= text.endIndex && text[i..<(i + needle.count)].elementsEqual(needle) }
        for i in origin..<min(text.endIndex, origin + window) where matches(i) { return i - start + 1 }
        for i in stride(from: origin - 1, through: max(start, origin - window), by: -1) where matches(i) { return i - start + 1 }
        return nil
    }

    /// Converts a 1-based byte column of a line into a 1-based character (Unicode scalar) column.
    func characterColumn(line number: Int, byteColumn: Int) -> Int {
        var cursor = ColumnCursor()
        return characterColumn(line: number, byteColumn: byteColumn, cursor: &cursor)
    }

    /// The same, continuing from the last conversion on the same line when it was at or before
    /// `byteColumn`: positions come in order, so a line with many links is counted once.
    func characterColumn(line number: Int, byteColumn: Int, cursor: inout ColumnCursor) -> Int {
        guard byteColumn > 1, let text = line(number) else { return byteColumn }
        var from = (byte: 1, character: 1)
        if cursor.line == number, cursor.byte <= byteColumn { from = (cursor.byte, cursor.character) }
        let lower = text.startIndex + min(from.byte - 1, text.count)
        let upper = text.startIndex + min(byteColumn - 1, text.count)
        // Every scalar has exactly one byte that is not a continuation byte (10xxxxxx).
        let character = from.character + text[lower..<upper].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        cursor = ColumnCursor(line: number, byte: byteColumn, character: character)
        return character
    }
}

/// Where the last byte-to-character column conversion ended.
struct ColumnCursor {
    var line = 0
    var byte = 1
    var character = 1
}
