/// `textDocument/inlayHint`'s params: the file and the range shown.
struct InlayHintParams: Decodable {
    var textDocument: TextDocumentIdentifier
    var range: Range
}

/// A short text the editor shows inline at a position (after a goal's id: its progress).
struct InlayHint: Encodable, Equatable {
    var position: Position
    var label: String
    var paddingLeft: Bool
    var tooltip: String?
}
