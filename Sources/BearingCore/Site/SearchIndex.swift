/// The client-side search index: one script (`_bearing/search-index.js`) that sets
/// `window.BEARING_SEARCH`, so search works from `file://` too, where a page may not fetch a JSON
/// file. Each entry is `[id, title, type, status, tags, href, text]`: `href` from the site's root,
/// `text` the body's words (the first `textLimit` characters), tags joined by spaces.
enum SearchIndex {
    static let textLimit = 3000

    static func script(_ entries: [[String]]) -> String {
        var output: [UInt8] = Array("window.BEARING_SEARCH=[\n".utf8)
        for (i, entry) in entries.enumerated() {
            output.append(UInt8(ascii: "["))
            for (j, field) in entry.enumerated() {
                if j > 0 { output.append(UInt8(ascii: ",")) }
                JSONWriter.writeString(field, into: &output, htmlSafe: true)
            }
            output += Array((i + 1 < entries.count ? "],\n" : "]\n").utf8)
        }
        output += Array("];\n".utf8)
        return String(decoding: output, as: UTF8.self)
    }

    static func entry(_ document: Document, href: String) -> [String] {
        [document.id, document.title, document.type.rawValue, document.status, document.tags.joined(separator: " "), href,
         plainText(fromHTML: document.body.html ?? "", limit: textLimit)]
    }

    /// The text of rendered HTML: tags dropped (a tag ends a word), the five entities the
    /// renderer writes decoded, runs of white space as one space.
    static func plainText(fromHTML html: String, limit: Int) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(min(html.utf8.count, limit * 2))
        var inTag = false
        var space = true
        var characters = 0
        var bytes = Array(html.utf8)[...]
        while let byte = bytes.first {
            bytes = bytes.dropFirst()
            if inTag { if byte == UInt8(ascii: ">") { inTag = false }; continue }
            var out = byte
            switch byte {
            case UInt8(ascii: "<"): inTag = true; out = UInt8(ascii: " ")
            case UInt8(ascii: "&"):
                if let (decoded, length) = entity(bytes) { out = decoded; bytes = bytes.dropFirst(length) }
            case UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"): out = UInt8(ascii: " ")
            default: break
            }
            if out == UInt8(ascii: " ") {
                if space { continue }
                space = true
            } else {
                space = false
            }
            // Counted at the first byte of each character, so the text never ends inside one.
            if out & 0xC0 != 0x80 {
                if characters == limit { break }
                characters += 1
            }
            output.append(out)
        }
        while output.last == UInt8(ascii: " ") { output.removeLast() }
        return String(decoding: output, as: UTF8.self)
    }

    private static let entities: [(name: [UInt8], value: UInt8)] = [
        (Array("amp;".utf8), UInt8(ascii: "&")), (Array("lt;".utf8), UInt8(ascii: "<")), (Array("gt;".utf8), UInt8(ascii: ">")),
        (Array("quot;".utf8), UInt8(ascii: "\"")), (Array("#39;".utf8), UInt8(ascii: "'")),
    ]

    private static func entity(_ bytes: ArraySlice<UInt8>) -> (UInt8, Int)? {
        for entity in entities where bytes.starts(with: entity.name) { return (entity.value, entity.name.count) }
        return nil
    }
}
