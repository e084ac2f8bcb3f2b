import Foundation
@testable import BearingCore

/// The property every diagnostic keeps: it names a file of the knowledge base, a line from 1 to
/// the file's lines + 1 and a column from 1 to the line's length + 1 (in Unicode scalars, an upper
/// bound of the characters columns count). The fuzz targets check the same (Fuzz/Sources/FuzzSupport).
enum DiagnosticPlacement {
    /// Each diagnostic (or related location) outside its file, described.
    static func misplaced(_ diagnostics: [Diagnostic], files: [String: [UInt8]]) -> [String] {
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

    /// Why (line, column) is not a position of `bytes`, or nil when it is.
    static func outside(line: Int, column: Int, in bytes: [UInt8]) -> String? {
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count + 1 else { return "line \(line) outside 1…\(lines.count + 1)" }
        let length = line <= lines.count ? String(decoding: lines[line - 1], as: UTF8.self).unicodeScalars.count : 0
        guard column >= 1, column <= length + 1 else { return "column \(column) outside 1…\(length + 1) of line \(line)" }
        return nil
    }
}
