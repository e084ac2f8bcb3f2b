/// A place in a text document: 0-based line and character offset, the offset counted in the
/// position encoding agreed at `initialize` (UTF-16 code units unless the client offers another).
public struct Position: Codable, Hashable, Sendable, Comparable {
    public var line: Int
    public var character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    /// LSP's `uinteger` (0 to 2³¹ − 1): anything else a client sends is clamped into it, so that
    /// no arithmetic on a position can overflow.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        line = Self.clamped(try container.decode(Double.self, forKey: .line))
        character = Self.clamped(try container.decode(Double.self, forKey: .character))
    }

    private static func clamped(_ value: Double) -> Int {
        guard value.isFinite else { return value > 0 ? Int(Int32.max) : 0 }
        return Int(min(max(value.rounded(.down), 0), Double(Int32.max)))
    }

    private enum CodingKeys: String, CodingKey { case line, character }

    public static func < (a: Position, b: Position) -> Bool { (a.line, a.character) < (b.line, b.character) }
}

/// A span of a text document, end exclusive.
public struct Range: Codable, Hashable, Sendable {
    public var start: Position
    public var end: Position

    public init(start: Position, end: Position) {
        self.start = start
        self.end = end
    }

    public init(at position: Position) { self.init(start: position, end: position) }

    /// Whether the position is inside, ends included (a cursor just after a word is on it).
    public func contains(_ position: Position) -> Bool { start <= position && position <= end }
}

/// A span in a file of the workspace.
public struct Location: Codable, Hashable, Sendable {
    public var uri: String
    public var range: Range
}

/// How the client and server count characters in a line (LSP 3.17 `PositionEncodingKind`).
public enum PositionEncoding: String, Codable, Sendable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case utf32 = "utf-32"
}

public struct TextDocumentIdentifier: Codable, Hashable, Sendable {
    public var uri: String
}

/// The params of every request about one place in one file (hover, definition, completion, …).
public struct TextDocumentPositionParams: Codable, Sendable {
    public var textDocument: TextDocumentIdentifier
    public var position: Position
}

/// An edit of a text document: `range` replaced by `newText`.
public struct TextEdit: Codable, Hashable, Sendable {
    public var range: Range
    public var newText: String
}
