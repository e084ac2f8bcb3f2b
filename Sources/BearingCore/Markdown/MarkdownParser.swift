import CCmarkGFM
import Foundation

/// The one place that talks to cmark-gfm: parses a body with the GFM extensions, walks the
/// C tree once into `MarkdownDocument` values and frees it in the same scope.
///
/// cmark-gfm keeps process-global state in its inline parser when extensions are attached,
/// so parsing and rendering hold one lock; walking the tree and everything else in the
/// pipeline run in parallel around it.
public enum MarkdownParser {
    public struct Options: Sendable, Hashable {
        /// Render HTML as well as extracting structure. For the site, what only the whole KB can
        /// resolve is left as placeholders (BodyHTML fills them in): relative links and images get
        /// the URL `bearing:link/N`, wikilinks become links to `bearing:wikilink/N` (N: the index
        /// in `links`), and each query block becomes `<!--bearing:query/N-->` (N: its index among
        /// the query blocks).
        public var renderHTML: Bool
        /// With `renderHTML`: leave the placeholders above (a page of the KB); false renders links
        /// and wikilinks' text as written (a document that is not part of the KB, such as a digest).
        public var placeholders: Bool = true
        /// Pass raw HTML through instead of escaping it (`unsafe_html: true`).
        public var unsafeHTML: Bool

        public init(renderHTML: Bool = false, unsafeHTML: Bool = false) {
            self.renderHTML = renderHTML
            self.unsafeHTML = unsafeHTML
        }
    }

    private static let lock = NSLock()
    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    public static func parse(_ body: String, options: Options = Options()) -> MarkdownDocument {
        let cmarkOptions = CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES | (options.unsafeHTML ? CMARK_OPT_UNSAFE : 0)
        var text = body
        // Only parsing (the special-character table) and rendering are serialised; walking the
        // finished tree touches nothing shared, so it runs outside the lock.
        let parsed: (parser: OpaquePointer, root: OpaquePointer?)? = lock.withLock {
            cmark_gfm_core_extensions_ensure_registered()
            guard let parser = cmark_parser_new(cmarkOptions) else { return nil }
            for name in extensionNames {
                if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
            }
            text.withUTF8 { buffer in
                buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
            }
            return (parser, cmark_parser_finish(parser))
        }
        guard let parsed else { return MarkdownDocument() }
        defer { cmark_parser_free(parsed.parser) }
        guard let root = parsed.root else { return MarkdownDocument() }
        defer { cmark_node_free(root) }

        var walker = TreeWalker(body: body, unsafeHTML: options.unsafeHTML, rendering: options.renderHTML && options.placeholders)
        walker.visitBlocks(root, depth: 0)
        if options.renderHTML {
            walker.prepareForRendering()
            let html = lock.withLock {
                cmark_render_html(root, cmarkOptions & ~CMARK_OPT_SOURCEPOS, cmark_parser_get_syntax_extensions(parsed.parser))
            }
            if let html {
                walker.document.html = String(cString: html)
                free(html)
            }
        }
        return walker.document
    }
}

private struct TreeWalker {
    let body: String
    /// Built only when a wikilink's position needs checking.
    lazy var lines = BodyLines(body)
    let unsafeHTML: Bool
    var document = MarkdownDocument()
    var anchors = HeadingAnchors()
    var rawHTMLNodes: [OpaquePointer] = []
    var headingNodes: [(node: OpaquePointer, level: Int32, anchor: String)] = []
    /// For rendering: runs of text nodes holding wikilinks, and query code blocks.
    var wikilinkRuns: [(nodes: [OpaquePointer], text: String, links: [(found: Wikilink.Found, index: Int)])] = []
    var queryNodes: [OpaquePointer] = []
    let rendering: Bool

    init(body: String, unsafeHTML: Bool, rendering: Bool) {
        self.body = body
        self.unsafeHTML = unsafeHTML
        self.rendering = rendering
    }

    /// Walks block nodes; `depth` 0 is the document, 1 its children.
    mutating func visitBlocks(_ node: OpaquePointer, depth: Int) {
        var child = cmark_node_first_child(node)
        while let current = child {
            visitBlock(current, depth: depth + 1, parentType: cmark_node_get_type(node))
            child = cmark_node_next(current)
        }
    }

