/// Values left unfilled from a template, which are never data:
/// `{{ page.date }}`, `{proposed | rejected | accepted}`, `[Date]`, `<name>`, `yyyy-mm-dd`,
/// `provisional|implementable|implemented`, `(leave this empty)`, `TBD`, `n/a`, `--`.
enum Placeholder {
    static func isPlaceholder(_ raw: String) -> Bool {
        let text = raw.trimmingSpaces()
        if text.isEmpty { return true }
        // Most values are plain words: no marker a placeholder needs, no year-pattern, not a short
        // unfilled word. Decided on bytes, without Foundation's string search.
        var copy = text
        if copy.withUTF8(isPlainValue) { return false }
        if text.contains("{{") || text.contains("{%") { return true }
        if text.hasPrefix("{"), text.hasSuffix("}") || text.contains("|") { return true }
        if text.hasPrefix("["), text.hasSuffix("]") { return true }
        // `<The EIP title is a few words>`, `<name>`: one pair of angle brackets around words (not HTML).
        if text.hasPrefix("<"), text.hasSuffix(">"), !text.contains("@"), text.filter({ $0 == "<" || $0 == ">" }).count == 2,
           !text.dropFirst().hasPrefix("/"), !text.contains("=") { return true }
        let lower = text.lowercased()
        if unfilled.contains(lower) { return true }
        // `(name of the main author)`, `(find a buddy later to help out with the RFC)`: a value all in parentheses.
        if lower.hasPrefix("("), lower.hasSuffix(")"), lower.dropFirst().firstIndex(of: "(") == nil { return true }
        if lower.contains("yyyy") || lower.contains("dd-mm") || lower.contains("mm-dd") { return true }
        // A list of choices: `provisional|implementable|implemented` or `a | b | c`.
        if text.filter({ $0 == "|" }).count >= 1, !text.contains(" "), text.split(separator: "|").count >= 2 { return true }
        if text.split(separator: "|").count >= 3 { return true }
        return false
    }

    /// Longer than four bytes, not starting with a marker (`{[<(|`), no `|`, no year-pattern and no `{{`:
    /// certainly not a placeholder.
    private static func isPlainValue(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count > 4, let first = bytes.first else { return false }
        switch first {
        case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "<"), UInt8(ascii: "("), UInt8(ascii: "|"): return false
        default: break
        }
        if bytes.contains(UInt8(ascii: "|")) { return false }
        return !containsASCII(bytes, "yyyy") && !containsASCII(bytes, "dd-mm") && !containsASCII(bytes, "mm-dd")
            && !containsASCII(bytes, "{{")
    }

    /// Whether `bytes` contain `needle` (ASCII, any case), without allocating.
    private static func containsASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        needle.withUTF8Buffer { target in
            guard let head = target.first, bytes.count >= target.count else { return false }
            var i = 0
            while i + target.count <= bytes.count {
                if lowerASCII(bytes[i]) == head {
                    var k = 1
                    while k < target.count, lowerASCII(bytes[i + k]) == target[k] { k += 1 }
                    if k == target.count { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// Whether `bytes` contain `needle` (ASCII, any case).
    static func containsASCII(_ bytes: String.UTF8View, _ needle: StaticString) -> Bool {
        let target = needle.withUTF8Buffer { Array($0) }
        guard let head = target.first, bytes.count >= target.count else { return false }
        var i = bytes.startIndex
        while i != bytes.endIndex {
            if lowerASCII(bytes[i]) == head {
                var j = i, k = 0
                while k < target.count, j != bytes.endIndex, lowerASCII(bytes[j]) == target[k] { j = bytes.index(after: j); k += 1 }
                if k == target.count { return true }
            }
            i = bytes.index(after: i)
        }
        return false
    }

    private static func lowerASCII(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }

    /// A template's title: a placeholder, or one with `{…}` holes (`ADR {ADR-NUMBER}: {TITLE}`), or empty.
    /// `Proposal: [Title]`, `Title`, `Replace this with your awesome OTEP title` are a template's too.
    static func isTemplateTitle(_ title: String) -> Bool {
        let text = title.trimmingSpaces()
        let lower = text.lowercased()
        if text.isEmpty || isPlaceholder(text) || (text.contains("{") && text.contains("}")) { return true }
        if lower == "title" || lower.hasPrefix("replace this") { return true }
        for (open, close) in [("[", "]"), ("<", ">")] {
            if let start = lower.range(of: open), let end = lower.range(of: close, range: start.upperBound..<lower.endIndex),
               lower[start.upperBound..<end.lowerBound].contains("title") { return true }
        }
        return false
    }

    /// A template of records (`adr-template.md`, `NNNN-kep-template/README.md`, `TEMPLATE.md`): what
    /// it states outside front matter are examples to replace (`@jane.doe`), not data.
    static func isTemplatePath(_ path: String) -> Bool {
        guard containsASCII(path.utf8, "templat") else { return false }
        let parts = path.split(separator: "/")
        guard let file = parts.last else { return false }
        return isTemplateName(file.hasSuffix(".md") ? file.dropLast(3) : file) || parts.dropLast().last.map(isTemplateName) == true
    }

    /// A name whose last word is `template` (`0000-template`, `adr-template`, `NNNN-kep-template`,
    /// `templates`), with at most two words before it: `0001-use-templates-for-emails` is not one.
    static func isTemplateName(_ name: Substring) -> Bool {
        let words = name.lowercased().split { $0 == "-" || $0 == "_" || $0 == "." || $0 == " " }
        guard let last = words.last, words.count <= 3 else { return false }
        return last == "template" || last == "templates"
    }

    private static let unfilled: Set<String> = [
        "tbd", "tba", "todo", "n/a", "na", "none", "-", "--", "—", "–", "...", "…", "?", "xxx", "xxxx", "(tbd)",
    ]
}
