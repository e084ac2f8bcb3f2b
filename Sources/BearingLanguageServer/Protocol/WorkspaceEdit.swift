/// Changes to the workspace that the editor applies (the server never writes a file): text
/// edits by file URI, or, when files are created too, an ordered list of document changes.
public struct WorkspaceEdit: Encodable, Sendable, Hashable {
    public var changes: [String: [TextEdit]]?
    public var documentChanges: [DocumentChange]?

    /// Text edits only, by file URI (what every client supports).
    public init(changes: [String: [TextEdit]]) {
        self.changes = changes
        documentChanges = nil
    }

    /// Changes in order, files created among them (for a client that said it supports them).
    public init(documentChanges: [DocumentChange]) {
        changes = nil
        self.documentChanges = documentChanges
    }
}

/// One step of `documentChanges`: a file created or renamed, or edits of a text document
/// (written as the step itself: LSP tells them apart by `kind`).
public enum DocumentChange: Encodable, Sendable, Hashable {
    case create(CreateFile)
    case rename(RenameFile)
    case edit(TextDocumentEdit)

    public func encode(to encoder: Encoder) throws {
        switch self {
        case .create(let create): try create.encode(to: encoder)
        case .rename(let rename): try rename.encode(to: encoder)
        case .edit(let edit): try edit.encode(to: encoder)
        }
    }
}

/// A new, empty file (`kind: create`); the text comes in a `TextDocumentEdit` after it. An
/// existing file is neither overwritten nor an error to ignore: the edit then fails.
public struct CreateFile: Encodable, Sendable, Hashable {
    public let kind = "create"
    public var uri: String

    public init(uri: String) { self.uri = uri }
}

/// A file renamed (never over an existing one: the editor fails the edit instead).
public struct RenameFile: Encodable, Hashable, Sendable {
    public let kind = "rename"
    public var oldUri: String
    public var newUri: String
    public var options: Options? = Options()

    /// Neither overwrite an existing file nor ignore it: the editor fails the rename instead.
    public struct Options: Encodable, Hashable, Sendable {
        public var overwrite = false
        public var ignoreIfExists = false
    }
}

/// What the client takes in a workspace edit (`capabilities.workspace.workspaceEdit`): edits as
/// `documentChanges`, and which file operations among them. A client that says none gets `changes`.
public struct WorkspaceEditSupport: Sendable, Hashable {
    public var documentChanges = false
    public var renamesFiles = false
    public var createsFiles = false

    public init(documentChanges: Bool = false, renamesFiles: Bool = false, createsFiles: Bool = false) {
        self.documentChanges = documentChanges
        self.renamesFiles = renamesFiles
        self.createsFiles = createsFiles
    }
}

/// Edits of one text document; `version` nil (written as null) for a file the editor has not open.
public struct TextDocumentEdit: Encodable, Sendable, Hashable {
    public var textDocument: VersionedDocument
    public var edits: [TextEdit]

    public init(uri: String, version: Int?, edits: [TextEdit]) {
        textDocument = VersionedDocument(uri: uri, version: version)
        self.edits = edits
    }

    /// `OptionalVersionedTextDocumentIdentifier`: the version is always written, null included.
    public struct VersionedDocument: Encodable, Sendable, Hashable {
        public var uri: String
        public var version: Int?

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(uri, forKey: .uri)
            try container.encode(version, forKey: .version)
        }

        enum CodingKeys: String, CodingKey { case uri, version }
    }
}
