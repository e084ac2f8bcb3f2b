import Foundation

/// Plans `bearing status ID NEW_STATUS [--by ID]` over a loaded knowledge base: which files
/// change and to what. Writing them is the caller's (the command line's) job.
public struct StatusChangePlan: Sendable {
    /// A file's new text.
    public struct FileEdit: Sendable, Equatable {
        public var path: String
        public var text: String
    }

    public var edits: [FileEdit]
    /// `path: old → new` lines to print.
    public var summary: [String]

    /// `read` gives a file's current text by path (relative to the knowledge base).
    public static func make(kb: KnowledgeBase, id: String, status: String, by successorID: String?,
                            read: (String) -> String?) throws -> StatusChangePlan {
        guard let document = kb.document(id) else { throw StatusEditor.Failure.noDocument(id) }
        let workflow = kb.workflow(of: document)
        let new = status.lowercased()
        guard workflow.knows(new) else { throw StatusEditor.Failure.unknownStatus(status, valid: workflow.statuses) }
        var successor: Document?
        if let successorID {
            guard let found = kb.document(successorID) else { throw StatusEditor.Failure.noDocument(successorID) }
            successor = found
        }
        guard var text = read(document.path) else { throw StatusEditor.Failure.unreadable(document.path) }
        if let pair = document.fields.first(where: { $0.key == "status" }) {
            guard let edited = StatusEditor.replacingValue(in: text, key: "status", line: pair.keyLine, with: new) else {
                throw StatusEditor.Failure.noStatus(document.path)
            }
            text = edited
            if let successor, !document.fields.contains(where: { $0.key == "superseded_by" }) {
                text = StatusEditor.insertingKey(in: text, key: "superseded_by", value: successor.id, after: pair.keyLine)
            }
        } else if let edited = StatusEditor.replacingBodyStatus(in: text, from: document.status, to: new) {
            text = edited
        } else {
            throw StatusEditor.Failure.noStatus(document.path)
        }
        var plan = StatusChangePlan(edits: [FileEdit(path: document.path, text: text)],
                                    summary: ["\(document.path): \(document.status) → \(new)"])
        // The successor names what it supersedes, in its front matter.
        if let successor, successor.path != document.path, !successor.targets(.supersedes).contains(document.id),
           let anchor = successor.fields.first(where: { $0.key == "status" }) ?? successor.fields.first,
           let successorText = read(successor.path) {
            plan.edits.append(FileEdit(path: successor.path,
                                       text: StatusEditor.insertingKey(in: successorText, key: "supersedes", value: document.id, after: anchor.keyLine)))
            plan.summary.append("\(successor.path): supersedes \(document.id)")
        }
        return plan
    }
}
