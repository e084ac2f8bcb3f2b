/// One Markdown file read from the knowledge base, before any parsing.
public struct SourceFile: Sendable, Hashable {
    /// Path relative to the KB root, with `/` separators.
    public var path: String
    /// The file's text, decoded as UTF-8 (invalid sequences replaced and reported).
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}
