/// `textDocument/documentSymbol`'s params.
public struct DocumentSymbolParams: Codable, Sendable {
    public var textDocument: TextDocumentIdentifier
}

/// `workspace/symbol`'s params: what the user typed.
public struct WorkspaceSymbolParams: Codable, Sendable {
    public var query: String
}

/// An LSP `SymbolKind`: the icon an editor shows next to a symbol (only the kinds used here).
public struct SymbolKind: Codable, Hashable, Sendable {
    public var rawValue: Int

    public init(rawValue: Int) { self.rawValue = rawValue }

    /// A kind is written as its number.
    public init(from decoder: Decoder) throws { rawValue = try decoder.singleValueContainer().decode(Int.self) }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static let file = SymbolKind(rawValue: 1)
    public static let `class` = SymbolKind(rawValue: 5)
    public static let property = SymbolKind(rawValue: 7)
    public static let interface = SymbolKind(rawValue: 11)
    public static let string = SymbolKind(rawValue: 15)
    public static let array = SymbolKind(rawValue: 18)
    public static let event = SymbolKind(rawValue: 24)
}

/// A symbol of one document, with the symbols inside it (an outline).
public struct DocumentSymbol: Codable, Hashable, Sendable {
    public var name: String
    public var detail: String?
    public var kind: SymbolKind
    /// Everything the symbol covers (a heading: its section).
    public var range: Range
    /// What to select when the symbol is picked (a heading: its line), inside `range`.
    public var selectionRange: Range
    public var children: [DocumentSymbol]?
}

/// A symbol of the workspace: a document, where it is and the id it goes by.
public struct SymbolInformation: Codable, Hashable, Sendable {
    public var name: String
    public var kind: SymbolKind
    public var location: Location
    public var containerName: String?
}
