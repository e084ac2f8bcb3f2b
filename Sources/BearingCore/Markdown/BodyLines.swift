/// The body's lines as bytes, to check and correct inline positions reported by cmark.
struct BodyLines {
    let lines: [ArraySlice<UInt8>]

    init(_ body: String) {
        let bytes = Array(body.utf8)
        lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    }

    /// The 1-based byte column of `needle` in `line`, searching from `column`, else from the start.
    func column(of needle: [UInt8], line: Int, from column: Int) -> Int? {
        guard line >= 1, line <= lines.count, !needle.isEmpty else { return nil }
        let text = lines[line - 1]
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
}

extension BodyLines {
    /// Converts a 1-based byte column of a line into a 1-based character column.
    func characterColumn(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lines.count, byteColumn > 1 else { return byteColumn }
        let prefix = lines[line - 1].prefix(byteColumn - 1)
        return String(decoding: prefix, as: UTF8.self).unicodeScalars.count + 1
    }
}
