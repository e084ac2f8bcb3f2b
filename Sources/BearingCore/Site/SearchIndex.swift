/// The client-side search index: one script (`_bearing/search-index.js`) that sets
/// `window.BEARING_SEARCH`, so search works from `file://` too, where a page may not fetch a JSON
/// file. Each entry is `[id, title, type, status, tags, href, text]`: `href` from the site's root,
/// `text` the body's words (the first `textLimit` characters), tags joined by spaces.
enum SearchIndex {
    static let textLimit = 3000

    static func script(_ entries: [[String]]) -> String {
        var output: [UInt8] = []
        for (i, entry) in entries.enumerated() {
            if i > 0 { output += ",\n".utf8 }
            append(entry, to: &output)
        }
        return String(decoding: Array(script(parts: [output]).joined()), as: UTF8.self)
    }

    /// The script from parts each holding entries separated by `,\n` (empty parts hold none), as
    /// pieces to write one after the other.
    static func script(parts: [[UInt8]]) -> [[UInt8]] {
        var pieces: [[UInt8]] = []
        var script = Script()
        script.start { pieces.append($0) }
        for part in parts { script.add(part) { pieces.append($0) } }
        script.finish { pieces.append($0) }
        return pieces
    }

    /// The script written as its parts come, in order: the opening, the parts (each holding entries
    /// separated by `,\n`; empty ones hold none) separated by `,\n`, then the closing.
    struct Script {
        private var empty = true

        func start(_ emit: ([UInt8]) -> Void) {
            emit(Array("window.BEARING_SEARCH=[\n".utf8))
        }

        mutating func add(_ part: [UInt8], _ emit: ([UInt8]) -> Void) {
            guard !part.isEmpty else { return }
            if !empty { emit(Array(",\n".utf8)) }
            emit(part)
            empty = false
        }

        func finish(_ emit: ([UInt8]) -> Void) {
            emit(Array((empty ? "];\n" : "\n];\n").utf8))
        }
    }

    /// One entry, `[…]`, its fields JSON strings safe in a script.
    static func append(_ entry: [String], to output: inout [UInt8]) {
        output.append(UInt8(ascii: "["))
        for (j, field) in entry.enumerated() {
            if j > 0 { output.append(UInt8(ascii: ",")) }
            JSONWriter.writeString(field, into: &output, htmlSafe: true)
        }
        output.append(UInt8(ascii: "]"))
    }

    static func entry(_ document: Document, href: String) -> [String] {
        [document.id, document.title, document.type.rawValue, document.status, document.tags.joined(separator: " "), href,
         plainText(fromHTML: document.body.html ?? "", limit: textLimit)]
    }

    /// The text of rendered HTML: tags dropped (a tag ends a word), the five entities the
    /// renderer writes decoded, runs of white space as one space.
    static func plainText(fromHTML html: String, limit: Int) -> String {
        var html = html
        return html.withUTF8 { plainText(fromHTML: $0, limit: limit) }
    }

    private static func plainText(fromHTML html: UnsafeBufferPointer<UInt8>, limit: Int) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(min(html.count, limit * 2))
        var inTag = false
        var space = true
        var characters = 0
        var i = 0
        while i < html.count {
            let byte = html[i]
            i += 1
            if inTag { if byte == UInt8(ascii: ">") { inTag = false }; continue }
            var out = byte
            switch byte {
            case UInt8(ascii: "<"): inTag = true; out = UInt8(ascii: " ")
            case UInt8(ascii: "&"):
                if let (decoded, length) = entity(html, at: i) { out = decoded; i += length }
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

    private static func entity(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (UInt8, Int)? {
        for entity in entities where start + entity.name.count <= bytes.count
            && entity.name.indices.allSatisfy({ bytes[start + $0] == entity.name[$0] }) {
            return (entity.value, entity.name.count)
        }
        return nil
    }
}
