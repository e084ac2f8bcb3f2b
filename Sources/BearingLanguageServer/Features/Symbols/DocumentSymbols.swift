import BearingCore

/// `textDocument/documentSymbol`: a document's outline. One symbol for the document (its title,
/// with its type and id), holding a goal's key results and the body's headings nested by level,
/// each heading covering its section.
enum DocumentSymbols {
    static func outline(_ params: DocumentSymbolParams, in snapshot: WorkspaceSnapshot) -> [DocumentSymbol]? {
        guard let path = snapshot.path(of: params.textDocument.uri), let document = snapshot.knowledgeBase.document(atPath: path),
              let lines = snapshot.lines(of: path) else { return nil }
        let whole = Range(start: Position(line: 0, character: 0), end: lines.end(encoding: snapshot.encoding))
        var children: [DocumentSymbol] = []
        if let keyResults = keyResults(of: document, in: lines, snapshot: snapshot) { children.append(keyResults) }
        children += headings(of: document, in: lines, snapshot: snapshot)
        let title = snapshot.titleRange(of: document, in: lines)
        return [DocumentSymbol(name: document.title.isEmpty ? document.id : document.title, detail: "\(document.type.rawValue) · \(document.id)",
                               kind: kind(of: document.type), range: whole, selectionRange: title,
                               children: children.isEmpty ? nil : children)]
    }

    /// The icon of a document's type: a goal is an event (a target in time), a brief a class, a
    /// decision an interface (what others build on), a note a file.
    static func kind(of type: DocumentType) -> SymbolKind {
        switch type {
        case .goal: .event
        case .brief: .class
        case .decision: .interface
        case .note: .file
        }
    }

    /// The body's headings as a tree: each holds the headings of lower level after it, up to the
    /// next heading of its level or higher; its range runs to the end of its section.
    static func headings(of document: Document, in lines: LineIndex, snapshot: WorkspaceSnapshot) -> [DocumentSymbol] {
        let headings = document.body.headings.filter { $0.line > 0 && $0.line <= lines.lineCount }
        let lastLine = max(0, lines.lineCount - 1)
        // Where each section ends: the line before the next heading of the same level or higher.
        var ends = Array(repeating: lastLine, count: headings.count)
        var open: [Int] = []
        for (i, heading) in headings.enumerated() {
            while let top = open.last, headings[top].level >= heading.level {
                ends[top] = max(headings[top].line - 1, heading.line - 2)
                open.removeLast()
            }
            open.append(i)
        }
        let symbols = headings.enumerated().map { i, heading in
            let start = Position(line: heading.line - 1, character: 0)
            let lineRange = Range(start: start, end: snapshot.lineEnd(heading.line - 1, in: lines))
            let text = snapshot.range(of: heading.text, from: SourceLocation(path: document.path, line: heading.line, column: 1), in: lines) ?? lineRange
            return (level: heading.level, symbol: DocumentSymbol(name: heading.text.isEmpty ? "#" : heading.text, detail: nil, kind: .string,
                                                                 range: Range(start: start, end: snapshot.lineEnd(ends[i], in: lines)),
                                                                 selectionRange: text, children: nil))
        }
        return nest(symbols[...])
    }

    /// Nests headings by level (recursion as deep as heading levels go, six).
    private static func nest(_ items: ArraySlice<(level: Int, symbol: DocumentSymbol)>) -> [DocumentSymbol] {
        var result: [DocumentSymbol] = []
        var i = items.startIndex
        while i < items.endIndex {
            var j = i + 1
            while j < items.endIndex, items[j].level > items[i].level { j += 1 }
            var symbol = items[i].symbol
            let children = nest(items[(i + 1)..<j])
            symbol.children = children.isEmpty ? nil : children
            result.append(symbol)
            i = j
        }
        return result
    }

    /// A goal's `key_results`, one symbol per item (its title; baseline, target, current and unit
    /// as detail), under one symbol for the field.
    static func keyResults(of document: Document, in lines: LineIndex, snapshot: WorkspaceSnapshot) -> DocumentSymbol? {
        guard document.type == .goal, let pair = document.fields.first(where: { $0.key == "key_results" }),
              let items = pair.value.sequence, !items.isEmpty else { return nil }
        let keyPlace = SourceLocation(path: document.path, line: pair.keyLine, column: pair.keyColumn)
        let keyRange = snapshot.range(of: pair.key, from: keyPlace, in: lines) ?? snapshot.range(of: keyPlace, in: lines)
        var symbols: [DocumentSymbol] = []
        for (number, item) in items.enumerated() {
            let start = snapshot.position(of: SourceLocation(path: document.path, line: item.line, column: item.column), in: lines)
            let lastLine = max(item.line, (item.mapping ?? []).map { max($0.keyLine, $0.value.line) }.max() ?? item.line)
            let title = item["title"]?.string
            var selection = Range(at: start)
            if let title, let node = item["title"],
               let range = snapshot.range(of: title, from: SourceLocation(path: document.path, line: node.line, column: node.column), in: lines) {
                selection = range
            }
            let range = Range(start: start, end: max(selection.end, snapshot.lineEnd(lastLine - 1, in: lines)))
            symbols.append(DocumentSymbol(name: title.flatMap { $0.isEmpty ? nil : $0 } ?? "key result \(number + 1)", detail: detail(of: item),
                                          kind: .property, range: range, selectionRange: selection, children: nil))
        }
        let end = symbols.map(\.range.end).max() ?? keyRange.end
        return DocumentSymbol(name: "Key results", detail: nil, kind: .array, range: Range(start: keyRange.start, end: max(end, keyRange.end)),
                              selectionRange: keyRange, children: symbols)
    }

    /// `52 → 45 days, now 49`.
    private static func detail(of item: YAMLNode) -> String? {
        guard let target = item["target"]?.string else { return nil }
        let unit = item["unit"]?.string.map { $0 == "%" ? "%" : " " + $0 } ?? ""
        var text = (item["baseline"]?.string.map { "\($0) → " } ?? "") + target + unit
        if let current = item["current"]?.string { text += ", now \(current)" }
        return text
    }
}
