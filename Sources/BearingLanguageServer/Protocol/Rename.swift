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

/// A change of several files, applied by the editor: either edits by URI (`changes`), or, when
/// the client says it takes them, edits and file operations in order (`documentChanges`).
public struct WorkspaceEdit: Encodable, Hashable, Sendable {
    public var changes: [String: [TextEdit]]?
    public var documentChanges: [DocumentChange]?
}

/// One step of `documentChanges`: a file's edits or a file's rename.
public enum DocumentChange: Encodable, Hashable, Sendable {
    case edit(TextDocumentEdit)
    case rename(RenameFile)

    /// Written as the step itself (LSP tells them apart by `kind`).
    public func encode(to encoder: Encoder) throws {
        switch self {
        case .edit(let edit): try edit.encode(to: encoder)
        case .rename(let rename): try rename.encode(to: encoder)
        }
    }
}

/// The edits of one file, for the version of it the editor has open (nil: as on disk).
public struct TextDocumentEdit: Encodable, Hashable, Sendable {
    public var textDocument: OptionalVersionedTextDocumentIdentifier
    public var edits: [TextEdit]
}

/// A file and the version of its text the positions refer to (nil: the file as on disk).
public struct OptionalVersionedTextDocumentIdentifier: Encodable, Hashable, Sendable {
    public var uri: String
    public var version: Int?

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(uri, forKey: .uri)
        // LSP wants the key with null for a file that is not open.
        try container.encode(version, forKey: .version)
    }

    enum CodingKeys: String, CodingKey { case uri, version }
}

/// A file renamed (never over an existing one).
public struct RenameFile: Encodable, Hashable, Sendable {
    public let kind = "rename"
    public var oldUri: String
    public var newUri: String
    public var options: Options? = Options()

    /// A rename never replaces a file that is there: the editor fails it instead.
    public struct Options: Encodable, Hashable, Sendable {
        public var overwrite = false
        public var ignoreIfExists = false
    }
}

/// What the client takes in a workspace edit (`capabilities.workspace.workspaceEdit`): edits as
/// `documentChanges`, and file renames among them. A client that says neither gets `changes`.
public struct WorkspaceEditSupport: Sendable, Hashable {
    public var documentChanges = false
    public var renamesFiles = false

    public init(documentChanges: Bool = false, renamesFiles: Bool = false) {
        self.documentChanges = documentChanges
        self.renamesFiles = renamesFiles
    }
}
