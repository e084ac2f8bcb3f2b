extension StringProtocol {
    /// The string without leading and trailing spaces, tabs and line breaks.
    func trimmingSpaces() -> String {
        // The common case, decided on the bytes: ASCII at both ends and no space there.
        let bytes = Substring(self).utf8
        guard let firstByte = bytes.first, let lastByte = bytes.last else { return "" }
        if firstByte < 0x80, lastByte < 0x80, !isASCIISpace(firstByte), !isASCIISpace(lastByte) { return String(self) }
        let scalars = Substring(self).unicodeScalars
        var trimmed = scalars[...]
        while let f = trimmed.first, isSpace(f) { trimmed = trimmed.dropFirst() }
        while let l = trimmed.last, isSpace(l) { trimmed = trimmed.dropLast() }
        return String(String.UnicodeScalarView(trimmed))
    }
}

/// Unicode's White_Space; ASCII without the (slow) property look-up.
private func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII ? isASCIISpace(UInt8(scalar.value)) : scalar.properties.isWhitespace
}

/// Tab, line feed, vertical tab, form feed, carriage return and space: ASCII's White_Space.
private func isASCIISpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (0x09...0x0D).contains(byte)
}

extension String {
    /// The string without leading and trailing characters from `set`.
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}

extension String {
    /// nil for the empty string.
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

extension String {
    /// The string without its trailing line breaks.
    func trimmingTrailingNewlines() -> String {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == "\n" { end = index(before: end) }
        return String(self[..<end])
    }
}
