import BearingCore
import Foundation

/// Completion of documents: ids in front matter references, `[[id]]` wikilinks and relative
/// links in the body. Documents are filtered by the typed word (in the id or the title, ignoring
/// case) before any item is built, ids that start with it first.
enum DocumentCompletion {
    /// The ids of documents of `types` (the document itself aside).
    static func ids(of types: Set<DocumentType>, from document: Document?, _ kb: KnowledgeBase, into items: inout CompletionItems) {
        for candidate in matching(items.needle, types: types, excluding: document, kb, cut: &items) {
            add(candidate, newText: candidate.id, kb, into: &items)
        }
    }

    /// Wikilinks: the id, then the closing `]]` unless it is already there.
    static func wikilinks(from document: Document, _ kb: KnowledgeBase, into items: inout CompletionItems) {
        let closing = items.site.rest.hasPrefix("]]") ? "" : "]]"
        for candidate in matching(items.needle, types: nil, excluding: document, kb, cut: &items) {
            add(candidate, newText: candidate.id + closing, kb, into: &items)
        }
    }

    /// Relative links: the path from this file's folder to each document's file (spaces escaped).
    static func relativeLinks(from document: Document, _ kb: KnowledgeBase, into items: inout CompletionItems) {
        let folder = "/" + parent(of: document.path)
        let needle = items.needle
        var found: [(path: String, document: Document)] = []
        for candidate in kb.documents where candidate.path != document.path {
            let path = (RelativePath.between(folder, "/" + parent(of: candidate.path)) + name(of: candidate.path))
                .replacingOccurrences(of: " ", with: "%20")
            if needle.isEmpty || path.lowercased().contains(needle) || candidate.title.lowercased().contains(needle) {
                found.append((path, candidate))
            }
        }
        // Files beside this one and below first, then the farther ones, each by path.
        found.sort { ($0.path.hasPrefix("../") ? 1 : 0, $0.path.lowercased()) < ($1.path.hasPrefix("../") ? 1 : 0, $1.path.lowercased()) }
        if found.count > CompletionItems.limit { items.markIncomplete() }
        for (path, candidate) in found.prefix(CompletionItems.limit) {
            items.add(path, kind: .file, description: candidate.title, detail: summary(of: candidate, kb),
                      documentation: documentation(of: candidate, kb), filterText: path)
        }
    }

    /// The documents of `types` (any when nil) whose id or title contains `needle`, those whose
    /// id starts with it first, each group by id; at most the cap, the list marked when cut.
    static func matching(_ needle: String, types: Set<DocumentType>?, excluding document: Document?, _ kb: KnowledgeBase,
                         cut items: inout CompletionItems) -> [Document] {
        // Each candidate with its sort key (0 when its id starts with the needle, its id lowercased), lowercased once.
        var found: [(starts: Int, id: String, document: Document)] = []
        for candidate in kb.documents where candidate.path != document?.path && (types?.contains(candidate.type) ?? true) {
            let id = candidate.id.lowercased()
            if needle.isEmpty || id.hasPrefix(needle) {
                found.append((0, id, candidate))
            } else if id.contains(needle) || candidate.title.lowercased().contains(needle) {
                found.append((1, id, candidate))
            }
        }
        found.sort { ($0.starts, $0.id) < ($1.starts, $1.id) }
        if found.count > CompletionItems.limit { items.markIncomplete() }
        return found.prefix(CompletionItems.limit).map(\.document)
    }

    /// An item for a document: its id, its title beside it, its type and status as the detail.
    private static func add(_ document: Document, newText: String, _ kb: KnowledgeBase, into items: inout CompletionItems) {
        items.add(document.id, kind: .reference, newText: newText, description: document.title, detail: summary(of: document, kb),
                  documentation: documentation(of: document, kb), filterText: document.id + " " + document.title)
    }

    /// `goal · active`.
    static func summary(of document: Document, _ kb: KnowledgeBase) -> String {
        "\(document.type.rawValue) · \(document.displayedStatus)"
    }

    /// The title, type, status, owner and file of a document, in Markdown.
    static func documentation(of document: Document, _ kb: KnowledgeBase) -> String {
        let owner = document.owner.map { " · owner \(kb.people.name(of: $0))" } ?? ""
        return "**\(document.title)**\n\n\(summary(of: document, kb))\(owner)\n\n`\(document.path)`"
    }

    /// The folder part of a path relative to the knowledge base ("" at its root).
    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// The file name of a path.
    static func name(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}
