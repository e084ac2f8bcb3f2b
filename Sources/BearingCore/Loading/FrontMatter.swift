/// A document's text split into its YAML front matter block and its Markdown body,
/// remembering where each starts so diagnostics point at lines in the *file*.
public struct FrontMatter: Sendable, Hashable {
    /// The YAML text between the fences, or nil when the file has no front matter.
    public var yaml: String?
    /// File line (1-based) of the YAML block's first line.
    public var yamlFirstLine: Int
    /// The Markdown body.
    public var body: String
    /// File line (1-based) of the body's first line.
    public var bodyFirstLine: Int
    /// Set when an opening `---` is never closed; the whole file is then the body.
    public var unclosedAtLine: Int?
    /// True when blank lines or HTML comments (a licence header) came before the front matter:
    /// it then counts only if it is a mapping of fields (a `---` there may be a thematic break).
    public var afterLeadingComment = false

    /// Splits line by line: `---` on the first line (or after leading blank lines and HTML
    /// comments) opens, `---` or `...` closes. A UTF-8 BOM is dropped; CRLF and a missing final
    /// newline are accepted.
    public static func split(_ text: String, afterComments: Bool = true) -> FrontMatter {
        var utf8 = Substring(text).utf8[...]
        if utf8.starts(with: [0xEF, 0xBB, 0xBF]) { utf8 = utf8.dropFirst(3) }
        let whole = Substring(utf8)
        let noFrontMatter = FrontMatter(yaml: nil, yamlFirstLine: 0, body: String(whole), bodyFirstLine: 1, unclosedAtLine: nil)

        var lineStart = utf8.startIndex
        var firstLine = 1
        // A licence header (SPDX, REUSE) or blank lines may come before the front matter.
        if afterComments, let (start, line) = afterLeadingComments(utf8) {
            lineStart = start
            firstLine = line
        }
        guard let firstEnd = lineEnd(utf8, from: lineStart), isFence(utf8[lineStart..<firstEnd.content], "---") else {
            return noFrontMatter
        }
        lineStart = firstEnd.next
        let yamlStart = lineStart
        var line = firstLine + 1
        while lineStart < utf8.endIndex {
            guard let end = lineEnd(utf8, from: lineStart) else { break }
            let content = utf8[lineStart..<end.content]
            if isFence(content, "---") || isFence(content, "...") {
                let yaml = String(Substring(utf8[yamlStart..<lineStart]))
                let body = String(Substring(utf8[end.next...]))
                return FrontMatter(yaml: yaml, yamlFirstLine: firstLine + 1, body: body, bodyFirstLine: line + 1, unclosedAtLine: nil,
                                   afterLeadingComment: firstLine > 1)
            }
            lineStart = end.next
            line += 1
        }
        // Only a fence on the first line promises front matter; after a comment it may be a rule.
        guard firstLine == 1 else { return noFrontMatter }
        var unclosed = noFrontMatter
        unclosed.unclosedAtLine = 1
        return unclosed
    }

    /// Where the first line after leading blank lines and HTML comments starts, and its number,
    /// when there are such lines and a line follows them.
    private static func afterLeadingComments(_ utf8: Substring.UTF8View.SubSequence) -> (Substring.UTF8View.Index, Int)? {
        var start = utf8.startIndex
        var line = 1
        var inComment = false
        var skipped = false
        while let end = lineEnd(utf8, from: start) {
            let text = String(Substring(utf8[start..<end.content])).trimmingSpaces()
            if inComment {
                if text.contains("-->") { inComment = false }
            } else if text.isEmpty {
            } else if text.hasPrefix("<!--") {
                inComment = !text.dropFirst(4).contains("-->")
            } else {
                return skipped ? (start, line) : nil
            }
            skipped = true
            start = end.next
            line += 1
            // Bounded: a header is short.
            if line > 200 { return nil }
        }
        return nil
    }

    /// The end of the line's content (before `\r\n` or `\n`) and the start of the next line.
    private static func lineEnd(_ utf8: Substring.UTF8View.SubSequence, from start: Substring.UTF8View.Index) -> (content: Substring.UTF8View.Index, next: Substring.UTF8View.Index)? {
        guard start < utf8.endIndex else { return nil }
        var i = start
        while i < utf8.endIndex, utf8[i] != UInt8(ascii: "\n") { i = utf8.index(after: i) }
        var content = i
        if content > start, utf8[utf8.index(before: content)] == UInt8(ascii: "\r") {
            content = utf8.index(before: content)
        }
        let next = i < utf8.endIndex ? utf8.index(after: i) : i
        return (content, next)
    }

    private static func isFence(_ line: Substring.UTF8View.SubSequence, _ fence: String) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { trimmed = trimmed.dropLast() }
        return trimmed.elementsEqual(fence.utf8)
    }
}
