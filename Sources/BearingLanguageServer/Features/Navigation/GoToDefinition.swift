import BearingCore

/// `textDocument/definition`: from a reference in any form (a front matter id, a wikilink, a
/// relative link, a decision label such as `ADR-0007`) to the document it resolves to, at the
/// heading its anchor names; from a link to a heading of the same page (`[see](#rollout)`,
/// `[[#rollout]]`) to that heading; from a person or team id to its entry in people.yml.
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
            return inPageLink(at: params.position, in: path, snapshot: snapshot).map { [$0] }
        }
    }

    /// The heading a link to this page's own anchor names, when the position is on such a link.
    static func inPageLink(at position: Position, in path: String, snapshot: WorkspaceSnapshot) -> Location? {
        guard let document = snapshot.knowledgeBase.document(atPath: path), let lines = snapshot.lines(of: path) else { return nil }
        for link in document.body.links where link.line == position.line + 1 {
            let anchor: String
            if link.kind == .link, link.destination.hasPrefix("#") {
                anchor = String(link.destination.dropFirst())
            } else if link.kind == .wikilink, link.destination.isEmpty, let written = link.anchor {
                anchor = written
            } else {
                continue
            }
            let written = link.kind == .link ? link.destination : "#" + anchor
            let place = SourceLocation(path: path, line: link.line, column: link.column)
            guard let range = snapshot.range(of: written, from: place, in: lines), range.contains(position) else { continue }
            guard let heading = document.body.headings.first(where: { $0.anchor.lowercased() == anchor.lowercased() }) else { return nil }
            return Location(uri: snapshot.uri(of: path), range: Range(at: Position(line: max(0, heading.line - 1), character: 0)))
        }
        return nil
    }
}

extension WorkspaceSnapshot {
    /// The person or team id whose people.yml entry is at `position` (when the file is people.yml).
    public func personEntry(at position: Position, in path: String) -> String? {
        guard path == PeopleDirectory.fileName, let lines = lines(of: path),
              case .success(let root?) = YAMLReader.parse(lines.text, firstLine: 1) else { return nil }
        for section in ["people", "teams"] {
            for pair in root[section]?.mapping ?? [] where pair.keyLine == position.line + 1 {
                let place = SourceLocation(path: path, line: pair.keyLine, column: pair.keyColumn)
                if range(of: pair.key, from: place, in: lines)?.contains(position) == true { return pair.key }
            }
        }
        return nil
    }

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
