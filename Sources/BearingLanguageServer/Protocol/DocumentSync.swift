// The params of the text synchronisation notifications (LSP 3.17 §"Text Document Synchronization").

/// A file as the editor opens it: its URI, language, version and whole text.
public struct TextDocumentItem: Codable, Sendable {
    public var uri: String
    public var languageId: String?
    public var version: Int
    public var text: String
}

/// `textDocument/didOpen`'s params: the file the editor opened, with its text.
public struct DidOpenTextDocumentParams: Codable, Sendable {
    public var textDocument: TextDocumentItem
}

/// A file and the version of its text in the editor (nil: the editor did not say).
public struct VersionedTextDocumentIdentifier: Codable, Sendable {
    public var uri: String
    public var version: Int?
}

/// One change of a `didChange`: a range replaced, or (without a range) the whole new text.
public struct TextDocumentContentChangeEvent: Codable, Sendable {
    public var range: Range?
    public var text: String

    public init(range: Range? = nil, text: String) {
        self.range = range
        self.text = text
    }
}

/// `textDocument/didChange`'s params: the file, its new version and the changes, in order.
public struct DidChangeTextDocumentParams: Codable, Sendable {
    public var textDocument: VersionedTextDocumentIdentifier
    public var contentChanges: [TextDocumentContentChangeEvent]
}

/// `textDocument/didClose`'s params: the file the editor closed (its text is the disk's again).
public struct DidCloseTextDocumentParams: Codable, Sendable {
    public var textDocument: TextDocumentIdentifier
}

/// `textDocument/didSave`'s params: the file the editor saved.
public struct DidSaveTextDocumentParams: Codable, Sendable {
    public var textDocument: TextDocumentIdentifier
}

/// A file created, changed or deleted on disk, as the client's file watcher saw it.
public struct FileEvent: Codable, Sendable {
    public var uri: String
    /// 1 created, 2 changed, 3 deleted.
    public var type: Int
}

/// `workspace/didChangeWatchedFiles`' params: the files that changed on disk.
public struct DidChangeWatchedFilesParams: Codable, Sendable {
    public var changes: [FileEvent]
}
