/// `textDocument/references`' params: a place, and whether the declaration counts as a reference.
public struct ReferenceParams: Codable, Sendable {
    public var textDocument: TextDocumentIdentifier
    public var position: Position
    public var context: Context?

    /// What the client wants besides the references themselves.
    public struct Context: Codable, Sendable {
        public var includeDeclaration: Bool
    }

    /// Whether the client asked for the declaration too (LSP makes the context required; a
    /// client that leaves it out gets it).
    public var includesDeclaration: Bool { context?.includeDeclaration ?? true }
}
