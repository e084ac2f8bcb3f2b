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

    /// The 1-based byte column of `needle` in `line`, searching from `column`, else from the start.
    func column(of needle: [UInt8], line number: Int, from column: Int) -> Int? {
        guard let text = line(number), !needle.isEmpty else { return nil }
        let start = text.startIndex
        func search(from offset: Int) -> Int? {
            var i = start + max(0, offset)
            while i + needle.count <= text.endIndex {
                if text[i..<(i + needle.count)].elementsEqual(needle) { return i - start + 1 }
                i += 1
            }
            return nil
        }
        return search(from: column - 1) ?? search(from: 0)
    }

    /// Converts a 1-based byte column of a line into a 1-based character (Unicode scalar) column.
    func characterColumn(line number: Int, byteColumn: Int) -> Int {
        guard byteColumn > 1, let text = line(number) else { return byteColumn }
        // Every scalar has exactly one byte that is not a continuation byte (10xxxxxx).
        return text.prefix(byteColumn - 1).reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } + 1
    }
}