    private mutating func visitBlock(_ node: OpaquePointer, depth: Int, parentType: cmark_node_type) {
        let type = cmark_node_get_type(node)
        let line = Int(cmark_node_get_start_line(node))
        switch type {
        case CMARK_NODE_HEADING:
            let level = Int(cmark_node_get_heading_level(node))
            let linkStart = document.links.count
            var text = visitInlines(node, collectText: true)
            if text.utf8.contains(UInt8(ascii: "\n")) { text = text.replacingOccurrences(of: "\n", with: " ") }
            let anchor = anchors.next(for: text)
            document.headings.append(MarkdownHeading(level: level, text: text, anchor: anchor, line: line))
            if level == 1, document.title == nil { document.title = text }
            headingNodes.append((node, Int32(level), anchor))
            if depth == 1 { appendBlock(.heading(level: level), text, line, linkStart) }
        case CMARK_NODE_PARAGRAPH:
            // Plain text is needed only for the blocks decision import reads.
            let linkStart = document.links.count
            let isListItem = depth == 3 && parentType == CMARK_NODE_ITEM && isFirstChild(node)
            let text = visitInlines(node, collectText: depth == 1 || isListItem)
            if depth == 1 { appendBlock(.paragraph, text, line, linkStart) }
            else if isListItem { appendBlock(.listItem, text, line, linkStart) }
        case CMARK_NODE_CODE_BLOCK:
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            let block = MarkdownCodeBlock(info: info.trimmingSpaces(), literal: literal, line: line,
                                          column: Int(cmark_node_get_start_column(node)))
            document.codeBlocks.append(block)
            if rendering, block.isQuery { queryNodes.append(node) }
        case CMARK_NODE_HTML_BLOCK:
            if !unsafeHTML { rawHTMLNodes.append(node) }
        default:
            if depth == 1, let name = cmark_node_get_type_string(node), strcmp(name, "table") == 0 {
                visitTable(node)
            } else if cmark_node_first_child(node) != nil {
                // Containers (lists, items, quotes, tables, rows, cells): tables hold inlines in cells.
                if isInlineContainer(node) { _ = visitInlines(node, collectText: false) }
                else { visitBlocks(node, depth: depth) }
            }
        }
    }

    private func isFirstChild(_ node: OpaquePointer) -> Bool { cmark_node_previous(node) == nil }

    /// A top-level table: each row a block with its cells' plain text (metadata tables are read from them).
    private mutating func visitTable(_ table: OpaquePointer) {
        var row = cmark_node_first_child(table)
        while let current = row {
            let linkStart = document.links.count
            var cells: [String] = []
            var cell = cmark_node_first_child(current)
            while let node = cell {
                cells.append(visitInlines(node, collectText: true).trimmingSpaces())
                cell = cmark_node_next(node)
            }
            appendBlock(.tableRow, cells.joined(separator: " | "), Int(cmark_node_get_start_line(current)), linkStart, cells: cells)
            row = cmark_node_next(current)
        }
    }

    private func isInlineContainer(_ node: OpaquePointer) -> Bool {
        guard let child = cmark_node_first_child(node) else { return false }
        return isInline(child)
    }

