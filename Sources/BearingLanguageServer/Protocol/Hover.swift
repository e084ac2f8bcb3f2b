/// The answer to `textDocument/hover`: Markdown about what is under the cursor, and the range
/// it is about (the client highlights it).
struct Hover: Encodable, Sendable {
    var contents: MarkupContent
    var range: Range
}
