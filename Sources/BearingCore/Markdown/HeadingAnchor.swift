/// GitHub-style heading anchors: lowercase, punctuation removed, spaces to hyphens,
/// repeats numbered `-1`, `-2`, ….
struct HeadingAnchors {
    private var used: [String: Int] = [:]

    static func slug(_ text: String) -> String {
        var copy = text
        return copy.withUTF8(asciiSlug) ?? unicodeSlug(text)
    }

    /// The slug of any heading, scalar by scalar.
    static func unicodeSlug(_ text: String) -> String {
        var result = ""
        for scalar in text.lowercased().unicodeScalars {
            // ASCII first: Unicode property look-ups are slow and most headings are ASCII.
            let keep = scalar.isASCII
                ? (scalar.isASCIIAlphanumeric || scalar == "-" || scalar == "_")
                : scalar.properties.isAlphabetic
            if keep {
                result.unicodeScalars.append(scalar)
            } else if scalar == " " {
                result.append("-")
            }
        }
        return result
    }

    /// The slug of an all-ASCII heading, on bytes (most headings); nil when a byte is not ASCII.
    private static func asciiSlug(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var slug: [UInt8] = []
        slug.reserveCapacity(bytes.count)
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            let lower = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
            switch lower {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                slug.append(lower)
            case UInt8(ascii: " "):
                slug.append(UInt8(ascii: "-"))
            default:
                break
            }
        }
        return String(decoding: slug, as: UTF8.self)
    }

    mutating func next(for text: String) -> String {
        let base = Self.slug(text)
        if let count = used[base] {
            used[base] = count + 1
            return "\(base)-\(count)"
        }
        used[base] = 1
        return base
    }
}