    /// Inline node types, extensions' (strikethrough) included, share one type-mask bit.
    private func isInline(_ node: OpaquePointer) -> Bool {
        (Int32(bitPattern: cmark_node_get_type(node).rawValue) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_INLINE
    }

    private mutating func appendBlock(_ kind: MarkdownBlock.Kind, _ text: String, _ line: Int, _ linkStart: Int, cells: [String] = []) {
        document.blocks.append(MarkdownBlock(kind: kind, text: text, line: line, links: linkStart..<document.links.count, cells: cells))
    }

    /// Visits inline children, recording links and wikilinks; returns the plain text when
    /// `collectText` (otherwise ""). Text nodes become Swift strings only when needed: for the
    /// plain text, or from the first `[` on, for the wikilink scan.
    private mutating func visitInlines(_ node: OpaquePointer, collectText: Bool) -> String {
        var text = ""
        var run = TextRun()
        var child = cmark_node_first_child(node)
        while let current = child {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_TEXT {
                if let pointer = cmark_node_get_literal(current) {
                    let inRun = !run.text.isEmpty || strchr(pointer, Int32(UInt8(ascii: "["))) != nil
                    if collectText || inRun {
                        let literal = String(cString: pointer)
                        if inRun { run.append(literal, node: current, line: Int(cmark_node_get_start_line(current)), column: Int(cmark_node_get_start_column(current))) }
                        if collectText { text += literal }
                    }
                }
            } else {
                flush(&run)
                switch type {
                case CMARK_NODE_CODE:
                    if collectText { text += cmark_node_get_literal(current).map { String(cString: $0) } ?? "" }
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                    // Kept as line breaks: header lines (`Author: …` then `Last updated: …`) are read line by line.
                    if collectText { text += "\n" }
                case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                    recordLink(current, image: type == CMARK_NODE_IMAGE)
                    text += visitInlines(current, collectText: collectText)
                case CMARK_NODE_HTML_INLINE:
                    // Kept out of the plain text: inline HTML is markup (often a comment), not words.
                    if !unsafeHTML { rawHTMLNodes.append(current) }
                default:
                    text += visitInlines(current, collectText: collectText)
                }
            }
            child = cmark_node_next(current)
        }
        flush(&run)
        return text
    }

    private mutating func recordLink(_ node: OpaquePointer, image: Bool) {
        let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        if URLSafety.isDangerous(url) || url.hasPrefix(Self.placeholderScheme) {
            cmark_node_set_url(node, "")
        } else if rendering, Self.isRelative(url) {
            // Resolved once the whole KB is known: the page of the document it names, or the copied file.
            cmark_node_set_url(node, "\(Self.placeholderScheme)link/\(document.links.count)")
        }
        var line = Int(cmark_node_get_start_line(node))
        var column = Int(cmark_node_get_start_column(node))
        // The autolink extension's links have no position; nor has a paragraph cut short by a
        // table under it, nor its links: those point at the nearest container's position.
        let isAutolink = line == 0 && !image && Self.showsItsURL(node, url)
        if isAutolink { line = 0; column = 0 } else if line == 0 { (line, column) = nearestPosition(node) }
        let kind: MarkdownLink.Kind = image ? .image : (isAutolink ? .autolink : .link)
        let fragment = url.utf8.firstIndex(of: UInt8(ascii: "#")).map { String(url[url.index(after: $0)...]) }
        document.links.append(MarkdownLink(kind: kind, destination: url, label: nil, anchor: fragment, line: line, column: column))
    }

    private mutating func flush(_ run: inout TextRun) {
        defer { run = TextRun() }
        guard run.text.utf8.count >= 5, Wikilink.mayContain(run.text) else { return }
        var rendered: [(found: Wikilink.Found, index: Int)] = []
        defer { if rendering, !rendered.isEmpty { wikilinkRuns.append((run.nodes, run.text, rendered)) } }
        for found in Wikilink.scan(run.text) {
            rendered.append((found, document.links.count))
            var column = run.column + found.offset
            let needle = Array("[[\(found.raw)".utf8)
            if let corrected = lines.column(of: needle, line: run.line, from: column) { column = corrected }
            document.links.append(MarkdownLink(kind: .wikilink, destination: found.target, label: found.label,
                                               anchor: found.anchor, line: run.line, column: column))
        }
    }

    /// Whether a link's text is its URL (`www.x.org` for `http://www.x.org`): an autolink's.
    static func showsItsURL(_ node: OpaquePointer, _ url: String) -> Bool {
        guard let child = cmark_node_first_child(node), let literal = cmark_node_get_literal(child) else { return false }
        let text = String(cString: literal)
        return !text.isEmpty && url.hasSuffix(text)
    }

    /// User-written links with this scheme are emptied: only the parser writes placeholders.
    static let placeholderScheme = "bearing:"

    /// A path relative to the document (`../goals/a.md#kr`, `img/x.png`): no scheme, not `/…`, not `#…`.
    static func isRelative(_ url: String) -> Bool {
        guard let first = url.utf8.first, first != UInt8(ascii: "/"), first != UInt8(ascii: "#") else { return false }
        return !ReferenceResolver.hasScheme(url)
    }

    /// Replaces raw HTML with literal text (so it shows escaped), headings with blocks that
    /// carry their anchor as an `id`, wikilinks with placeholder links and query blocks with
    /// placeholder comments.
    mutating func prepareForRendering() {
        for run in wikilinkRuns { replaceWikilinks(run) }
        wikilinkRuns.removeAll()
        for (i, node) in queryNodes.enumerated() {
            guard let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            cmark_node_set_on_enter(custom, "<!--\(Self.placeholderScheme)query/\(i)-->")
            cmark_node_set_on_exit(custom, "")
            cmark_node_replace(node, custom)
            cmark_node_free(node)
        }
        queryNodes.removeAll()
        for node in rawHTMLNodes {
            let isBlock = cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK
            let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            guard let text = cmark_node_new(CMARK_NODE_TEXT) else { continue }
            cmark_node_set_literal(text, isBlock ? literal.trimmingSpaces() : literal)
            var replacement = text
            if isBlock, let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH) {
                cmark_node_append_child(paragraph, text)
                replacement = paragraph
            }
            cmark_node_replace(node, replacement)
            cmark_node_free(node)
        }
        rawHTMLNodes.removeAll()
        for heading in headingNodes {
            guard let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            cmark_node_set_on_enter(custom, "<h\(heading.level) id=\"\(heading.anchor)\">")
            cmark_node_set_on_exit(custom, "</h\(heading.level)>")
            // A custom block may hold inlines directly, so the heading's content moves over as is.
            while let child = cmark_node_first_child(heading.node) { cmark_node_append_child(custom, child) }
            cmark_node_replace(heading.node, custom)
            cmark_node_free(heading.node)
        }
        headingNodes.removeAll()
    }
}

