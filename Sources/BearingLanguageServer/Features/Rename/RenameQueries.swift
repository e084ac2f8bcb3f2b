import BearingCore

/// The query blocks a rename changes: a ```` ```bearing ```` block that compares a field of ids
/// with the old id (`serves contains g-2027-q1-dso`) would list nothing after the rename, so the
/// id is renewed there too, wherever it stands as a whole word of the block.
extension RenamePlan {
    /// The edits of the query blocks of every document, by path.
    func queryEdits(in snapshot: WorkspaceSnapshot) -> [String: [TextEdit]] {
        let old = document.id.lowercased()
        var edits: [String: [TextEdit]] = [:]
        for source in snapshot.knowledgeBase.documents where !source.queries.isEmpty {
            let blocks = source.queries.filter { $0.query?.referenceValues.contains { $0.lowercased() == old } == true }
            guard !blocks.isEmpty, let lines = snapshot.lines(of: source.path) else { continue }
            for block in blocks {
                let count = block.text.split(separator: "\n", omittingEmptySubsequences: false).count
                for line in block.location.line..<(block.location.line + count) where line >= 1 && line <= lines.lineCount {
                    for column in Self.wordColumns(of: old, in: lines.line(line - 1)) {
                        let start = lines.position(line: line, column: column, encoding: snapshot.encoding)
                        let end = lines.position(line: line, column: column + document.id.unicodeScalars.count, encoding: snapshot.encoding)
                        edits[source.path, default: []].append(TextEdit(range: Range(start: start, end: end), newText: newID))
                    }
                }
            }
        }
        return edits
    }

    /// The 1-based columns where `word` (lowercase) stands alone in a line of a query: between
    /// the line's ends, spaces, quotes and `= ! < > ( ) ,` (case ignored).
    static func wordColumns(of word: String, in line: Substring) -> [Int] {
        let scalars = Array(line.lowercased().unicodeScalars)
        let wanted = Array(word.unicodeScalars)
        guard !wanted.isEmpty, wanted.count <= scalars.count, scalars.count == line.unicodeScalars.count else { return [] }
        var columns: [Int] = []
        var i = 0
        while i + wanted.count <= scalars.count {
            let before = i == 0 || Self.wordEnds.contains(scalars[i - 1])
            let after = i + wanted.count == scalars.count || Self.wordEnds.contains(scalars[i + wanted.count])
            if before, after, scalars[i..<(i + wanted.count)].elementsEqual(wanted) {
                columns.append(i + 1)
                i += wanted.count
            } else {
                i += 1
            }
        }
        return columns
    }

    private static let wordEnds: Set<Unicode.Scalar> = [" ", "\t", "\"", "'", "=", "!", "<", ">", "(", ")", ","]
}
