import BearingCore

/// `textDocument/hover`: Markdown about what is under the cursor. On a reference, the target's
/// title, type, status, owner, progress and first lines (or, unresolved, a "did you mean"); on a
/// person or team, who they are and how much they own; on `status`, the workflow with the
/// current status marked; on a key, its documentation. The range is the target's, as written.
enum HoverFeature {
    /// The request, announced as `hoverProvider`.
    static let handler = RequestHandler.on("textDocument/hover", capability: ("hoverProvider", true)) {
        (params: TextDocumentPositionParams, snapshot) in
        hover(at: params.position, in: params.textDocument.uri, snapshot)
    }

    /// The hover at a position of a file of the knowledge base (nil: nothing to say).
    static func hover(at position: Position, in uri: String, _ snapshot: WorkspaceSnapshot) -> Hover? {
        guard let path = snapshot.path(of: uri), let document = snapshot.knowledgeBase.document(atPath: path),
              let target = snapshot.target(at: position, in: path) else { return nil }
        let text: String? = switch target {
        case .reference(let reference, _): ReferenceHover.markdown(for: reference, snapshot)
        case .person(let person, _): PersonHover.markdown(for: person.id, snapshot.knowledgeBase)
        case .status: StatusHover.markdown(for: document, snapshot.knowledgeBase)
        case .field(let key, _): FieldDocumentation.of(key, for: document.type)?.markdown
            ?? "**`\(key)`**\n\nNot a field Bearing knows for a \(document.type.rawValue): kept as written, and queries can name it."
        }
        return text.map { Hover(contents: MarkupContent($0), range: target.range) }
    }
}
