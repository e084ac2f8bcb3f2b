/// A diagnostic as LSP carries it (`textDocument/publishDiagnostics`).
public struct LSPDiagnostic: Codable, Hashable, Sendable {
    public var range: Range
    /// 1 error, 2 warning, 3 information, 4 hint.
    public var severity: Int
    /// The rule's id (`unknown-goal`): what bearing.yml's `rules:` names.
    public var code: String
    public var source: String
    public var message: String
    public var relatedInformation: [RelatedInformation]?

    /// Another place the diagnostic is about, with what it is (a duplicate id's other file).
    public struct RelatedInformation: Codable, Hashable, Sendable {
        public var location: Location
        public var message: String
    }
}

/// `textDocument/publishDiagnostics`' params: every diagnostic of one file, with the version of
/// the open buffer they were found in (nil for a file the editor has not open).
public struct PublishDiagnosticsParams: Codable, Sendable {
    public var uri: String
    public var version: Int?
    public var diagnostics: [LSPDiagnostic]
}
