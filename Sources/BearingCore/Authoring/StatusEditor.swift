import Foundation

/// `bearing status`: changes a document's status in its file, touching only the line that holds
/// it (SPEC §8): the front matter's `status:` value (its quotes, a trailing comment and the line
/// ending kept), else the body's status (Nygard's `## Status` paragraph, MADR 2's
/// `* Status: …` bullet). Pure text in, text out.
public enum StatusEditor {
    public enum Failure: Error, CustomStringConvertible, Equatable {
        case noStatus(String)
        case unknownStatus(String, valid: [String])
        case noDocument(String)
        case unreadable(String)

        public var description: String {
            switch self {
            case .noDocument(let id): "no document has the id '\(id)'"
            case .unreadable(let path): "'\(path)' could not be read"
            case .noStatus(let path): "'\(path)' has no status line to change: add 'status:' to its front matter"
            case .unknownStatus(let status, let valid): "'\(status)' is not a status of this workflow: \(valid.joined(separator: ", "))"
            }
        }
    }

    /// The file's text with the value of the front matter key at `line` (1-based) replaced by
    /// `value`; nil when that line holds no such key.
    public static func replacingValue(in text: String, key: String, line: Int, with value: String) -> String? {
        var lines = Lines(text)
        guard line >= 1, line <= lines.count else { return nil }
        let content = lines.content(line)
        guard let range = valueRange(in: content, key: key) else { return nil }
        let old = content[range]
        let quote = old.first == "\"" || old.first == "'" ? String(old.first!) : ""
        lines.setContent(line, String(content[..<range.lowerBound]) + quote + value + quote + String(content[range.upperBound...]))
        return lines.text
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
        while end < line.endIndex {
            if line[end] == "#", end > start, line[line.index(before: end)] == " " { break }
            end = line.index(after: end)
        }
        while end > start, line[line.index(before: end)] == " " || line[line.index(before: end)] == "\t" { end = line.index(before: end) }
        return start..<end
    }

    /// The file's text with `key: value` added on a new line after `line`, in the file's line ending.
    public static func insertingKey(in text: String, key: String, value: String, after line: Int) -> String {
        var lines = Lines(text)
        lines.insert("\(key): \(value)", after: line)
        return lines.text
    }

    /// The file's text with the status word of its body changed from `old` to `new`: in the first
    /// paragraph under a `Status` heading, or on a `* Status:` bullet. The new word takes the old
    /// one's capitalisation (`Accepted` → `Superseded`). Nil when the body states no status.
    public static func replacingBodyStatus(in text: String, from old: String, to new: String) -> String? {
        var lines = Lines(text)
        var underStatusHeading = false
        for n in 1...max(1, lines.count) where n <= lines.count {
            let content = lines.content(n)
            let trimmed = content.trimmingSpaces()
            if trimmed.hasPrefix("#") {
                let title = trimmed.drop { $0 == "#" }.trimmingSpaces().lowercased()
                underStatusHeading = trimmed.hasPrefix("##") && title == "status"
                continue
            }
            let bullet = trimmed.lowercased().hasPrefix("* status:") || trimmed.lowercased().hasPrefix("- status:")
            guard underStatusHeading && !trimmed.isEmpty || bullet else { continue }
            guard let range = content.range(of: old, options: .caseInsensitive) else {
                if underStatusHeading { return nil }
                continue
            }
            let word = content[range]
            let replacement = word.first?.isUppercase == true ? new.prefix(1).uppercased() + new.dropFirst() : new
            lines.setContent(n, content.replacingCharacters(in: range, with: replacement))
            return lines.text
        }
        return nil
    }
}

/// A text as lines that keep their own endings (`\n`, `\r\n` or none at the end), so an edit
/// changes nothing but the line it touches.
struct Lines {
    private var items: [(content: String, ending: String)] = []

    init(_ text: String) {
        var content: [UInt8] = []
        var bytes = Array(text.utf8)[...]
        while let byte = bytes.popFirst() {
            if byte == UInt8(ascii: "\n") {
                let crlf = content.last == UInt8(ascii: "\r")
                if crlf { content.removeLast() }
                items.append((String(decoding: content, as: UTF8.self), crlf ? "\r\n" : "\n"))
                content = []
            } else {
                content.append(byte)
            }
        }
        if !content.isEmpty { items.append((String(decoding: content, as: UTF8.self), "")) }
    }

    var count: Int { items.count }

    func content(_ line: Int) -> String { items[line - 1].content }

    mutating func setContent(_ line: Int, _ content: String) { items[line - 1].content = content }

    /// A new line after `line`, ending as the file's first line does.
    mutating func insert(_ content: String, after line: Int) {
        let ending = items.first.map { $0.ending.isEmpty ? "\n" : $0.ending } ?? "\n"
        if line - 1 < items.count, items[line - 1].ending.isEmpty { items[line - 1].ending = ending }
        items.insert((content, ending), at: min(line, items.count))
    }

    var text: String { items.map { $0.content + $0.ending }.joined() }
}
