/// Edits of a file's front matter that touch only the lines they must: a value replaced in place
/// (its quotes and a trailing comment kept), an item merged into a list in the list's own form
/// (`[a, b]` or `- a` lines), a key added after an anchor line, a front matter block added to a
/// file that has none. Each returns nil when the file's form is not one it can edit safely.
public enum FrontMatterEdit {
    /// `item` merged into the list at `key` of the front matter of the file at `path` whose text is
    /// `text` (see `merging(_:into:in:fields:)`); a file without front matter gets one holding
    /// `key: [item]`. Nil when the front matter's form is not one this can edit safely. What the
    /// language server's code actions offer, as `bearing status` and `bearing new` would write it.
    public static func merging(_ item: String, into key: String, in text: String, path: String) -> String? {
        let fields = DocumentParser.parse(SourceFile(path: path, text: text)).fields
        if fields.isEmpty, !text.hasPrefix("---") { return addingFrontMatter([(key, "[\(YAMLScalar.text(item))]")], to: text) }
        return merging(item, into: key, in: text, fields: fields)
    }

    /// A `key: value` line (`value` as YAML text, written as given: `[]`) added to the front
    /// matter of the file at `path` after its `status` line, else at the end of the block; a file
    /// without front matter gets one. Nil when the key is there already or the block's form is
    /// not one this can edit safely.
    public static func adding(_ key: String, yaml value: String, in text: String, path: String) -> String? {
        let fields = DocumentParser.parse(SourceFile(path: path, text: text)).fields
        if fields.isEmpty, !text.hasPrefix("---") { return addingFrontMatter([(key, value)], to: text) }
        guard !fields.contains(where: { $0.key == key }) else { return nil }
        var lines = TextLines(text)
        return adding("\(key): \(value)", to: &lines, fields: fields)
    }

    /// The value of top-level `key` set to `value` (a YAML scalar text), or the key added after the
    /// `status` line (else at the end of the block).
    static func setting(_ key: String, to value: String, in text: String, fields: [YAMLPair]) -> String? {
        var lines = TextLines(text)
        if let pair = fields.first(where: { $0.key == key }) {
            guard pair.value.sequence == nil, pair.value.mapping == nil || pair.value.isPlaceholder,
                  pair.keyLine >= 1, pair.keyLine <= lines.count else { return nil }
            let content = lines.content(pair.keyLine)
            guard let range = valueRange(in: content, key: key) else { return nil }
            let old = content[range]
            // A quoted value keeps its quotes when the new text needs none of its own.
            let quote = (old.first == "\"" || old.first == "'") && YAMLScalar.isPlainSafe(value) ? String(old.first!) : ""
            let written = quote.isEmpty ? YAMLScalar.text(value) : quote + value + quote
            lines.setContent(pair.keyLine, String(content[..<range.lowerBound]) + written + String(content[range.upperBound...]))
            return lines.text
        }
        return adding("\(key): \(YAMLScalar.text(value))", to: &lines, fields: fields)
    }

    /// `item` merged into the list at `key`: appended to `[a, b]` or to `- a` lines, a scalar
    /// turned into a list, the key added as `key: [item]` when absent. Unchanged when it holds it.
    static func merging(_ item: String, into key: String, in text: String, fields: [YAMLPair]) -> String? {
        var lines = TextLines(text)
        let written = YAMLScalar.text(item)
        guard let pair = fields.first(where: { $0.key == key }) else {
            return adding("\(key): [\(written)]", to: &lines, fields: fields)
        }
        if pair.value.isNull { return replaceValue(of: pair, in: &lines, key: key, with: "[\(written)]") }
        if let items = pair.value.sequence {
            if items.contains(where: { $0.string == item }) { return text }
            guard items.allSatisfy({ $0.string != nil }) else { return nil }
            if items.isEmpty || items.allSatisfy({ $0.line == pair.keyLine }) {
                // Flow form on the key's line: `key: [a, b]`.
                let content = lines.content(pair.keyLine)
                guard let range = valueRange(in: content, key: key), content[range].hasPrefix("["), content[range].hasSuffix("]") else { return nil }
                let inside = content[range].dropFirst().dropLast().trimmingSpaces()
                let list = "[" + (inside.isEmpty ? written : inside + ", " + written) + "]"
                lines.setContent(pair.keyLine, String(content[..<range.lowerBound]) + list + String(content[range.upperBound...]))
                return lines.text
            }
            // Block form: one `- item` line each, all on their own lines after the key.
            guard let last = items.last, last.line > pair.keyLine, last.line <= lines.count,
                  items.allSatisfy({ $0.line > pair.keyLine }) else { return nil }
            let lastLine = lines.content(last.line)
            guard let dash = lastLine.firstIndex(of: "-"), lastLine[..<dash].allSatisfy({ $0 == " " }) else { return nil }
            lines.insert(String(lastLine[..<dash]) + "- " + written, after: last.line)
            return lines.text
        }
        guard let existing = pair.value.string else { return nil }
        if existing == item { return text }
        return replaceValue(of: pair, in: &lines, key: key, with: "[\(YAMLScalar.text(existing)), \(written)]")
    }

