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
        var body = body
        return body.withUTF8 { scan(bytes: $0) }
    }

    /// One pass over contiguous bytes, by index (a String's byte iterator cost four times as much,
    /// a noticeable share of `check` on 10,000 documents).
    private static func scan(bytes: UnsafeBufferPointer<UInt8>) -> Scan {
        var scan = Scan()
        var markupBytes = 0
        var line = 1
        var atLineStart = true
        var depth = 0
        var ws = 0
        var i = 0
        let count = bytes.count
        let (low, high) = (specialBelow64, special64To127)
        while i < count {
            let byte = bytes[i]
            i += 1
            // Most bytes are text in the middle of a line: they only end a run of `w`s.
            if !atLineStart, !isSpecial(byte, low, high) {
                ws = 0
                continue
            }
            if isMarkup(byte) { markupBytes += 1 }
            // `www.` starts an autolink (the extension makes a link and text nodes of it).
            if byte == UInt8(ascii: "w") { ws += 1 } else {
                if byte == UInt8(ascii: "."), ws >= 3 { markupBytes += 4 }
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
                // A bullet opens a list only when a space (or the line end) follows; the byte after
                // it is read by the loop as usual.
                guard i < count else { break }
                if bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") { depth += 1 } else { atLineStart = false }
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                // An ordered marker: digits, then `.` or `)`. Digits alone end the markers (text).
                var end = i
                while end < count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) { end += 1 }
                if end < count, bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: ")") {
                    depth += 1
                    i = end + 1
                } else {
                    atLineStart = false
                    i = end
                }
            default:
                atLineStart = false
            }
            if depth > maxContainerDepth {
                scan.markupBytes = markupBytes
                scan.cut = Cut(message: "more than \(maxContainerDepth) nested quotes or lists on one line", line: line)
                return scan
            }
        }
        scan.markupBytes = markupBytes
        if markupBytes > maxMarkupBytes {
            scan.cut = Cut(message: "more than \(maxMarkupBytes) Markdown markup characters (delimiters, brackets, line breaks)", line: 1)
        }
        return scan
    }

    /// The bytes the scan does more with than end a run of `w`s: markup, `w` and `.`, as two bit
    /// sets (bytes 0–63 and 64–127).
    private static let (specialBelow64, special64To127): (UInt64, UInt64) = {
        var sets: (UInt64, UInt64) = (0, 0)
        for byte in "*_~[]!<&\\`\n|@:>-w.".utf8 {
            if byte < 64 { sets.0 |= 1 << UInt64(byte) } else { sets.1 |= 1 << UInt64(byte - 64) }
        }
        return sets
    }()

    @inline(__always) private static func isSpecial(_ byte: UInt8, _ low: UInt64, _ high: UInt64) -> Bool {
        if byte < 64 { return low >> UInt64(byte) & 1 != 0 }
        if byte < 128 { return high >> UInt64(byte - 64) & 1 != 0 }
        return false
    }

    /// Bytes after which cmark may start a new inline or block node.
    @inline(__always) private static func isMarkup(_ byte: UInt8) -> Bool {
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
