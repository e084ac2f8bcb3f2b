/// Finds `[[target]]`, `[[target|label]]` and `[[target#heading]]` in plain text
/// (text outside code; cmark has already removed code spans and blocks).
enum Wikilink {
    struct Found: Equatable {
        /// Byte offset of `[[` in the scanned text.
        var offset: Int
        /// The text between the brackets, as written.
        var raw: String
        var target: String
        var anchor: String?
        var label: String?
    }

    /// A quick byte check before the full scan.
    static func mayContain(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "["), previous == byte { return true }
            previous = byte
        }
        return false
    }

    static func scan(_ text: String) -> [Found] {
        let bytes = Array(text.utf8)
        var found: [Found] = []
        var i = 0
        while i + 4 <= bytes.count {
            guard bytes[i] == UInt8(ascii: "["), bytes[i + 1] == UInt8(ascii: "[") else { i += 1; continue }
            var j = i + 2
            var closed = false
            while j + 1 < bytes.count {
                if bytes[j] == UInt8(ascii: "]"), bytes[j + 1] == UInt8(ascii: "]") { closed = true; break }
                if bytes[j] == UInt8(ascii: "\n") || bytes[j] == UInt8(ascii: "[") { break }
                j += 1
            }
            guard closed else { i += 2; continue }
            let raw = String(decoding: bytes[(i + 2)..<j], as: UTF8.self)
            if let parsed = parse(raw, offset: i) { found.append(parsed) }
            i = j + 2
        }
        return found
    }

    static func parse(_ raw: String, offset: Int) -> Found? {
        var target = raw
        var label: String?
        if let bar = raw.firstIndex(of: "|") {
            target = String(raw[..<bar])
            label = String(raw[raw.index(after: bar)...]).trimmingSpaces()
        }
        var anchor: String?
        if let hash = target.firstIndex(of: "#") {
            anchor = String(target[target.index(after: hash)...]).trimmingSpaces()
            target = String(target[..<hash])
        }
        target = target.trimmingSpaces()
        guard !target.isEmpty || anchor != nil else { return nil }
        return Found(offset: offset, raw: raw, target: target, anchor: anchor, label: label)
    }
}
