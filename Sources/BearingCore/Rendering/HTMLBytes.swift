/// HTML already rendered, as UTF-8 bytes, for a template's context: `{{{name}}}` copies it as it is
/// (`{{name}}` escapes it), without the bytes becoming a string first. A page's content inside the
/// layout and a document's finished body, tens of kilobytes each, go this way.
struct HTMLBytes {
    var bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }
}
