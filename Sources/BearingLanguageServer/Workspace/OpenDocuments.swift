/// The files open in the editor, by path relative to the knowledge base: their unsaved text and
/// version, kept up to date by `didOpen`, `didChange` and `didClose`.
public struct OpenDocuments: Sendable {
    public struct Buffer: Sendable {
        public var uri: String
        public var version: Int
        public var lines: LineIndex
        public var text: String { lines.text }
    }

    private(set) var buffers: [String: Buffer] = [:]

    public init() {}

    public subscript(path: String) -> Buffer? { buffers[path] }

    public mutating func open(_ path: String, uri: String, version: Int, text: String) {
        buffers[path] = Buffer(uri: uri, version: version, lines: LineIndex(text))
    }

    public mutating func close(_ path: String) { buffers[path] = nil }

    /// Applies a `didChange`'s changes in order (a change without a range replaces the whole text).
    public mutating func change(_ path: String, version: Int, changes: [TextDocumentContentChangeEvent], encoding: PositionEncoding) {
        guard var buffer = buffers[path] else { return }
        for change in changes {
            if let range = change.range {
                buffer.lines = LineIndex(buffer.lines.applying(range, change.text, encoding: encoding))
            } else {
                buffer.lines = LineIndex(change.text)
            }
        }
        buffer.version = version
        buffers[path] = buffer
    }

    /// Every open file's text as bytes, for the engine.
    public var texts: [String: [UInt8]] { buffers.mapValues { Array($0.text.utf8) } }
}
