import BearingCore

/// The property every fuzz target checks: a diagnostic names a file of the knowledge base and a
/// line and column inside it (line 1…lines+1, column 1…length+1, lengths in Unicode scalars).
public enum LocationCheck {
    /// The first diagnostic that points outside its file, described; nil when all are inside.
    public static func outside(_ diagnostics: [Diagnostic], files: [String: [UInt8]]) -> String? {
        for diagnostic in diagnostics {
            let text = DiagnosticFormat.text.render([diagnostic])
            for location in [diagnostic.location] + diagnostic.related {
                guard let bytes = files[location.path] else { return "\(text) \(location.path): no such file in the knowledge base" }
                if let problem = outside(line: location.line, column: location.column, in: bytes) { return "\(text) \(location.path): \(problem)" }
            }
        }
        return nil
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

    /// Stops the fuzzer with the diagnostic when one points outside its file.
    public static func require(_ diagnostics: [Diagnostic], files: [String: [UInt8]]) {
        if let problem = outside(diagnostics, files: files) { fatalError("diagnostic outside its file: \(problem)") }
    }
}
