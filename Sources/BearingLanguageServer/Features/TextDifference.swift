/// The edit that turns a file's text into another: the lines between the first and the last that
/// differ replaced whole. What a code action sends for a change that BearingCore made to the
/// whole text (a status set, a list merged), so that the editor touches only those lines and keeps
/// its cursor, marks and folds elsewhere.
enum TextDifference {
    /// The edit from `old` to `new`; nil when they are the same.
    static func edit(from old: LineIndex, to new: String, encoding: PositionEncoding) -> TextEdit? {
        let before = lines(of: old.text)
        let after = lines(of: new)
        guard before != after else { return nil }
        var prefix = 0
        while prefix < before.count, prefix < after.count, before[prefix] == after[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < before.count - prefix, suffix < after.count - prefix,
              before[before.count - 1 - suffix] == after[after.count - 1 - suffix] {
            suffix += 1
        }
        let endLine = before.count - suffix
        let start = Position(line: prefix, character: 0)
        // The end of a last line without a break is the end of the text, not the start of a next line.
        let end = endLine < old.lineCount && (endLine < before.count || old.text.hasSuffixLineBreak)
            ? Position(line: endLine, character: 0) : old.end(encoding: encoding)
        let replaced = after[prefix..<(after.count - suffix)].joined()
        return TextEdit(range: Range(start: start, end: end), newText: replaced)
    }

    /// The lines of a text, each with its break (LF, CRLF or CR, as LineIndex counts them).
    static func lines(of text: String) -> [String] {
        var lines: [String] = []
        var current: [UInt8] = []
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            current.append(bytes[i])
            if bytes[i] == 13, i + 1 < bytes.count, bytes[i + 1] == 10 {
                current.append(10)
                i += 1
            }
            if bytes[i] == 10 || bytes[i] == 13 {
                lines.append(String(decoding: current, as: UTF8.self))
                current = []
            }
            i += 1
        }
        if !current.isEmpty { lines.append(String(decoding: current, as: UTF8.self)) }
        return lines
    }
}

private extension String {
    var hasSuffixLineBreak: Bool { utf8.last == 10 || utf8.last == 13 }
}
