/// `textDocument/rename`'s params: where, and the new name.
public struct RenameParams: Codable, Sendable {
    public var textDocument: TextDocumentIdentifier
    public var position: Position
    public var newName: String
}

/// What `textDocument/prepareRename` answers when a rename can start at a place: the range the
/// editor highlights and the name it offers to change.
public struct PrepareRenameResult: Codable, Hashable, Sendable {
    public var range: Range
    public var placeholder: String
}
