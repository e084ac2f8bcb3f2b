import BearingCore

/// `textDocument/completion`: front matter keys and values (ids of the right type, statuses,
/// people, horizons, periods), wikilinks and relative links in the body, and the words of query
/// blocks. Each item replaces the word typed so far, and only items that contain it are built,
/// so a knowledge base of thousands of documents answers quickly; a list cut short says so
/// (`isIncomplete`), and the client asks again as the user types on.
enum CompletionFeature {
    /// The request, announced with its trigger characters.
    static let handler = RequestHandler.on("textDocument/completion", capability: ("completionProvider", CompletionOptions())) {
        (params: TextDocumentPositionParams, snapshot) in
        complete(at: params.position, in: params.textDocument.uri, snapshot)
    }

    /// The completion list at a position of a file of the knowledge base (empty elsewhere).
    static func complete(at position: Position, in uri: String, _ snapshot: WorkspaceSnapshot) -> CompletionList {
        guard let path = snapshot.path(of: uri), let document = snapshot.knowledgeBase.document(atPath: path),
              let lines = snapshot.lines(of: path),
              let site = CompletionSite.find(at: position, in: lines, encoding: snapshot.encoding) else {
            return CompletionList(isIncomplete: false, items: [])
        }
        var items = CompletionItems(site: site)
        switch site.place {
        case .key: FrontMatterCompletion.keys(for: document, into: &items)
        case .value(let key): FrontMatterCompletion.values(of: key, for: document, snapshot, into: &items)
        case .wikilink: DocumentCompletion.wikilinks(from: document, snapshot.knowledgeBase, into: &items)
        case .relativeLink: DocumentCompletion.relativeLinks(from: document, snapshot.knowledgeBase, into: &items)
        case .query(let text): QueryCompletion.complete(text, snapshot.knowledgeBase, into: &items)
        }
        return items.list
    }
}

/// The items of one answer as they are gathered: each one's edit replaces the typed word, each
/// keeps the order it was added in (`sortText`), and past the cap the list is marked incomplete.
struct CompletionItems {
    let site: CompletionSite
    /// The most items one answer holds.
    static let limit = 100
    private var items: [CompletionItem] = []
    private var cut = false

    init(site: CompletionSite) { self.site = site }

    /// The typed word, lowercased, that candidates are filtered by.
    var needle: String { site.typed.lowercased() }

    /// Whether one of the texts contains the typed word, ignoring case (anything does when nothing is typed).
    func matches(_ texts: String...) -> Bool {
        let needle = needle
        return needle.isEmpty || texts.contains { $0.lowercased().contains(needle) }
    }

    /// Adds an item (when there is room) that inserts `newText`, by default its label.
    mutating func add(_ label: String, kind: CompletionItem.Kind, newText: String? = nil, description: String? = nil,
                      detail: String? = nil, documentation: String? = nil, filterText: String? = nil) {
        guard items.count < Self.limit else {
            cut = true
            return
        }
        let order = String(items.count)
        items.append(CompletionItem(
            label: label, labelDetails: description.map { .init(detail: nil, description: $0) }, kind: kind, detail: detail,
            documentation: documentation.map(MarkupContent.init), sortText: String(repeating: "0", count: max(0, 4 - order.count)) + order,
            filterText: filterText, textEdit: TextEdit(range: site.range, newText: newText ?? label)))
    }

    /// Marks the list as cut (candidates were left out before items were built).
    mutating func markIncomplete() { cut = true }

    /// The answer.
    var list: CompletionList { CompletionList(isIncomplete: cut, items: items) }
}
