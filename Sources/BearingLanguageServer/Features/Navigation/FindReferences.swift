import BearingCore

/// `textDocument/references`: the backlinks of a document, each at the exact range where it is
/// written. On a reference, of the document it names; on a person or team id, every place that
/// names them (from a document or from their entry in people.yml); anywhere else in a document
/// (its title, its `id:`), of that document. Typed: front
/// matter references (by kind, in `ReferenceKind`'s order) before body mentions, then by path.
enum FindReferences {
    static func locations(_ params: ReferenceParams, in snapshot: WorkspaceSnapshot) -> [Location]? {
        guard let path = snapshot.path(of: params.textDocument.uri) else { return nil }
        if let person = snapshot.personEntry(at: params.position, in: path) {
            return mentions(ofPerson: person, declaration: params.includesDeclaration, in: snapshot)
        }
        guard let here = snapshot.knowledgeBase.document(atPath: path) else { return nil }
        switch snapshot.target(at: params.position, in: path) {
        case .reference(let reference, _)?:
            guard let id = reference.target, let document = snapshot.knowledgeBase.document(id) else { return nil }
            return backlinks(of: document, declaration: params.includesDeclaration, in: snapshot)
        case .person(let person, _)?:
            return mentions(ofPerson: person.id, declaration: params.includesDeclaration, in: snapshot)
        default:
            return backlinks(of: here, declaration: params.includesDeclaration, in: snapshot)
        }
    }

    /// Every place referring to `document`, after its declaration when asked.
    static func backlinks(of document: Document, declaration: Bool, in snapshot: WorkspaceSnapshot) -> [Location] {
        var locations: [Location] = []
        if declaration, let place = snapshot.declaration(of: document) { locations.append(place) }
        for site in snapshot.referenceSites(of: document.id) {
            locations.append(Location(uri: snapshot.uri(of: site.source.path), range: site.range))
        }
        return locations
    }

    /// Every place naming a person or team id (owner, reviewers, decision-makers, …), by path
    /// then position, after its people.yml entry when asked.
    static func mentions(ofPerson id: String, declaration: Bool, in snapshot: WorkspaceSnapshot) -> [Location] {
        var locations: [Location] = []
        if declaration, let entry = snapshot.entry(ofPerson: id) { locations.append(entry) }
        let wanted = id.lowercased()
        for document in snapshot.knowledgeBase.documents.sorted(by: { $0.path < $1.path })
        where document.people.contains(where: { $0.id.lowercased() == wanted }) {
            guard let lines = snapshot.lines(of: document.path) else { continue }
            let ranges = document.people.filter { $0.id.lowercased() == wanted }
                .map { snapshot.range(of: $0.id, from: $0.location, in: lines) ?? snapshot.range(of: $0.location, in: lines) }
            for range in Set(ranges).sorted(by: { $0.start < $1.start }) {
                locations.append(Location(uri: snapshot.uri(of: document.path), range: range))
            }
        }
        return locations
    }
}
