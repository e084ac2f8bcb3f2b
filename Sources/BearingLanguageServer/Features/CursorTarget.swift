import BearingCore

/// What the cursor is on in a file of the knowledge base: a reference to another document (in
/// front matter, a wikilink or a relative link), a person or team id, a front matter key, or the
/// status value. Hover, definition, references, rename and code actions start from it.
public enum CursorTarget: Sendable {
    /// `range` covers the target as written (the id, the wikilink's target, the link's path).
    case reference(Reference, range: Range)
    case person(PersonReference, range: Range)
    case field(key: String, range: Range)
    case status(String, range: Range)

    public var range: Range {
        switch self {
        case .reference(_, let range), .person(_, let range), .field(_, let range), .status(_, let range): range
        }
    }
}

extension WorkspaceSnapshot {
    /// What is at `position` in the file at `path` (nil: nothing Bearing knows).
    public func target(at position: Position, in path: String) -> CursorTarget? {
        guard let document = knowledgeBase.document(atPath: path), let lines = lines(of: path) else { return nil }
        // What starts right of the cursor cannot be under it (a line may hold thousands of links).
        let column = lines.column(of: position, encoding: encoding)
        for reference in document.references where reference.location.line == position.line + 1 && reference.location.column <= column {
            if let range = writtenRange(of: reference, in: lines), range.contains(position) { return .reference(reference, range: range) }
        }
        for person in document.people where person.location.line == position.line + 1 {
            if let range = range(of: person.id, from: person.location, in: lines), range.contains(position) { return .person(person, range: range) }
        }
        for pair in document.fields where pair.keyLine == position.line + 1 {
            let keyPlace = SourceLocation(path: path, line: pair.keyLine, column: pair.keyColumn)
            if let range = range(of: pair.key, from: keyPlace, in: lines), range.contains(position) { return .field(key: pair.key, range: range) }
            if pair.key == "status", let value = pair.value.string,
               let range = range(of: value, from: SourceLocation(path: path, line: pair.value.line, column: pair.value.column), in: lines),
               range.contains(position) {
                return .status(document.status, range: range)
            }
        }
        return nil
    }

    /// The range of what names the target in a reference: the id in front matter, `dest` of
    /// `[[dest|label]]`, the path of `[text](path#anchor)`.
    public func writtenRange(of reference: Reference, in lines: LineIndex) -> Range? {
        var needle = reference.written
        if needle.hasPrefix("[["), needle.hasSuffix("]]") { needle = String(needle.dropFirst(2).dropLast(2)) }
        if reference.kind == .mentions, let hash = needle.firstIndex(of: "#"), hash != needle.startIndex { needle = String(needle[..<hash]) }
        return range(of: needle, from: reference.location, in: lines)
    }

    /// The range of `text` on the line of `place`, at or after its column and within
    /// `searchedLength` scalars of it (a link's label comes first), ASCII letters compared without
    /// case when the exact text is not there (ids are case-insensitive).
    public func range(of text: String, from place: SourceLocation, in lines: LineIndex) -> Range? {
        guard place.line > 0, place.line <= lines.lineCount, !text.isEmpty else { return nil }
        let view = lines.view(place.line - 1)
        let scalars = view.scalars
        let needle = Array(text.unicodeScalars)
        guard needle.count <= scalars.count else { return nil }
        let from = min(max(0, place.column - 1), scalars.count)
        let last = min(scalars.count, from + Self.searchedLength + needle.count)
        for exact in [true, false] {
            var i = from
            while i + needle.count <= last {
                if (0..<needle.count).allSatisfy({ Self.same(scalars[i + $0], needle[$0], exact: exact) }) {
                    return Range(start: Position(line: place.line - 1, character: view.units(before: i, encoding)),
                                 end: Position(line: place.line - 1, character: view.units(before: i + needle.count, encoding)))
                }
                i += 1
            }
        }
        return nil
    }

    static let searchedLength = 1024

    private static func same(_ a: Unicode.Scalar, _ b: Unicode.Scalar, exact: Bool) -> Bool {
        if a == b { return true }
        guard !exact, a.isASCII, b.isASCII else { return false }
        return (a.value | 0x20) == (b.value | 0x20) && (a.value | 0x20) >= 0x61 && (a.value | 0x20) <= 0x7A
    }
}