extension TreeWalker {
    /// Replaces a run of text nodes by text and link nodes: each `[[target|label]]` becomes a link
    /// showing the label (or the target as written) to `bearing:wikilink/N`.
    fileprivate func replaceWikilinks(_ run: (nodes: [OpaquePointer], text: String, links: [(found: Wikilink.Found, index: Int)])) {
        guard let first = run.nodes.first else { return }
        let bytes = Array(run.text.utf8)
        var position = 0
        func insertText(_ end: Int) {
            guard end > position, let text = cmark_node_new(CMARK_NODE_TEXT) else { return }
            cmark_node_set_literal(text, String(decoding: bytes[position..<end], as: UTF8.self))
            cmark_node_insert_before(first, text)
        }
        for (found, index) in run.links {
            insertText(found.offset)
            guard let link = cmark_node_new(CMARK_NODE_LINK), let text = cmark_node_new(CMARK_NODE_TEXT) else { continue }
            cmark_node_set_url(link, "\(Self.placeholderScheme)wikilink/\(index)")
            let shown = found.label.flatMap(\.nilIfEmpty) ?? (found.target + (found.anchor.map { "#" + $0 } ?? ""))
            cmark_node_set_literal(text, shown)
            cmark_node_append_child(link, text)
            cmark_node_insert_before(first, link)
            position = found.offset + found.raw.utf8.count + 4
        }
        insertText(bytes.count)
        for node in run.nodes {
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }
}

/// Consecutive text nodes, concatenated so a wikilink split across them is still found.
private struct TextRun {
    var text = ""
    var nodes: [OpaquePointer] = []
    var line = 0
    var column = 0

    mutating func append(_ literal: String, node: OpaquePointer, line: Int, column: Int) {
        if text.isEmpty { (self.line, self.column) = line == 0 ? nearestPosition(node) : (line, column) }
        text += literal
        nodes.append(node)
    }
}

/// The position of the nearest of `node` and its containers that has one (cmark-gfm leaves some
/// nodes without: see `recordLink`); (0, 0) when none has.
private func nearestPosition(_ node: OpaquePointer) -> (line: Int, column: Int) {
    var current: OpaquePointer? = node
    while let at = current {
        let line = Int(cmark_node_get_start_line(at))
        if line > 0 { return (line, Int(cmark_node_get_start_column(at))) }
        current = cmark_node_parent(at)
    }
    return (0, 0)
}
