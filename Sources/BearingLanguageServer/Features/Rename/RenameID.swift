import BearingCore

/// `textDocument/prepareRename` and `textDocument/rename`: renaming a document's id, from a
/// reference to it or from its own `id:` field, as one workspace edit the editor applies (the
/// server writes nothing). Elsewhere (a title, a heading, plain text) there is nothing to rename:
/// the id is what others write, and a title is edited in place.
enum RenameID {
    /// The document whose id a rename at `position` changes, and the range the editor highlights.
    static func subject(at position: Position, in path: String, snapshot: WorkspaceSnapshot) -> (document: Document, range: Range)? {
        if case .reference(let reference, let range)? = snapshot.target(at: position, in: path) {
            guard let id = reference.target, let document = snapshot.knowledgeBase.document(id) else { return nil }
            return (document, range)
        }
        return snapshot.declaredDocument(at: position, in: path)
    }

    static func prepare(_ params: TextDocumentPositionParams, in snapshot: WorkspaceSnapshot) -> PrepareRenameResult? {
        guard let path = snapshot.path(of: params.textDocument.uri),
              let subject = subject(at: params.position, in: path, snapshot: snapshot) else { return nil }
        return PrepareRenameResult(range: subject.range, placeholder: subject.document.id)
    }

    /// The edit; an error response when there is no id at the place, or the new one is not valid
    /// or is taken; nil when the id stays the same.
    static func edit(_ params: RenameParams, in snapshot: WorkspaceSnapshot) throws(ResponseError) -> WorkspaceEdit? {
        guard let path = snapshot.path(of: params.textDocument.uri),
              let subject = subject(at: params.position, in: path, snapshot: snapshot) else {
            throw ResponseError(ResponseError.requestFailed, "no document id here: rename from a reference to a document or from its 'id:' field")
        }
        let plan = try RenamePlan(document: subject.document, newName: params.newName, snapshot: snapshot)
        guard plan.newID != plan.document.id || plan.newPath != plan.document.path else { return nil }
        return plan.workspaceEdit(in: snapshot)
    }
}
