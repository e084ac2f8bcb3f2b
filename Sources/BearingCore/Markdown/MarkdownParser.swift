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
    /// The GFM extensions, registered and looked up once (under the lock: registration writes
    /// cmark-gfm's global list). Read it outside the lock: NSLock is not recursive.
    nonisolated(unsafe) private static let extensions: [OpaquePointer] = lock.withLock {
        cmark_gfm_core_extensions_ensure_registered()
        return extensionNames.compactMap { cmark_find_syntax_extension($0) }
    }

    public static func parse(_ body: String, options: Options = Options()) -> MarkdownDocument {
        var lines: BodyLines?
        return parse(body, options: options, limits: true, lines: &lines)
    }

    /// `limits: false` gives cmark-gfm any body (tests of the tree walk on inputs the limits cut).
    static func parse(_ body: String, options: Options, limits: Bool) -> MarkdownDocument {
        var lines: BodyLines?
        return parse(body, options: options, limits: limits, lines: &lines)
    }

    /// The same, handing out the body's lines when the walk needed them, for the caller to reuse
    /// (DocumentParser turns positions into file positions with them).
    static func parse(_ body: String, options: Options, limits: Bool, lines: inout BodyLines?) -> MarkdownDocument {
        let cmarkOptions = CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES | (options.unsafeHTML ? CMARK_OPT_UNSAFE : 0)
        let scan = limits ? MarkdownLimits.scan(body) : MarkdownLimits.Scan()
        if let cut = scan.cut { return .cut(body, cut, renderHTML: options.renderHTML) }
        let extensions = Self.extensions  // read outside the lock: its first read takes it
        if scan.markupBytes > MarkdownLimits.trialMarkupBytes {
            if let cut = MarkdownTrial.run(body, options: cmarkOptions, extensions: extensions, lock: lock) {
                return .cut(body, cut, renderHTML: options.renderHTML)
            }
        }
        var text = body
        // Only parsing (the special-character table) and rendering are serialised; walking the
        // finished tree touches nothing shared, so it runs outside the lock.
        let parsed: (parser: OpaquePointer, root: OpaquePointer?)? = lock.withLock {
            guard let parser = cmark_parser_new(cmarkOptions) else { return nil }
            for ext in extensions { cmark_parser_attach_syntax_extension(parser, ext) }
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
        walker.walk(root)
        lines = walker.lines
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
    var lines: BodyLines?
    let unsafeHTML: Bool
    var document = MarkdownDocument()
    var anchors = HeadingAnchors()
    var rawHTMLNodes: [OpaquePointer] = []
    var headingNodes: [(node: OpaquePointer, level: Int32, anchor: String)] = []
    /// For rendering: runs of text nodes holding wikilinks, and query code blocks.
    var wikilinkRuns: [(nodes: [OpaquePointer], text: String, links: [(found: Wikilink.Found, index: Int)])] = []
    var queryNodes: [OpaquePointer] = []
    let rendering: Bool
    /// Where the links of the top-level table row being walked start.
    private var rowLinkStart = 0

    init(body: String, unsafeHTML: Bool, rendering: Bool) {
        self.body = body
        self.unsafeHTML = unsafeHTML
        self.rendering = rendering
    }

    /// Walks the whole tree once with cmark's iterator (no recursion: nesting depth is the
    /// author's to choose). `depth` counts open containers: 1 is a child of the document.
    mutating func walk(_ root: OpaquePointer) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        var depth = -1
        var run = TextRun()
        var collector: Collector?
        var tableDepth = 0
        var cells: [String] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_ENTER, type == CMARK_NODE_TEXT {
                if let pointer = cmark_node_get_literal(node) {
                    let collecting = collector?.collectText ?? false
                    let inRun = !run.text.isEmpty || strchr(pointer, Int32(UInt8(ascii: "["))) != nil
                    if collecting || inRun {
                        let literal = String(cString: pointer)
                        if inRun { run.append(literal, node: node, line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node))) }
                        if collecting { collector!.text += literal }
                    }
                }
                continue
            }
            flush(&run)
            if event == CMARK_EVENT_EXIT {
                let nodeDepth = depth
                depth -= 1
                if let open = collector, open.node == node {
                    collector = nil
                    finish(open, cells: &cells)
                } else if tableDepth > 0, nodeDepth == tableDepth + 1 {
                    // A row of a top-level table ends.
                    appendBlock(.tableRow, cells.joined(separator: " | "), Int(cmark_node_get_start_line(node)), rowLinkStart, cells: cells)
                    cells = []
                } else if tableDepth > 0, nodeDepth == tableDepth {
                    tableDepth = 0
                }
                continue
            }
            if Self.isContainer(type) { depth += 1 }
            enter(node, type: type, depth: depth, collector: &collector, tableDepth: &tableDepth)
        }
        flush(&run)
    }

    /// Block types that have an exit event even when empty.
    private static func isContainer(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_HTML_INLINE,
             CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK:
            return false
        default:
            return true
        }
    }

    /// A heading, paragraph or top-level table cell whose inline text is being gathered.
    private struct Collector {
        enum Kind { case heading(level: Int, topLevel: Bool), paragraph(isListItem: Bool, topLevel: Bool), cell }
        var node: OpaquePointer
        var kind: Kind
        var collectText: Bool
        var line: Int
        var linkStart: Int
        var text = ""
    }

    private mutating func enter(_ node: OpaquePointer, type: cmark_node_type, depth: Int, collector: inout Collector?,
                                tableDepth: inout Int) {
        let line = Int(cmark_node_get_start_line(node))
        switch type {
        case CMARK_NODE_HEADING:
            collector = Collector(node: node, kind: .heading(level: Int(cmark_node_get_heading_level(node)), topLevel: depth == 1),
                                  collectText: true, line: line, linkStart: document.links.count)
        case CMARK_NODE_PARAGRAPH:
            // Plain text is needed only for the blocks decision import reads.
            let parent = cmark_node_parent(node)
            let isListItem = depth == 3 && parent.map { cmark_node_get_type($0) == CMARK_NODE_ITEM } == true && cmark_node_previous(node) == nil
            collector = Collector(node: node, kind: .paragraph(isListItem: isListItem, topLevel: depth == 1),
                                  collectText: depth == 1 || isListItem, line: line, linkStart: document.links.count)
        case CMARK_NODE_CODE_BLOCK:
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            let block = MarkdownCodeBlock(info: info.trimmingSpaces(), literal: literal, line: line,
                                          column: Int(cmark_node_get_start_column(node)))
            document.codeBlocks.append(block)
            if rendering, block.isQuery { queryNodes.append(node) }
        case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
            // Inline HTML is kept out of the plain text: it is markup (often a comment), not words.
            if !unsafeHTML { rawHTMLNodes.append(node) }
        case CMARK_NODE_CODE:
            if collector?.collectText == true { collector!.text += cmark_node_get_literal(node).map { String(cString: $0) } ?? "" }
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            // Kept as line breaks: header lines (`Author: …` then `Last updated: …`) are read line by line.
            if collector?.collectText == true { collector!.text += "\n" }
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            recordLink(node, image: type == CMARK_NODE_IMAGE)
        default:
            if depth == 1, let name = cmark_node_get_type_string(node), strcmp(name, "table") == 0 {
                tableDepth = depth
            } else if tableDepth > 0, depth == tableDepth + 1 {
                rowLinkStart = document.links.count
            } else if tableDepth > 0, depth == tableDepth + 2, collector == nil {
                collector = Collector(node: node, kind: .cell, collectText: true, line: line, linkStart: document.links.count)
            }
        }
    }

    /// A gathered block is complete.
    private mutating func finish(_ open: Collector, cells: inout [String]) {
        switch open.kind {
        case .heading(let level, let topLevel):
            var text = open.text
            if text.utf8.contains(UInt8(ascii: "\n")) { text = text.replacingOccurrences(of: "\n", with: " ") }
            let anchor = anchors.next(for: text)
            document.headings.append(MarkdownHeading(level: level, text: text, anchor: anchor, line: open.line))
            if level == 1, document.title == nil { document.title = text }
            headingNodes.append((open.node, Int32(level), anchor))
            if topLevel { appendBlock(.heading(level: level), text, open.line, open.linkStart) }
        case .paragraph(let isListItem, let topLevel):
            if topLevel { appendBlock(.paragraph, open.text, open.line, open.linkStart) }
            else if isListItem { appendBlock(.listItem, open.text, open.line, open.linkStart) }
        case .cell:
            cells.append(open.text.trimmingSpaces())
        }
    }

    private mutating func appendBlock(_ kind: MarkdownBlock.Kind, _ text: String, _ line: Int, _ linkStart: Int, cells: [String] = []) {
        document.blocks.append(MarkdownBlock(kind: kind, text: text, line: line, links: linkStart..<document.links.count, cells: cells))
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
            if lines == nil { lines = BodyLines(body) }
            if let corrected = lines!.column(of: needle, line: run.line, from: column) { column = corrected }
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
