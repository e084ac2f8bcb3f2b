/// The bounds a Markdown body must stay within before cmark-gfm is given it. cmark-gfm's cost
/// grows with nesting and with the number of inline delimiters, and the packaged library still
/// has upstream's known quadratic inputs; these checks are one linear pass over the bytes, so the
/// same body is always cut the same way. What they cut is shown as plain text, with a `limit`
/// diagnostic (docs/security.md gives the measurements behind each figure).
public enum MarkdownLimits {
    /// Block containers (`>`, `-`, `*`, `+`, `1.`) opened at the start of one line.
    public static let maxContainerDepth = 32
    /// Bytes that can each become a node of cmark's tree (delimiters, brackets, `<`, `&`, `\`, line
    /// ends; `www.` counts 4): about 250 bytes of memory each inside cmark.
    public static let maxMarkupBytes = 400_000
    /// Bodies with more markup bytes than this are parsed first in a child process with a CPU
    /// limit (MarkdownTrial): below it even upstream's quadratic shapes take milliseconds.
    public static let trialMarkupBytes = 4_096

    /// Why a body was not given to cmark-gfm, and the body line (1-based) to point at.
    public struct Cut: Sendable, Hashable {
        public var message: String
        public var line: Int
    }

    /// What one pass over the body found.
    struct Scan {
        var cut: Cut?
        var markupBytes = 0
    }

    static func scan(_ body: String) -> Scan {
        var scan = Scan()
        var line = 1
        var atLineStart = true
        var depth = 0
        var bytes = body.utf8.makeIterator()
        var pending: UInt8? = nil
        var ws = 0
        while let byte = pending ?? bytes.next() {
            pending = nil
            if isMarkup(byte) { scan.markupBytes += 1 }
            // `www.` starts an autolink (the extension makes a link and text nodes of it).
            if byte == UInt8(ascii: "w") { ws += 1 } else {
                if byte == UInt8(ascii: "."), ws >= 3 { scan.markupBytes += 4 }
                ws = 0
            }
            if byte == UInt8(ascii: "\n") {
                line += 1
                atLineStart = true
                depth = 0
                continue
            }
            guard atLineStart else { continue }
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                continue
            case UInt8(ascii: ">"):
                depth += 1
            case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"):
                // A bullet opens a list only when a space (or the line end) follows.
                guard let next = bytes.next() else { break }
                if next == UInt8(ascii: " ") || next == UInt8(ascii: "\t") { depth += 1 } else { atLineStart = false }
                pending = next
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                // An ordered marker: digits, then `.` or `)`. Digits alone end the markers (text).
                var next = bytes.next()
                while let digit = next, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) { next = bytes.next() }
                if let mark = next, mark == UInt8(ascii: ".") || mark == UInt8(ascii: ")") { depth += 1 }
                else { atLineStart = false; pending = next }
            default:
                atLineStart = false
            }
            if depth > maxContainerDepth {
                scan.cut = Cut(message: "more than \(maxContainerDepth) nested quotes or lists on one line", line: line)
                return scan
            }
        }
        if scan.markupBytes > maxMarkupBytes {
            scan.cut = Cut(message: "more than \(maxMarkupBytes) Markdown markup characters (delimiters, brackets, line breaks)", line: 1)
        }
        return scan
    }

    /// Bytes after which cmark may start a new inline or block node.
    private static func isMarkup(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "!"),
             UInt8(ascii: "<"), UInt8(ascii: "&"), UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "\n"), UInt8(ascii: "|"),
             UInt8(ascii: "@"), UInt8(ascii: ":"), UInt8(ascii: ">"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }
}
