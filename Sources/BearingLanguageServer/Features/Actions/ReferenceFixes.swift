import BearingCore
import Foundation

extension CodeActions {
    /// For an `unresolved-reference` diagnostic: the written id replaced by the one the
    /// diagnostic's "did you mean 'x'?" names (preferred), and the missing document created from
    /// its type's template when the client's edits may create files.
    func referenceFixes(for diagnostic: ClientDiagnostic) -> [CodeAction] {
        guard let (reference, written) = unresolvedReference(in: diagnostic.range) else { return [] }
        var actions: [CodeAction] = []
        if let suggested = Self.suggestion(in: diagnostic.message) {
            let edit = WorkspaceEdit(changes: [snapshot.uri(of: path): [TextEdit(range: written, newText: suggested)]])
            actions.append(CodeAction(title: "Change to '\(suggested)'", kind: CodeAction.quickFix, diagnostics: [diagnostic], isPreferred: true, edit: edit))
        }
        if snapshot.editSupport.createsFiles, let create = creation(of: reference, fixing: diagnostic) { actions.append(create) }
        return actions
    }

    /// The unresolved reference a diagnostic's range is on, with the range of its written target
    /// (the diagnostic starts at a wikilink's `[[`, the target after it).
    private func unresolvedReference(in range: Range) -> (Reference, Range)? {
        for reference in document.references where reference.target == nil && !reference.external && reference.location.line == range.start.line + 1 {
            if let written = snapshot.writtenRange(of: reference, in: lines), written.start <= range.end, range.start <= written.end {
                return (reference, written)
            }
        }
        return nil
    }

    /// The id of "did you mean 'x'?" in a diagnostic's message (nil when there is none).
    static func suggestion(in message: String) -> String? {
        guard let start = message.range(of: "did you mean '") else { return nil }
        let rest = message[start.upperBound...]
        guard let end = rest.range(of: "'?") else { return nil }
        let id = String(rest[..<end.lowerBound])
        return id.isEmpty || id.contains("'") ? nil : id
    }

    /// "Create goal 'g-x'": the file `bearing new` would write for the id (its type from the
    /// field that names it), with the id as its title's words, created and filled by the editor.
    private func creation(of reference: Reference, fixing diagnostic: ClientDiagnostic) -> CodeAction? {
        guard let type = Self.type(namedBy: reference, in: document) else { return nil }
        var id = reference.written
        if id.hasPrefix("[["), id.hasSuffix("]]") { id = String(id.dropFirst(2).dropLast(2)) }
        if let hash = id.firstIndex(of: "#") { id = String(id[..<hash]) }
        id = id.trimmingCharacters(in: .whitespaces)
        guard !id.isEmpty, let new = newDocument(type: type, id: id) else { return nil }
        let uri = snapshot.uri(of: new.path)
        let edit = WorkspaceEdit(documentChanges: [
            .create(CreateFile(uri: uri)),
            .edit(TextDocumentEdit(uri: uri, version: nil, edits: [TextEdit(range: Range(at: Position(line: 0, character: 0)), newText: new.text)])),
        ])
        return CodeAction(title: "Create \(type.rawValue) '\(id)' (\(new.path))", kind: CodeAction.quickFix, diagnostics: [diagnostic], edit: edit)
    }

    /// What `bearing new` writes for a document of `type` whose id is `id`: its title the id's
    /// words (a decision's number left out), with an `id:` only when the file name would not give it.
    private func newDocument(type: DocumentType, id: String) -> (path: String, text: String)? {
        var words = id
        if type == .decision, let dash = id.firstIndex(of: "-"), id[..<dash].allSatisfy(\.isNumber) { words = String(id[id.index(after: dash)...]) }
        words = words.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        let title = words.prefix(1).uppercased() + words.dropFirst()
        let kb = snapshot.knowledgeBase
        let root = snapshot.workspace.root
        func make(explicitID: String?) -> (path: String, text: String)? {
            let request = NewDocument.Request(type: type, title: title, today: snapshot.today, id: explicitID)
            guard let new = try? NewDocument.make(request, kb: kb, root: root),
                  (try? DocumentEditor.verifyNew(path: new.path, text: new.text, title: title, type: type, configuration: kb.configuration)) != nil
            else { return nil }
            return new
        }
        guard let plain = make(explicitID: nil) else { return nil }
        let stem = ((plain.path as NSString).lastPathComponent as NSString).deletingPathExtension
        return stem.lowercased() == id.lowercased() ? plain : make(explicitID: id)
    }

    /// The type of document a reference names: a goal for `goals` and `parent`, a decision for
    /// `decisions`, a brief for `briefs`, the document's own type for `supersedes` and
    /// `superseded_by`, a note for a wikilink; nil otherwise.
    static func type(namedBy reference: Reference, in document: Document) -> DocumentType? {
        switch reference.kind {
        case .goals, .parent: .goal
        case .decisions: .decision
        case .supersedes, .supersededBy: document.type
        case .briefs: .brief
        case .mentions: reference.written.hasPrefix("[[") ? .note : nil
        case .links: nil
        }
    }
}
