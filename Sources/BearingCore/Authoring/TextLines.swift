import Foundation

/// A text as lines that keep their own endings (`\n`, `\r\n` or none at the end), so an edit
/// changes nothing but the line it touches.
struct TextLines {
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

    /// The line ending the file uses (its first line's), `\n` for a one-line file.
    var ending: String { items.first.map { $0.ending.isEmpty ? "\n" : $0.ending } ?? "\n" }

    /// A new line after `line` (0: before the first), ending as the file's first line does.
    mutating func insert(_ content: String, after line: Int) {
        let ending = self.ending
        if line >= 1, line - 1 < items.count, items[line - 1].ending.isEmpty { items[line - 1].ending = ending }
        items.insert((content, ending), at: min(line, items.count))
    }

    mutating func remove(_ line: Int) { items.remove(at: line - 1) }

    var text: String { items.map { $0.content + $0.ending }.joined() }
}
