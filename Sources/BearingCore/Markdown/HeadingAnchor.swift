/// GitHub-style heading anchors: lowercase, punctuation removed, spaces to hyphens,
/// repeats numbered `-1`, `-2`, ….
struct HeadingAnchors {
    private var used: [String: Int] = [:]

    static func slug(_ text: String) -> String {
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
