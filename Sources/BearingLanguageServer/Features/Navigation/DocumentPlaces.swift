import BearingCore

/// Where a document names itself: its `id:` field, its title (the `title:` value or the heading it
/// was taken from) and its headings. Definition, references, symbols and rename point there.
extension WorkspaceSnapshot {
    /// The `id:` field a document states, when its value is the document's id (an invalid value
    /// is not: the id is then the file name).
    public func idField(of document: Document) -> YAMLPair? {
        guard let pair = document.fields.first(where: { $0.key == "id" }), let value = pair.value.string,
              value.lowercased() == document.id.lowercased() else { return nil }
        return pair
    }

    /// The range of the value of a document's `id:` field, when it states one.
    public func idRange(of document: Document, in lines: LineIndex) -> Range? {
        guard let pair = idField(of: document), let value = pair.value.string else { return nil }
        return range(of: value, from: SourceLocation(path: document.path, line: pair.value.line, column: pair.value.column), in: lines)
    }

    /// The 1-based line of a document's title: its `title:` value, else the heading it was taken
    /// from, else the `id:` field, else the first line. Known without reading the file.
    public func titleLine(of document: Document) -> Int {
        if let pair = document.fields.first(where: { $0.key == "title" }), pair.value.line > 0 { return pair.value.line }
        // A record's title is its heading without the number (`# 7. Use Stripe` → `Use Stripe`).
        if let heading = document.body.headings.first(where: { $0.text == document.title })
            ?? document.body.headings.first(where: { !document.title.isEmpty && $0.text.hasSuffix(document.title) }) { return heading.line }
        if let pair = idField(of: document) { return pair.value.line }
        return 1
    }

    /// The range of a document's title as written (the title's line when the text differs from it).
    public func titleRange(of document: Document, in lines: LineIndex) -> Range {
        let line = max(1, titleLine(of: document))
        if let range = range(of: document.title, from: SourceLocation(path: document.path, line: line, column: 1), in: lines) { return range }
        return Range(start: Position(line: line - 1, character: 0), end: lineEnd(line - 1, in: lines))
    }

    /// Where a document is declared: the value of its `id:` field, else its title.
    public func declaration(of document: Document) -> Location? {
        guard let lines = lines(of: document.path) else { return nil }
        return Location(uri: uri(of: document.path), range: idRange(of: document, in: lines) ?? titleRange(of: document, in: lines))
    }

    /// The document whose own `id:` field (its name or its value) is at `position` in the file at
    /// `path`, with the range of the value.
    public func declaredDocument(at position: Position, in path: String) -> (document: Document, range: Range)? {
        guard let document = knowledgeBase.document(atPath: path), let pair = idField(of: document),
              pair.keyLine == position.line + 1 || pair.value.line == position.line + 1,
              let lines = lines(of: path), let value = idRange(of: document, in: lines) else { return nil }
        let key = range(of: pair.key, from: SourceLocation(path: path, line: pair.keyLine, column: pair.keyColumn), in: lines)
        guard value.contains(position) || key?.contains(position) == true else { return nil }
        return (document, value)
    }

    /// The place a reference leads to in its target: the heading its anchor names, else the start of the file.
    public func destination(in document: Document, anchor: String?) -> Location {
        var line = 0
        if let anchor = anchor?.lowercased(), !anchor.isEmpty,
           let heading = document.body.headings.first(where: { $0.anchor.lowercased() == anchor }) {
            line = max(0, heading.line - 1)
        }
        return Location(uri: uri(of: document.path), range: Range(at: Position(line: line, character: 0)))
    }

    /// The end of a 0-based line, in the agreed encoding.
    public func lineEnd(_ line: Int, in lines: LineIndex) -> Position {
        lines.position(line: line + 1, column: Int.max, encoding: encoding)
    }
}
