import Foundation

/// The property every diagnostic keeps: it names a file of the knowledge base, a line from 1 to
/// the file's lines + 1 and a column from 1 to the line's length + 1 (in Unicode scalars, an upper
/// bound of the characters columns count). The property tests and the fuzz targets check it
/// (docs/security.md).
public enum DiagnosticPlacement {
    /// Each diagnostic (or related location) outside its file, described.
    public static func misplaced(_ diagnostics: [Diagnostic], files: [String: [UInt8]]) -> [String] {
        var problems: [String] = []
        for diagnostic in diagnostics {
            for location in [diagnostic.location] + diagnostic.related {
                let text = DiagnosticFormat.text.render([diagnostic]).trimmingCharacters(in: .newlines)
                guard let bytes = files[location.path] else {
                    problems.append("\(text) — '\(location.path)' is not a file of the knowledge base")
                    continue
                }
                if let problem = outside(line: location.line, column: location.column, in: bytes) { problems.append("\(text) — \(problem)") }
            }
        }
        return problems
    }

    /// Why (line, column) is not a position of `bytes`, or nil when it is. Lines end at `\n`, or
    /// as libyaml counts them (cmark-gfm too, for `\r`), also at a lone `\r`, U+0085, U+2028 and
    /// U+2029: either count is accepted (docs/security.md).
    public static func outside(line: Int, column: Int, in bytes: [UInt8]) -> String? {
        guard let problem = outside(line: line, column: column, in: lines(of: bytes, endingAtCR: false)) else { return nil }
        return outside(line: line, column: column, in: lines(of: bytes, endingAtCR: true)) == nil ? nil : problem
    }

    private static func lines(of bytes: [UInt8], endingAtCR: Bool) -> [ArraySlice<UInt8>] {
        guard endingAtCR else { return bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) }
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var i = 0
        while i < bytes.count {
            var width = 0
            if bytes[i] == UInt8(ascii: "\n") { width = 1 }
            else if bytes[i] == UInt8(ascii: "\r") { width = i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\n") ? 2 : 1 }
            else if bytes[i] == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0x85 { width = 2 }
            else if bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 { width = 3 }
            if width > 0 {
                lines.append(bytes[start..<i])
                i += width
                start = i
            } else {
                i += 1
            }
        }
        lines.append(bytes[start...])
        return lines
    }

    private static func outside(line: Int, column: Int, in lines: [ArraySlice<UInt8>]) -> String? {
        guard line >= 1, line <= lines.count + 1 else { return "line \(line) outside 1…\(lines.count + 1)" }
        let length = line <= lines.count ? String(decoding: lines[line - 1], as: UTF8.self).unicodeScalars.count : 0
        guard column >= 1, column <= length + 1 else { return "column \(column) outside 1…\(length + 1) of line \(line)" }
        return nil
    }
}
