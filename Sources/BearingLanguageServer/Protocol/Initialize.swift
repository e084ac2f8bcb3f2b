/// The parts of `initialize`'s params the server reads.
public struct InitializeParams: Decodable, Sendable {
    public var processId: Int?
    public var rootUri: String?
    public var rootPath: String?
    public var workspaceFolders: [WorkspaceFolder]?
    public var capabilities: ClientCapabilities?

    /// A folder the editor has open: the knowledge base is the first one.
    public struct WorkspaceFolder: Codable, Sendable {
        public var uri: String
        public var name: String?
    }

    /// What the client can do, as far as the server asks: encodings, file watching, workspace edits.
    public struct ClientCapabilities: Decodable, Sendable {
        public var general: General?
        public var workspace: WorkspaceCapabilities?

        /// `general`: the position encodings the client offers, best first.
        public struct General: Decodable, Sendable {
            public var positionEncodings: [String]?
        }

        /// `workspace`: file watching and workspace edits.
        public struct WorkspaceCapabilities: Decodable, Sendable {
            public var didChangeWatchedFiles: DynamicRegistration?
            public var workspaceEdit: WorkspaceEditCapabilities?
        }

        /// What the client's workspace edits may hold: `documentChanges`, and which file operations.
        public struct WorkspaceEditCapabilities: Decodable, Sendable {
            public var documentChanges: Bool?
            public var resourceOperations: [String]?
        }

        /// Whether the server may register the capability later (`client/registerCapability`).
        public struct DynamicRegistration: Decodable, Sendable {
            public var dynamicRegistration: Bool?
        }
    }

    /// The folder the client opened: the first workspace folder, else the root URI, else the root path.
    public var folder: String? {
        if let uri = workspaceFolders?.first?.uri ?? rootUri, let path = DocumentURI.path(of: uri) { return path }
        return rootPath
    }

    /// The encoding to count characters in: UTF-32 (Bearing's own columns) or UTF-8 when the client
    /// offers one, else UTF-16, which every client supports.
    public var positionEncoding: PositionEncoding {
        let offered = capabilities?.general?.positionEncodings ?? []
        for preferred in [PositionEncoding.utf32, .utf8] where offered.contains(preferred.rawValue) { return preferred }
        return .utf16
    }

    /// What the client takes in workspace edits (a rename's file operations, a created document).
    public var editSupport: WorkspaceEditSupport {
        let edits = capabilities?.workspace?.workspaceEdit
        let documentChanges = edits?.documentChanges == true
        let operations = edits?.resourceOperations ?? []
        return WorkspaceEditSupport(documentChanges: documentChanges, renamesFiles: documentChanges && operations.contains("rename"),
                                    createsFiles: documentChanges && operations.contains("create"))
    }

    public var watchesFiles: Bool { capabilities?.workspace?.didChangeWatchedFiles?.dynamicRegistration == true }
}

/// What `initialize` answers.
struct InitializeResult: Encodable {
    var capabilities: [String: AnyEncodable]
    var serverInfo: ServerInfo

    struct ServerInfo: Encodable {
        var name: String
        var version: String
    }
}
