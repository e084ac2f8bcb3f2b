import BearingCore
import Foundation

/// What renaming a document's id changes: the new id (a numbered record keeps its number),
/// whether its file is renamed (when the id is the file name and the client renames files) and
/// whether an `id:` line is added instead (the id is not the file name, or the file stays).
/// Checked before anything is edited: a valid id, taken by no other document or file.
struct RenamePlan {
    let document: Document
    let newID: String
    /// The file name without `.md`, before and after (the same when the file keeps its name).
    let oldStem: String
    let newStem: String
    let newPath: String
    let renamesFile: Bool
    let addsIDField: Bool

    init(document: Document, newName: String, snapshot: WorkspaceSnapshot) throws(ResponseError) {
        var requested = newName.trimmingCharacters(in: .whitespacesAndNewlines)
        // A file name typed for the id (`new-name.md`): the id is its name without `.md`.
        if requested.lowercased().hasSuffix(".md"), requested.count > 3 { requested = String(requested.dropLast(3)) }
        guard Document.isValidID(requested) else {
            throw Self.failure("'\(requested)' is not a valid id: letters, digits and . _ / -, starting with a letter or digit")
        }
        self.document = document
        let stem = Document.fileStem(ofPath: document.path)
        oldStem = stem
        let namedByFile = stem.lowercased() == document.id.lowercased()
        renamesFile = namedByFile && snapshot.editSupport.renamesFiles
        var newID = requested
        // `0007-use-x.md` renamed `use-y` is `0007-use-y.md`: the record keeps its number.
        // The number's rules are the model's, so rename and `bearing check` agree on what a number is.
        if renamesFile, document.number != nil, let number = Document.numberPrefix(ofFileStem: stem),
           Document.recordNumber(ofPath: requested + ".md") == nil {
            newID = number + requested
        }
        self.newID = newID
        addsIDField = snapshot.idField(of: document) == nil && !renamesFile
        if renamesFile, newID.contains("/") {
            throw Self.failure("'\(newID)' cannot be a file name ('/' makes a folder): the id of \(document.path) is its file name")
        }
        if let other = snapshot.knowledgeBase.document(newID), other.path != document.path {
            throw Self.failure("'\(newID)' is already the id of \(other.path)")
        }
        newStem = renamesFile ? newID : stem
        let name = document.path.split(separator: "/").last.map(String.init) ?? document.path
        let folder = String(document.path.dropLast(name.count))
        newPath = folder + newStem + String(name.dropFirst(stem.count))
        if renamesFile, newPath.lowercased() != document.path.lowercased(),
           snapshot.knowledgeBase.document(atPath: newPath) != nil || snapshot.knowledgeBase.assets.contains(newPath)
            || FileManager.default.fileExists(atPath: snapshot.workspace.root + "/" + newPath) {
            throw Self.failure("\(newPath) already exists")
        }
    }

    private static func failure(_ message: String) -> ResponseError {
        ResponseError(ResponseError.requestFailed, "cannot rename: " + message)
    }

    /// The workspace edit: every file's edits, then the file's rename, as `documentChanges` when
    /// the client takes them, else as `changes` (the file then keeps its name: see `renamesFile`).
    func workspaceEdit(in snapshot: WorkspaceSnapshot) -> WorkspaceEdit {
        let edits = edits(in: snapshot)
        let uri = { (path: String) in snapshot.open[path]?.uri ?? snapshot.uri(of: path) }
        guard snapshot.editSupport.documentChanges else {
            return WorkspaceEdit(changes: Dictionary(edits.map { (uri($0.key), $0.value) }, uniquingKeysWith: { first, _ in first }))
        }
        var changes = edits.keys.sorted().map { path in
            DocumentChange.edit(TextDocumentEdit(uri: uri(path), version: snapshot.open[path]?.version,
                                                 edits: edits[path] ?? []))
        }
        if renamesFile, newPath != document.path {
            changes.append(DocumentChange.rename(RenameFile(oldUri: uri(document.path), newUri: snapshot.uri(of: newPath))))
        }
        return WorkspaceEdit(documentChanges: changes)
    }
}
