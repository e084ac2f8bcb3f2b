import Foundation

/// The lines of one text, to turn Bearing's places (1-based line, 1-based column in Unicode
/// scalars) into LSP positions (0-based, in the agreed encoding) and back, and LSP positions into
/// offsets of the text (for edits). Lines end at LF, CRLF or CR, as LSP says.
public struct LineIndex: Sendable {
    public let text: String
    /// The UTF-8 offset where each line starts.
    private let starts: [Int]
    private let bytes: [UInt8]

    public init(_ text: String) {
        self.text = text
        bytes = Array(text.utf8)
        var starts = [0]
        var i = 0
        while i < bytes.count {
            if bytes[i] == 10 {
                starts.append(i + 1)
            } else if bytes[i] == 13 {
                if i + 1 < bytes.count, bytes[i + 1] == 10 { i += 1 }
                starts.append(i + 1)
            }
            i += 1
        }
        self.starts = starts
    }

    public var lineCount: Int { starts.count }

    /// The text of a 0-based line, without its line break ("" past the end).
    public func line(_ number: Int) -> Substring {
        guard number >= 0, number < starts.count else { return "" }
        let end = lineEnd(number)
        return Substring(String(decoding: bytes[starts[number]..<end], as: UTF8.self))
    }

    /// The UTF-8 offset where a 0-based line's text ends (before its break).
    private func lineEnd(_ number: Int) -> Int {
        var end = number + 1 < starts.count ? starts[number + 1] : bytes.count
        if end > starts[number], bytes[end - 1] == 10 { end -= 1 }
        if end > starts[number], bytes[end - 1] == 13 { end -= 1 }
        return end
    }

    /// The scalars of a 0-based line and where each starts in each encoding ("" past the end).
    /// Lines longer than `keptLength` bytes are kept once made (a buffer's index lives for one version).
    public func view(_ number: Int) -> LineView {
        guard number >= 0, number < starts.count else { return LineView("") }
        guard lineEnd(number) - starts[number] > Self.keptLength else { return LineView(line(number)) }
        return views.view(number) { LineView(line(number)) }
    }

    static let keptLength = 256
    private let views = ViewCache()

    /// The LSP position of a 1-based line and 1-based scalar column (0 or past the end: clamped).
    public func position(line: Int, column: Int, encoding: PositionEncoding) -> Position {
        let number = max(0, min(line - 1, starts.count - 1))
        return Position(line: number, character: view(number).units(before: column - 1, encoding))
    }

    /// The 1-based scalar column of an LSP position in its line (clamped to the line's end + 1).
    public func column(of position: Position, encoding: PositionEncoding) -> Int {
        view(position.line).scalarIndex(atUnits: position.character, encoding) + 1
    }

    /// The UTF-8 offset of an LSP position in the text (clamped to the line, and to the text).
    public func offset(of position: Position, encoding: PositionEncoding) -> Int {
        guard position.line < starts.count else { return bytes.count }
        guard position.line >= 0 else { return 0 }
        let view = view(position.line)
        return starts[position.line] + view.utf8Length(upTo: view.scalarIndex(atUnits: position.character, encoding))
    }

    /// The end of the text in an encoding.
    public func end(encoding: PositionEncoding) -> Position {
        let last = starts.count - 1
        let view = view(last)
        return Position(line: last, character: view.units(before: view.count, encoding))
    }

    /// The text with `range` replaced by `newText` (a `didChange` edit).
    public func applying(_ range: Range, _ newText: String, encoding: PositionEncoding) -> String {
        let from = offset(of: range.start, encoding: encoding)
        let to = max(from, offset(of: range.end, encoding: encoding))
        var result = Array(bytes[0..<from])
        result.append(contentsOf: newText.utf8)
        result.append(contentsOf: bytes[to...])
        return String(decoding: result, as: UTF8.self)
    }
}

/// The views of a text's long lines, made when first asked for (shared by copies of the index).
private final class ViewCache: @unchecked Sendable {
    private let lock = NSLock()
    private var views: [Int: LineView] = [:]

    func view(_ number: Int, make: () -> LineView) -> LineView {
        if let known = lock.withLock({ views[number] }) { return known }
        let made = make()
        lock.withLock { views[number] = made }
        return made
    }
}