    /// The line of top-level `key` removed, when its value is on that line alone.
    static func removing(_ key: String, in text: String, fields: [YAMLPair]) -> String? {
        guard let pair = fields.first(where: { $0.key == key }) else { return text }
        var lines = TextLines(text)
        guard pair.value.sequence == nil, pair.value.mapping == nil, pair.keyLine >= 1, pair.keyLine < lines.count,
              !isContinuation(lines.content(pair.keyLine + 1)) else { return nil }
        lines.remove(pair.keyLine)
        return lines.text
    }

    /// `---` / `key: value` lines / `---` at the top of a file that has no front matter.
    static func addingFrontMatter(_ entries: [(String, String)], to text: String) -> String {
        var lines = TextLines(text)
        let block = ["---"] + entries.map { "\($0.0): \($0.1)" } + ["---"]
        for line in block.reversed() { lines.insert(line, after: 0) }
        return lines.text
    }

    private static func replaceValue(of pair: YAMLPair, in lines: inout TextLines, key: String, with value: String) -> String? {
        guard pair.keyLine >= 1, pair.keyLine <= lines.count else { return nil }
        let content = lines.content(pair.keyLine)
        guard let range = valueRange(in: content, key: key) else { return nil }
        let before = content[..<range.lowerBound]
        lines.setContent(pair.keyLine, before + (before.hasSuffix(":") ? " " : "") + value + String(content[range.upperBound...]))
        return lines.text
    }

    /// A new top-level line after the `status` line, else at the end of the block: right after a
    /// one-line entry, else before the next top-level key or the closing fence (never inside a
    /// value written over several lines, however deep).
    private static func adding(_ line: String, to lines: inout TextLines, fields: [YAMLPair]) -> String? {
        guard let anchor = fields.first(where: { $0.key == "status" }) ?? fields.last, anchor.keyLine >= 1, anchor.keyLine <= lines.count else {
            return nil
        }
        let oneLine = anchor.value.sequence == nil && (anchor.value.mapping == nil || anchor.value.isPlaceholder)
            && anchor.keyLine < lines.count && !isContinuation(lines.content(anchor.keyLine + 1))
        var after = anchor.keyLine
        if !oneLine {
            let next = fields.map(\.keyLine).filter { $0 > anchor.keyLine }.min()
            guard let end = next ?? closingFence(after: anchor.keyLine, in: lines) else { return nil }
            after = end - 1
        }
        lines.insert(line, after: after)
        return lines.text
    }

    /// A line that belongs to the value above it: indented, or a `- ` item at the margin.
    private static func isContinuation(_ line: String) -> Bool {
        line.first == " " || line.first == "\t" || line.hasPrefix("- ") || line == "-"
    }

    /// The line of the fence that closes the front matter (`---` or `...` at the margin).
    private static func closingFence(after line: Int, in lines: TextLines) -> Int? {
        (line + 1...max(line + 1, lines.count)).first { $0 <= lines.count && ["---", "..."].contains(lines.content($0).trimmingSpaces()) && !lines.content($0).hasPrefix(" ") }
    }

    /// Where `key: value` keeps its value on a line: after `key:` and spaces, up to a ` #`
    /// comment or the end (trailing spaces left out); a quoted value with its quotes.
    static func valueRange(in line: String, key: String) -> Range<String.Index>? {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        guard trimmed.hasPrefix(key), trimmed.dropFirst(key.count).first == ":" else { return nil }
        var start = trimmed.index(trimmed.startIndex, offsetBy: key.count + 1)
        while start < line.endIndex, line[start] == " " || line[start] == "\t" { start = line.index(after: start) }
        if start < line.endIndex, line[start] == "\"" || line[start] == "'" {
            let quote = line[start]
            guard let close = line[line.index(after: start)...].firstIndex(of: quote) else { return nil }
            return start..<line.index(after: close)
        }
        var end = start
        var depth = 0
        while end < line.endIndex {
            if line[end] == "[" { depth += 1 }
            if line[end] == "]" { depth -= 1 }
            if line[end] == "#", depth <= 0, end > start, line[line.index(before: end)] == " " { break }
            end = line.index(after: end)
        }
        while end > start, line[line.index(before: end)] == " " || line[line.index(before: end)] == "\t" { end = line.index(before: end) }
        return start..<end
    }
}
