/// Escaping for every output context. Front matter text is untrusted: it always goes through one of these.
public enum Escape {
    /// Text in HTML element content and in quoted attribute values.
    public static func html(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
            || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }) else { return text }
        // On bytes: every escaped character is ASCII, so UTF-8 sequences pass through whole.
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): result += "&amp;".utf8
            case UInt8(ascii: "<"): result += "&lt;".utf8
            case UInt8(ascii: ">"): result += "&gt;".utf8
            case UInt8(ascii: "\""): result += "&quot;".utf8
            case UInt8(ascii: "'"): result += "&#39;".utf8
            default: result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// `html(text)` appended to `output` as UTF-8, without making a string.
    static func appendHTML(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for (i, byte) in bytes.enumerated() {
                let entity: StaticString
                switch byte {
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "\""): entity = "&quot;"
                case UInt8(ascii: "'"): entity = "&#39;"
                default: continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                output.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                start = i + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }

    /// Inline Markdown text: characters that would start markup are backslash-escaped, line
    /// breaks become spaces, so a title cannot break a table row or inject a link or a tag.
    /// Characters that are markup only in some places (`_` inside a word, `&` not starting an
    /// entity, `#` and `!` not starting a heading or an image) stay as they are, so text pasted
    /// into chat does not fill with backslashes.
    public static func markdown(_ text: String) -> String {
        guard text.utf8.contains(where: markdownSpecial.contains) else { return text }
        let characters = Array(text.unicodeScalars)
        var result = ""
        for (i, character) in characters.enumerated() {
            let previous = i > 0 ? characters[i - 1] : nil
            let next = i + 1 < characters.count ? characters[i + 1] : nil
            switch character {
            case "\\", "`", "*", "[", "]", "<", ">", "|", "~":
                result += "\\" + String(character)
            case "_" where !(previous.map(isWordCharacter) ?? false) || !(next.map(isWordCharacter) ?? false):
                result += "\\_"
            case "&" where startsEntity(characters, at: i + 1):
                result += "\\&"
            case "#" where i == 0, "!" where next == "[":
                result += "\\" + String(character)
            case "\n", "\r":
                result += " "
            default:
                result.unicodeScalars.append(character)
            }
        }
        return result
    }

    /// Bytes that may need an escape in Markdown; text without any is returned as is.
    private static let markdownSpecial: Set<UInt8> = Set("\\`*[]<>|~_&#!\n\r".utf8)

    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }

    /// `&amp;`, `&#39;`, `&#x27;`: what a Markdown renderer would read as an entity.
    private static func startsEntity(_ characters: [Unicode.Scalar], at start: Int) -> Bool {
        var i = start
        while i < characters.count, i - start < 32, characters[i].properties.isAlphabetic || ("0"..."9").contains(characters[i]) || characters[i] == "#" {
            i += 1
        }
        return i > start && i < characters.count && characters[i] == ";"
    }

    /// A link destination for Markdown and HTML: spaces, parentheses, angle brackets, quotes and
    /// non-ASCII characters percent-encoded; other characters kept.
    public static func url(_ text: String) -> String {
        guard text.utf8.contains(where: needsPercentEncoding) else { return text }
        return percentEncoded(text) { !needsPercentEncoding($0) }
    }

    /// A file path as a URL path: ASCII letters, digits, `/`, `:` and `-._~!$&'()*+,;=@` kept,
    /// everything else (`#`, `?`, `%`, spaces, non-ASCII) percent-encoded.
    public static func path(_ text: String) -> String {
        percentEncoded(text) { isUnreserved($0) || pathSafe.contains($0) }
    }

    /// A value for a URL's query (`?q=…`): everything but ASCII letters, digits and `-._~` encoded.
    public static func queryValue(_ text: String) -> String {
        percentEncoded(text, keeping: isUnreserved)
    }

    private static let pathSafe = Set("/:!$&'()*+,;=@".utf8)

    /// RFC 3986's unreserved characters: ASCII letters and digits, `-._~`.
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte | 0x20) && byte < 0x80
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
    }

    /// The UTF-8 bytes `keeping` accepts as they are, every other one as `%XX`.
    private static func percentEncoded(_ text: String, keeping: (UInt8) -> Bool) -> String {
        var result = ""
        for byte in text.utf8 {
            if keeping(byte) { result.unicodeScalars.append(Unicode.Scalar(byte)) }
            else { result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2) }
        }
        return result
    }
}

private func needsPercentEncoding(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: " "), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"),
         UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "\\"), UInt8(ascii: "`"), 0..<0x20, 0x7F...0xFF: return true
    default: return false
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
