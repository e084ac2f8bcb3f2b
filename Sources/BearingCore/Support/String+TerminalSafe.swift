/// Text from a knowledge base (file names, field values, messages quoting them) made safe to
/// print: an escape sequence, a carriage return or a bidi override in a file name could
/// otherwise rewrite the terminal's screen or a CI log ("all checks passed"). Control characters
/// (C0, DEL, C1), the bidi embedding, override and isolate controls (U+202A–202E, U+2066–2069)
/// and the line and paragraph separators (U+2028, U+2029) are written as escapes, as Python
/// writes them: `\n`, `\r`, `\t`, `\x1b`, `\x9b`, `\u202e`. Backslashes stay as they are.
extension String {
    /// One line: line breaks and tabs escaped too, so a value cannot start a line of its own.
    public var terminalSafe: String { TerminalText.escaped(self, keepingLines: false) }

    /// Lines: `\n` and `\t` kept (and `\r` right before `\n`); everything else escaped as in `terminalSafe`.
    public var terminalSafeLines: String { TerminalText.escaped(self, keepingLines: true) }
}

enum TerminalText {
    /// Works on UTF-8 bytes: a report of megabytes full of `→` and `—` (0xE2 …) stays fast.
    static func escaped(_ text: String, keepingLines: Bool) -> String {
        var text = text
        return text.withUTF8 { bytes in
            guard let first = firstEscape(bytes, keepingLines: keepingLines) else { return nil }
            var output: [UInt8] = Array(bytes[..<first])
            output.reserveCapacity(bytes.count + 16)
            var i = first
            while i < bytes.count {
                let length = escapeLength(bytes, at: i, keepingLines: keepingLines)
                guard length > 0 else {
                    output.append(bytes[i])
                    i += 1
                    continue
                }
                output += escape(bytes, at: i, length: length).utf8
                i += length
            }
            return String(decoding: output, as: UTF8.self)
        } ?? text
    }

    private static func firstEscape(_ bytes: UnsafeBufferPointer<UInt8>, keepingLines: Bool) -> Int? {
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xE2, escapeLength(bytes, at: i, keepingLines: keepingLines) > 0 { return i }
            i += 1
        }
        return nil
    }

    /// How many bytes at `i` make one character to escape (0: none).
    private static func escapeLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, keepingLines: Bool) -> Int {
        let byte = bytes[i]
        switch byte {
        case 0x0A, 0x09: return keepingLines ? 0 : 1
        case 0x0D: return keepingLines && i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 0 : 1
        case 0x00..<0x20, 0x7F: return 1
        case 0xC2: return i + 1 < bytes.count && (0x80...0x9F).contains(bytes[i + 1]) ? 2 : 0
        case 0xE2:
            guard i + 2 < bytes.count else { return 0 }
            let (b1, b2) = (bytes[i + 1], bytes[i + 2])
            return (b1 == 0x80 && (0xA8...0xAE).contains(b2)) || (b1 == 0x81 && (0xA6...0xA9).contains(b2)) ? 3 : 0
        default: return 0
        }
    }

    private static func escape(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, length: Int) -> String {
        switch length {
        case 1:
            switch bytes[i] {
            case 0x0A: return "\\n"
            case 0x0D: return "\\r"
            case 0x09: return "\\t"
            default: return "\\x" + String(bytes[i], radix: 16).leftPadded(to: 2)
            }
        case 2: return "\\x" + String(bytes[i + 1], radix: 16)
        default: return "\\u" + String((UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F) | 0x2000, radix: 16)
        }
    }
}
