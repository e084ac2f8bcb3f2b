import BearingCore
import Foundation

/// `workspace/symbol`: the documents whose id or title contains what the user typed (case
/// ignored), each at its title line. An id typed exactly comes first, then ids and titles that
/// start with it, then the rest; by title then id within each; at most `limit`.
enum WorkspaceSymbols {
    static let limit = 500

    static func symbols(_ params: WorkspaceSymbolParams, in snapshot: WorkspaceSnapshot) -> [SymbolInformation] {
        let query = params.query.trimmingCharacters(in: .whitespaces).lowercased()
        var matches: [(rank: Int, title: String, id: String, document: Document)] = []
        for document in snapshot.knowledgeBase.documents {
            let id = document.id.lowercased()
            let title = document.title.lowercased()
            guard query.isEmpty || id.contains(query) || title.contains(query) else { continue }
            let rank = query.isEmpty ? 1 : id == query ? 0 : id.hasPrefix(query) || title.hasPrefix(query) ? 1 : 2
            matches.append((rank, title, document.id, document))
        }
        matches.sort { ($0.rank, $0.title, $0.id, $0.document.path) < ($1.rank, $1.title, $1.id, $1.document.path) }
        return matches.prefix(limit).map { match in
            let document = match.document
            let line = max(0, snapshot.titleLine(of: document) - 1)
            return SymbolInformation(name: document.title.isEmpty ? document.id : document.title, kind: DocumentSymbols.kind(of: document.type),
                                     location: Location(uri: snapshot.uri(of: document.path), range: Range(at: Position(line: line, character: 0))),
                                     containerName: document.id)
        }
    }
}
