/// What an id may be and what a file's path says about its document, for tools that rename ids
/// (the language server): the same rules the model reads files with.
extension Document {
    /// Whether `id` may be an id: `[A-Za-z0-9][A-Za-z0-9._/-]*` (SPEC §1.1).
    public static func isValidID(_ id: String) -> Bool { DocumentReader.isValidID(id) }

    /// The id of a file at `path` that states none: its file name without `.md` (a numbered
    /// record folder's README: the folder's name).
    public static func defaultID(ofPath path: String) -> String { DocumentReader.defaultID(of: path) }

    /// The file name of `path` without `.md`.
    public static func fileStem(ofPath path: String) -> String { DocumentReader.stem(of: path) }

    /// A record's number as the model reads it from a file's path (`0007-x.md`, `ADR-10.md`, a
    /// numbered folder's README); nil when the path carries none.
    public static func recordNumber(ofPath path: String) -> Int? { DocumentReader.number(of: path) }

    /// `0007-` of `0007-use-x`: the number a file name starts with, as written, with the mark
    /// after it (what a renamed record keeps); nil when the name starts otherwise.
    public static func numberPrefix(ofFileStem stem: String) -> String? { DocumentReader.numberPrefix(inFileName: stem) }
}
