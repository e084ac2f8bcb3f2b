/// `textDocument/codeLens`'s params: the file.
struct CodeLensParams: Decodable {
    var textDocument: TextDocumentIdentifier
}

/// A line of information shown above a line of the file. Its command only carries the title
/// (an empty command id: clients show it as text, there is nothing to run on the server).
struct CodeLens: Encodable, Equatable {
    var range: Range
    var command: Command
}

/// An LSP command: a title, and the id of what runs when clicked.
struct Command: Encodable, Equatable {
    var title: String
    var command: String
}
