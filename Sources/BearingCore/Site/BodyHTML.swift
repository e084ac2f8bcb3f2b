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
                       query: (Int) -> String) -> [UInt8] {
        let start = titleEnd(html, document: document)
        var html = html
        return html.withUTF8 { whole in
            let bytes = UnsafeBufferPointer(rebasing: whole[start...])
            let hasLinks = !document.body.links.isEmpty
            guard hasLinks || !document.queries.isEmpty else { return Array(bytes) }
            var targets: [SourcePosition: Reference] = [:]
            for reference in document.references where reference.kind == .mentions {
                targets[SourcePosition(line: reference.location.line, column: reference.location.column)] = reference
            }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 256)
            // Copied in runs up to the next byte a placeholder can start with.
            let b = UInt8(ascii: "b"), open = UInt8(ascii: "<")
            var i = 0
            var copied = 0
            while i < bytes.count {
                let byte = bytes[i]
                guard byte == open || (hasLinks && byte == b) else { i += 1; continue }
                var replacement: [UInt8]?
                var next = i
                if byte == b, isAttributeStart(bytes, i), let (n, end) = number(after: wikilinkMarker, in: bytes, at: i) {
                    let (url, title) = wikilink(n, document: document, targets: targets, root: root, items: items)
                    var text = Array(url.utf8)
                    next = end
                    // The parser wrote the target as the link's text (escaped, so the next `<` closes the link).
                    if let title, starts(bytes, at: next, with: linkTextStart), let close = bytes[next...].firstIndex(of: open),
                       starts(bytes, at: close, with: linkEnd) {
                        text += linkTextStart + Array(Escape.html(title).utf8)
                        next = close
                    }
                    replacement = text
                } else if byte == b, isAttributeStart(bytes, i), let (n, end) = number(after: linkMarker, in: bytes, at: i) {
                    replacement = Array(linkURL(n, document: document, targets: targets, root: root, items: items).utf8)
                    next = end
                } else if byte == open, let (n, end) = number(after: queryMarker, in: bytes, at: i), starts(bytes, at: end, with: queryMarkerEnd) {
                    replacement = Array(query(n).utf8)
                    next = end + queryMarkerEnd.count
                }
                guard let replacement else { i += 1; continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<i]))
                output += replacement
                i = next
                copied = next
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return output
        }
    }

    /// Where the body starts once its opening `# Title` is dropped when that is the page's title
    /// (shown above it): after the heading's `</h1>` line, else 0.
    static func titleEnd(_ html: String, document: Document) -> Int {
        guard let first = document.body.headings.first, first.level == 1, first.text == document.title else { return 0 }
        let open = "<h1 id=\"\(first.anchor)\">"
        guard html.hasPrefix(open) else { return 0 }
        var html = html
        return html.withUTF8 { bytes in
            let close = Array("</h1>\n".utf8)
            var i = open.utf8.count
            while i + close.count <= bytes.count {
                if bytes[i] == close[0], starts(bytes, at: i, with: close) { return i + close.count }
                i += 1
            }
            return 0
        }
    }

    private static func starts(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, with prefix: [UInt8]) -> Bool {
        guard start + prefix.count <= bytes.count else { return false }
        for (k, byte) in prefix.enumerated() where bytes[start + k] != byte { return false }
        return true
    }

    /// Whether `i` starts the value of an `href="` or `src="` attribute: the only place the parser
    /// writes link placeholders (the same words in text or code are left alone).
    private static func isAttributeStart(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        (i >= 6 && starts(bytes, at: i - 6, with: hrefStart)) || (i >= 5 && starts(bytes, at: i - 5, with: srcStart))
    }

    private static let hrefStart = Array("href=\"".utf8)
    private static let srcStart = Array("src=\"".utf8)

    /// The number after `marker` at `start`, and where it ends.
    private static func number(after marker: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (Int, Int)? {
        guard starts(bytes, at: start, with: marker) else { return nil }
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
