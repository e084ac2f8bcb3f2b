/// What Bearing needs from a Markdown body, as plain Swift values (no C types).
/// Lines are 1-based lines of the *body*; columns are 1-based UTF-8 byte offsets in that line
/// (0 = unknown). The model stage turns them into file positions.
public struct MarkdownDocument: Sendable, Hashable {
    /// Rendered HTML, when requested.
    public var html: String?
    /// Plain text of the first level-1 heading.
    public var title: String?
    public var headings: [MarkdownHeading] = []
    public var links: [MarkdownLink] = []
    /// Top-level blocks and the paragraphs of top-level list items, in order: what decision
    /// import reads (Nygard `## Status`, MADR 2 `* Status:` bullets, `Date:` lines).
    public var blocks: [MarkdownBlock] = []
    /// Fenced code blocks (query blocks are those whose info string is `bearing`).
    public var codeBlocks: [MarkdownCodeBlock] = []
    /// Set when the body went beyond a limit (MarkdownLimits): it is then shown as plain text and
    /// nothing else is read from it.
    public var cut: MarkdownLimits.Cut?

    public init() {}

    /// A body not given to cmark-gfm: its text, escaped, in a preformatted block.
    static func cut(_ body: String, _ cut: MarkdownLimits.Cut, renderHTML: Bool) -> MarkdownDocument {
        var document = MarkdownDocument()
        document.cut = cut
        if renderHTML { document.html = "<pre class=\"cut\">" + Escape.html(body) + "</pre>\n" }
        return document
    }
}

public struct MarkdownHeading: Sendable, Hashable {
    public var level: Int
    public var text: String
    /// The GitHub-style anchor (`## Decision Outcome` → `decision-outcome`), unique per document.
    public var anchor: String
    public var line: Int
}

public struct MarkdownLink: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case link, image, wikilink, autolink
    }

    public var kind: Kind
    /// The URL of a link or image; the target (before `#` and `|`) of a wikilink.
    public var destination: String
    /// For wikilinks: the part after `|`.
    public var label: String?
    /// The part after `#`: a heading of the target (for links the URL keeps it too).
    public var anchor: String?
    public var line: Int
    public var column: Int
}

public struct MarkdownBlock: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case heading(level: Int)
        case paragraph
        case listItem
        /// A row of a top-level table (the header row first).
        case tableRow
    }

    public var kind: Kind
    /// Plain text (inline markup removed); line breaks inside a paragraph are kept as `\n`.
    public var text: String
    public var line: Int
    /// The links written in this block: indices into the document's `links`.
    public var links: Range<Int>
    /// For a table row: its cells' plain text.
    public var cells: [String] = []

    /// The block's lines, each with its file line.
    public var lines: [(text: String, line: Int)] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { (String($1), line + $0) }
    }
}

public struct MarkdownCodeBlock: Sendable, Hashable {
    public var info: String
    public var literal: String
    /// Line of the opening fence.
    public var line: Int
    /// Column of the opening fence; the literal's lines start at this column too (cmark removes
    /// the indentation of the fence and of enclosing list items from them).
    public var column: Int = 1

    /// A ```` ```bearing ```` block: its info string's first word is `bearing`, in any case.
    public var isQuery: Bool { info.split(separator: " ").first?.lowercased() == "bearing" }
}
