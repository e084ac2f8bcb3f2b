import BearingCore
import Foundation

/// The text edits of a rename: the `id:` field (changed, or added when the id is not to be the
/// file name), and every reference to the document that names it by id or by file: front matter
/// ids, wikilinks (`[[old]]`, `[[old|label]]`, `[[old#h]]`) and relative links whose file part is
/// the renamed file (anchors kept). A reference that names it otherwise (`ADR-0007`, a title)
/// still resolves after the rename and is left as written. Query blocks too (RenameQueries).
extension RenamePlan {
    /// The edits of each file, by path, in order and without repeats.
    func edits(in snapshot: WorkspaceSnapshot) -> [String: [TextEdit]] {
        var edits: [String: [TextEdit]] = [:]
        if let lines = snapshot.lines(of: document.path) {
            if let range = snapshot.idRange(of: document, in: lines) {
                edits[document.path, default: []].append(TextEdit(range: range, newText: newID))
            } else if addsIDField {
                edits[document.path, default: []].append(idLine(in: lines))
            }
        }
        for site in snapshot.referenceSites(of: document.id) {
            guard let text = replacement(of: Self.text(in: site.range, of: site.lines, encoding: snapshot.encoding)) else { continue }
            edits[site.source.path, default: []].append(TextEdit(range: site.range, newText: text))
        }
        edits.merge(queryEdits(in: snapshot)) { $0 + $1 }
        return edits.mapValues { list in
            var unique: [TextEdit] = []
            for edit in list.sorted(by: { $0.range.start < $1.range.start }) where unique.last?.range != edit.range { unique.append(edit) }
            return unique
        }
    }

    /// What replaces a reference as written (`old`, `old.md`, `../goals/old.md`); nil to leave it.
    func replacement(of written: String) -> String? {
        let lowered = written.lowercased()
        if lowered == document.id.lowercased() { return newID }
        guard newStem != oldStem else { return nil }
        if lowered == oldStem.lowercased() { return newStem }
        return renamedPath(written)
    }

    /// `../goals/old.md?x` → `../goals/new.md?x`, `goals/old` → `goals/new`: a path whose last
    /// segment names the renamed file, with that segment renamed.
    func renamedPath(_ path: String) -> String? {
        var body = Substring(path)
        var tail = ""
        if let cut = body.firstIndex(where: { $0 == "?" || $0 == "#" }) {
            tail = String(body[cut...])
            body = body[..<cut]
        }
        let slash = body.lastIndex(of: "/")
        let folder = slash.map { String(body[...$0]) } ?? ""
        let segment = String(slash.map { body[body.index(after: $0)...] } ?? body)
        let name = segment.removingPercentEncoding ?? segment
        let fileName = document.path.split(separator: "/").last.map(String.init) ?? document.path
        let newFileName = newStem + String(fileName.dropFirst(oldStem.count))
        if name == fileName { return folder + newFileName + tail }
        if name == oldStem { return folder + newStem + tail }
        return nil
    }

    /// `id: new` as the front matter's first line, or a front matter holding only it when the
    /// file has none; the file's own line break.
    func idLine(in lines: LineIndex) -> TextEdit {
        let lineBreak = lines.text.contains("\r\n") ? "\r\n" : "\n"
        var first = String(lines.line(0))
        if first.hasPrefix("\u{FEFF}") { first.removeFirst() }
        if first.trimmingCharacters(in: .whitespaces) == "---", lines.lineCount > 1 {
            return TextEdit(range: Range(at: Position(line: 1, character: 0)), newText: "id: \(newID)" + lineBreak)
        }
        return TextEdit(range: Range(at: Position(line: 0, character: 0)), newText: "---" + lineBreak + "id: \(newID)" + lineBreak + "---" + lineBreak)
    }

    /// The text of a range on one line.
    static func text(in range: Range, of lines: LineIndex, encoding: PositionEncoding) -> String {
        let scalars = lines.view(range.start.line).scalars
        let from = max(0, lines.column(of: range.start, encoding: encoding) - 1)
        let to = min(scalars.count, lines.column(of: Position(line: range.start.line, character: range.end.character), encoding: encoding) - 1)
        guard from < to else { return "" }
        return String(String.UnicodeScalarView(scalars[from..<to]))
    }
}
