/// `completionProvider`: completion is asked for as the user types one of these characters too
/// (a list's `[` and `,`, the space after a key, the `(` of a link, the `/` of a path).
struct CompletionOptions: Encodable, Sendable {
    var triggerCharacters = ["[", ",", " ", ":", "(", "/"]
}

/// The answer to `textDocument/completion`: the items, and whether the list was cut (the
/// client then asks again as the user types more instead of filtering what it has).
struct CompletionList: Encodable, Sendable {
    var isIncomplete: Bool
    var items: [CompletionItem]
}

/// One proposal. `textEdit` replaces the word typed so far, so that the client filters on it.
struct CompletionItem: Encodable, Sendable, Equatable {
    var label: String
    var labelDetails: LabelDetails?
    var kind: Kind
    var detail: String?
    var documentation: MarkupContent?
    var sortText: String?
    var filterText: String?
    var textEdit: TextEdit

    /// Text shown beside the label: `detail` right after it, `description` further off.
    struct LabelDetails: Encodable, Sendable, Equatable {
        var detail: String?
        var description: String?
    }

    /// LSP's `CompletionItemKind`, the few this server uses.
    enum Kind: Int, Encodable, Sendable {
        case text = 1, field = 5, property = 10, value = 12, keyword = 14, file = 17, reference = 18, enumMember = 20, constant = 21
    }
}

/// Text for the user to read, in Markdown.
struct MarkupContent: Encodable, Sendable, Equatable {
    var kind = "markdown"
    var value: String

    init(_ value: String) { self.value = value }
}
