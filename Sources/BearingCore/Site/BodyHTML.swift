/// Finishes a body rendered for the site (MarkdownParser with `renderHTML`): the placeholders the
/// parser left for what only the whole knowledge base knows are replaced. `bearing:link/N` becomes
/// the page of the document a relative link resolved to, else the copied file it names, from
/// wherever the page is; `bearing:wikilink/N` the page the wikilink resolved to (unresolved ones
/// search the site for their text), and a wikilink without a label (`[[g-growth]]`) shows the
/// title of the document it names; `<!--bearing:query/N-->` the query block's results.
enum BodyHTML {
    static let linkMarker = Array("bearing:link/".utf8)
    static let wikilinkMarker = Array("bearing:wikilink/".utf8)
    static let queryMarker = Array("<!--bearing:query/".utf8)
    static let queryMarkerEnd = Array("-->".utf8)
    static let linkTextStart = Array("\">".utf8)
    static let linkEnd = Array("</a>".utf8)

    static func finish(_ html: String, document: Document, root: String, items: SiteItems,
                       query: (Int) -> String) -> String {
        let html = droppingTitle(html, document: document)
        let hasLinks = !document.body.links.isEmpty
        guard hasLinks || !document.queries.isEmpty else { return html }
        var targets: [SourcePosition: Reference] = [:]
        for reference in document.references where reference.kind == .mentions {
            targets[SourcePosition(line: reference.location.line, column: reference.location.column)] = reference
        }
        let bytes = Array(html.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 256)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "b"), hasLinks, isAttributeStart(bytes, i), let (n, end) = number(after: wikilinkMarker, in: bytes, at: i) {
                let (url, title) = wikilink(n, document: document, targets: targets, root: root, items: items)
                output += Array(url.utf8)
                i = end
                // The parser wrote the target as the link's text (escaped, so the next `<` closes the link).
                if let title, bytes[i...].starts(with: linkTextStart), let close = bytes[i...].firstIndex(of: UInt8(ascii: "<")),
                   bytes[close...].starts(with: linkEnd) {
                    output += linkTextStart + Array(Escape.html(title).utf8)
                    i = close
                }
            } else if bytes[i] == UInt8(ascii: "b"), hasLinks, isAttributeStart(bytes, i), let (n, end) = number(after: linkMarker, in: bytes, at: i) {
                output += Array(linkURL(n, document: document, targets: targets, root: root, items: items).utf8)
                i = end
            } else if bytes[i] == UInt8(ascii: "<"), let (n, end) = number(after: queryMarker, in: bytes, at: i),
                      bytes[end...].starts(with: queryMarkerEnd) {
                output += Array(query(n).utf8)
                i = end + queryMarkerEnd.count
            } else {
                output.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The body without its opening `# Title` when that is the page's title (shown above it).
    static func droppingTitle(_ html: String, document: Document) -> String {
        guard let first = document.body.headings.first, first.level == 1, first.text == document.title else { return html }
        let open = "<h1 id=\"\(first.anchor)\">"
        guard html.hasPrefix(open), let close = html.range(of: "</h1>\n") else { return html }
        return String(html[close.upperBound...])
    }

    /// Whether `i` starts the value of an `href="` or `src="` attribute: the only place the parser
    /// writes link placeholders (the same words in text or code are left alone).
    private static func isAttributeStart(_ bytes: [UInt8], _ i: Int) -> Bool {
        bytes[..<i].suffix(6).elementsEqual("href=\"".utf8) || bytes[..<i].suffix(5).elementsEqual("src=\"".utf8)
    }

    /// The number after `marker` at `start`, and where it ends.
    private static func number(after marker: [UInt8], in bytes: [UInt8], at start: Int) -> (Int, Int)? {
        guard bytes[start...].starts(with: marker) else { return nil }
        var end = start + marker.count
        var value = 0
        while end < bytes.count, (0x30...0x39).contains(bytes[end]), end - start < marker.count + 9 {
            value = value * 10 + Int(bytes[end] - 0x30)
            end += 1
        }
        return end > start + marker.count ? (value, end) : nil
    }

    private static func linkURL(_ n: Int, document: Document, targets: [SourcePosition: Reference], root: String,
                                items: SiteItems) -> String {
        guard n < document.body.links.count else { return "#" }
        let url = document.body.links[n].destination
        let cut = url.utf8.firstIndex { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") } ?? url.endIndex
        let suffix = String(url[cut...])
        if let target = targets[SourcePosition(line: document.body.links[n].line, column: document.body.links[n].column)]?.target,
           let href = items.item(target, root: root)?["href"] as? String {
            return Escape.html(href + Escape.url(suffix))
        }
        // Outside the knowledge base: nothing of the site is there.
        guard let path = ReferenceResolver.join(folderOf: document.path, String(url[..<cut]).removingPercentEncodingSafely) else { return "#" }
        let file = SiteLinks.file(path.isMarkdownPath ? SitePaths.page(forPath: path) : path)
        return Escape.html(root + SiteLinks.url(file) + Escape.url(suffix))
    }

    /// The address of wikilink `n` and, when it has no label and names a document, the text to show
    /// instead of the target as written: the document's title (and the heading it points to).
    private static func wikilink(_ n: Int, document: Document, targets: [SourcePosition: Reference], root: String,
                                 items: SiteItems) -> (url: String, title: String?) {
        guard n < document.body.links.count else { return ("#", nil) }
        let link = document.body.links[n]
        let anchor = link.anchor.flatMap(\.nilIfEmpty)
        let fragment = anchor.map { "#" + HeadingAnchors.slug($0) } ?? ""
        if link.destination.isEmpty { return (fragment.isEmpty ? "#" : fragment, nil) }
        if let target = targets[SourcePosition(line: link.line, column: link.column)]?.target,
           let item = items.item(target, root: root), let href = item["href"] as? String {
            let unlabelled = link.label?.trimmingSpaces().isEmpty ?? true
            let title = (item["title"] as? String).map { title in anchor.map { title + " › " + $0 } ?? title }
            return (Escape.html(href + Escape.url(fragment)), unlabelled ? title : nil)
        }
        return (Escape.html(root + SiteLinks.dashboard + "?q=" + Escape.queryValue(link.destination)), nil)
    }
}

private struct SourcePosition: Hashable {
    var line: Int
    var column: Int
}
