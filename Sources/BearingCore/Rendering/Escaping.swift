/// Escaping for every output context. Front matter text is untrusted: it always goes through one of these.
public enum Escape {
    /// Text in HTML element content and in quoted attribute values.
    public static func html(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    /// Inline Markdown text: characters that would start markup are backslash-escaped, line
    /// breaks become spaces, so a title cannot break a table row or inject a link.
    public static func markdown(_ text: String) -> String {
        var result = ""
        for character in text.unicodeScalars {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "!", "~", "&": result += "\\" + String(character)
            case "\n", "\r": result += " "
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    /// A link destination for Markdown and HTML: spaces, parentheses, angle brackets, quotes and
    /// non-ASCII characters percent-encoded; other characters kept.
    public static func url(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"),
                 UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "\\"), UInt8(ascii: "`"), 0..<0x20, 0x7F...0xFF:
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            default: result.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return result
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
