/// The body's bytes as cmark reads them and where each of cmark's lines starts, to check and
/// correct inline positions reported by cmark and to turn them into positions of the body.
///
/// cmark ends a line at `\n`, `\r\n` and also at a lone `\r`, and reads a NUL byte as U+FFFD;
/// Bearing counts lines at `\n` only (as the front matter split and the placement check do).
/// So cmark's line and byte column are converted here into the body's line and character
/// column: a lone `\r` is a character of the line, not a break (docs/security.md).
struct BodyLines {
    /// The body's UTF-8, NUL replaced by U+FFFD as cmark does, so cmark's byte columns index it.
    private let bytes: [UInt8]
    /// Byte offset of the first byte of each of cmark's lines.
    private let starts: [Int]
    /// For each of cmark's lines: the body line (at `\n` only) it is part of, and how many
    /// characters of that body line come before it (nonzero only after a lone `\r`).
    private let bodyLines: [(line: Int, characters: Int)]

    init(_ body: String) {
        var body = body
        (bytes, starts, bodyLines) = body.withUTF8 { Self.lines(of: $0) }
    }

    /// One pass over contiguous bytes by index (a String's byte iterator cost several times as
    /// much, and this ran twice per document). Characters are counted only on a line with a lone
    /// `\r`, the one case that needs them.
    private static func lines(of body: UnsafeBufferPointer<UInt8>) -> ([UInt8], [Int], [(line: Int, characters: Int)]) {
        var bytes: [UInt8]
        if body.contains(0) {
            bytes = []
            bytes.reserveCapacity(body.count + 16)
            for byte in body {
                if byte == 0 { bytes.append(contentsOf: [0xEF, 0xBF, 0xBD]) } else { bytes.append(byte) }
            }
        } else {
            bytes = Array(body)
        }
        var starts = [0]
        var bodyLines = [(line: 1, characters: 0)]
        bytes.withUnsafeBufferPointer { bytes in
            var line = 1
            // Characters of the body line before `counted`.
            var characters = 0
            var counted = 0
            let count = bytes.count
            var i = 0
            while i < count {
                let byte = bytes[i]
                i += 1
                // Only `\n` (10) and `\r` (13) end lines.
                guard byte <= 13 else { continue }
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    characters = 0
                    counted = i
                    starts.append(i)
                    bodyLines.append((line, 0))
                } else if byte == UInt8(ascii: "\r"), i == count || bytes[i] != UInt8(ascii: "\n") {
                    // Every scalar has exactly one byte that is not a continuation byte (10xxxxxx).
                    for j in counted..<i where bytes[j] & 0xC0 != 0x80 { characters += 1 }
                    counted = i
                    starts.append(i)
                    bodyLines.append((line, characters))
                }
            }
        }
        return (bytes, starts, bodyLines)
    }

    /// Whether `body` has a `\r` (cmark's lines may then differ from the body's).
    static func containsCR(_ body: String) -> Bool {
        var body = body
        return body.withUTF8 { $0.contains(UInt8(ascii: "\r")) }
    }

    /// The bytes of cmark's 1-based line `number`, without its line break.
    private func line(_ number: Int) -> ArraySlice<UInt8>? {
        guard number >= 1, number <= starts.count else { return nil }
        let end = number < starts.count ? starts[number] - 1 : bytes.count
        return bytes[starts[number - 1]..<max(starts[number - 1], end)]
    }

    /// The body line (1-based, lines ending at `\n`) of cmark's line `number`; `number` itself
    /// when cmark's line is not in the body.
    func bodyLine(_ number: Int) -> Int {
        guard number >= 1, number <= bodyLines.count else { return number }
        return bodyLines[number - 1].line
    }

    /// The 1-based byte column of `needle` in cmark's line `number`, searched near `column`: forward first, then
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

    /// Converts cmark's (line, 1-based byte column) into the body's line and 1-based character
    /// (Unicode scalar) column.
    func position(line number: Int, byteColumn: Int) -> (line: Int, column: Int) {
        var cursor = ColumnCursor()
        return position(line: number, byteColumn: byteColumn, cursor: &cursor)
    }

    /// The same, continuing from the last conversion on the same line when it was at or before
    /// `byteColumn`: positions come in order, so a line with many links is counted once.
    func position(line number: Int, byteColumn: Int, cursor: inout ColumnCursor) -> (line: Int, column: Int) {
        guard let text = line(number) else { return (number, byteColumn) }
        let before = bodyLines[number - 1]
        guard byteColumn > 1 else { return (before.line, before.characters + max(byteColumn, 1)) }
        var from = (byte: 1, character: 1)
        if cursor.line == number, cursor.byte <= byteColumn { from = (cursor.byte, cursor.character) }
        let lower = text.startIndex + min(from.byte - 1, text.count)
        let upper = text.startIndex + min(byteColumn - 1, text.count)
        // Every scalar has exactly one byte that is not a continuation byte (10xxxxxx).
        let character = from.character + text[lower..<upper].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        cursor = ColumnCursor(line: number, byte: byteColumn, character: character)
        return (before.line, before.characters + character)
    }
}

/// Where the last byte-to-character column conversion ended.
struct ColumnCursor {
    var line = 0
    var byte = 1
    var character = 1
}
