import Foundation
import Testing
@testable import BearingCore

/// Issue 14: escape sequences and line breaks in file names and field values once reached the
/// terminal raw, so a knowledge base could print a forged "all checks passed".
@Suite struct TerminalSafeTests {
    @Test func controlsBidiAndLineBreaksAreEscaped() {
        #expect("plain → text — ok".terminalSafe == "plain → text — ok")
        #expect("a\u{1B}[2Jb".terminalSafe == #"a\x1b[2Jb"#)
        #expect("a\nb\rc\td".terminalSafe == #"a\nb\rc\td"#)
        #expect("\u{0}\u{7F}\u{9B}31m".terminalSafe == #"\x00\x7f\x9b31m"#)
        #expect("abc\u{202E}txt.exe\u{2066}\u{2069}\u{2028}".terminalSafe == #"abc\u202etxt.exe\u2066\u2069\u2028"#)
        // Other characters near them stay: U+2030 (‰), U+00A0, U+2065.
        #expect("‰\u{A0}\u{2065}é".terminalSafe == "‰\u{A0}\u{2065}é")
    }

    @Test func linesKeepTheirBreaks() {
        #expect("one\ntwo\tthree\r\nfour\rfive\u{1B}[0m".terminalSafeLines == "one\ntwo\tthree\r\nfour\\rfive\\x1b[0m")
    }

    @Test func diagnosticsAreOneLineEach() {
        let forged = Diagnostic(.warning, .unknownStatus, "unknown status 'draft\n0 errors, all checks passed\u{1B}[8m'",
                                at: SourceLocation(path: "briefs/b\u{1B}[31m\n.md", line: 3, column: 9), related: [SourceLocation(path: "x\ry.md", line: 1, column: 1)])
        let text = DiagnosticFormat.text.render([forged])
        #expect(text == #"briefs/b\x1b[31m\n.md:3:9: warning: unknown status 'draft\n0 errors, all checks passed\x1b[8m' [unknown-status]"# + "\n"
                + #"x\ry.md:1:1: note: see also"# + "\n")
        let github = DiagnosticFormat.github.render([forged])
        #expect(!github.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" } && github.split(separator: "\n").count == 1, "\(github.debugDescription)")
    }

    /// JSON stays JSON: control, C1 and bidi characters as `\u` escapes, which decode to the same text.
    @Test func jsonEscapesWhatATerminalWouldActOn() throws {
        let value = "a\u{1B}b\u{7F}c\u{9B}d\u{202E}e\u{2067}f\u{2028}g"
        let json = try JSONWriter.encode([value])
        #expect(!json.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || (0x2028...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) },
                "\(json.debugDescription)")
        #expect(try JSONDecoder().decode([String].self, from: Data(json.utf8)) == [value])
    }
}
