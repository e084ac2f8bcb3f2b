/// What a scan of a knowledge base found: the Markdown files to read, the other files (assets),
/// and a warning for each entry it left out that a user may have meant to include (a symbolic
/// link leaving the knowledge base, a fifo or device, a name that is not UTF-8).
public struct KnowledgeBaseScan: Sendable {
    /// Sorted by path.
    public var markdown: [KnowledgeBaseScanner.Entry]
    /// Relative paths, sorted.
    public var assets: [String]
    public var diagnostics: [Diagnostic]

    /// The rules of what a scan leaves out: `build` and `serve` list them even when they list no
    /// other warnings, as they say what is not published.
    public static let rules: Set<RuleID> = [.unsafeLink, .specialFile, .invalidFileName]

    public init(markdown: [KnowledgeBaseScanner.Entry] = [], assets: [String] = [], diagnostics: [Diagnostic] = []) {
        self.markdown = markdown
        self.assets = assets
        self.diagnostics = diagnostics
    }
}
