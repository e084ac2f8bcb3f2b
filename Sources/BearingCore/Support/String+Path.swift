extension StringProtocol {
    /// Ends in `.md`, whatever the case (without lowercasing a copy).
    var isMarkdownPath: Bool {
        let tail = utf8.suffix(3)
        guard tail.count == 3 else { return false }
        let bytes = Array(tail)
        return bytes[0] == UInt8(ascii: ".") && bytes[1] | 0x20 == UInt8(ascii: "m") && bytes[2] | 0x20 == UInt8(ascii: "d")
    }
}

extension String {
    /// The part before the first `#` ends in `.md` (any case): a link to a heading of a Markdown
    /// file. A byte search, as `String.contains(String)` goes through Foundation on Linux.
    var hasMarkdownAnchor: Bool {
        guard let hash = utf8.firstIndex(of: UInt8(ascii: "#")) else { return false }
        return self[..<hash].isMarkdownPath
    }

    /// Percent-decoding that leaves malformed escapes as written.
    var removingPercentEncodingSafely: String {
        guard utf8.contains(UInt8(ascii: "%")) else { return self }
        var bytes: [UInt8] = []
        var utf8 = Array(self.utf8)[...]
        while let byte = utf8.first {
            if byte == UInt8(ascii: "%"), utf8.count >= 3,
               let value = UInt8(String(decoding: utf8.dropFirst().prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(3)
            } else {
                bytes.append(byte)
                utf8 = utf8.dropFirst()
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
