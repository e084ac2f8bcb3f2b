/// A file after the parse stage: front matter as YAML nodes, the body as Markdown values,
/// every position already a line and column of the file.
public struct ParsedDocument: Sendable, Hashable {
    public var path: String
    /// The front matter mapping's entries, in order (empty without front matter).
    public var fields: [YAMLPair]
    public var markdown: MarkdownDocument
    /// Problems found while reading and parsing this file.
    public var diagnostics: [Diagnostic]
    /// A metadata file beside a README.md (a KEP's `kep.yaml`): its path and fields.
    public var sidecar: Sidecar? = nil

    public struct Sidecar: Sendable, Hashable {
        public var path: String
        public var fields: [YAMLPair]
    }
}
