import BearingCore

/// `textDocument/definition`: from a reference in any form (a front matter id, a wikilink, a
/// relative link, a decision label such as `ADR-0007`) to the document it resolves to, at the
/// heading its anchor names; from a person or team id to its entry in people.yml.
enum GoToDefinition {
    static func locations(_ params: TextDocumentPositionParams, in snapshot: WorkspaceSnapshot) -> [Location]? {
        guard let path = snapshot.path(of: params.textDocument.uri) else { return nil }
        switch snapshot.target(at: params.position, in: path) {
        case .reference(let reference, _)?:
            guard let id = reference.target, let document = snapshot.knowledgeBase.document(id) else { return nil }
            return [snapshot.destination(in: document, anchor: reference.anchor)]
        case .person(let person, _)?:
            return snapshot.entry(ofPerson: person.id).map { [$0] }
        default:
            return nil
        }
    }
}

extension WorkspaceSnapshot {
    /// Where people.yml lists a person or team id (the key of its entry under `people:` or `teams:`).
    public func entry(ofPerson id: String) -> Location? {
        let path = PeopleDirectory.fileName
        guard let lines = lines(of: path), case .success(let root?) = YAMLReader.parse(lines.text, firstLine: 1) else { return nil }
        let wanted = id.lowercased()
        for section in ["people", "teams"] {
            guard let pair = root[section]?.mapping?.first(where: { $0.key.lowercased() == wanted }) else { continue }
            let place = SourceLocation(path: path, line: pair.keyLine, column: pair.keyColumn)
            let range = range(of: pair.key, from: place, in: lines) ?? range(of: place, in: lines)
            return Location(uri: uri(of: path), range: range)
        }
        return nil
    }
}
