import Foundation

/// Plans `bearing status ID NEW_STATUS [--by ID]` over a loaded knowledge base: which files change
/// and to what, each edit made by the document editor and checked before anything is written.
/// The record gets its new status where it keeps it (front matter, a Nygard status section, a
/// MADR 2 bullet) and `updated:` when the file has one; superseding writes what each format's
/// readers expect on both records (`superseded_by:` / `supersedes:` merged into the list, or
/// `Superseded by [..](..)` / `Supersedes [..](..)` in the body).
public struct StatusChangePlan: Sendable {
    /// A file's new text, and the text it replaces (the write refuses when the file changed since).
    public struct FileEdit: Sendable, Equatable {
        public var path: String
        public var original: String
        public var text: String
    }

    public var edits: [FileEdit]
    /// `path: old → new` lines to print.
    public var summary: [String]

    /// `read` gives a file's current text by path (relative to the knowledge base).
    /// A brief is approved only when every reviewer has signed off (`approvals:`), unless `force`.
    public static func make(kb: KnowledgeBase, id: String, status: String, by successorID: String?, today: Day, force: Bool = false,
                            read: (String) -> String?) throws -> StatusChangePlan {
        guard let document = kb.find(id) else { throw DocumentEditor.Failure.noDocument(id, hint: kb.suggestion(forID: id)) }
        let workflow = kb.workflow(of: document)
        let new = status.lowercased()
        guard workflow.knows(new) else { throw DocumentEditor.Failure.unknownStatus(status, valid: workflow.statuses) }
        if new == "approved", !force, let awaited = document.brief?.awaitedReviewers, !awaited.isEmpty {
            throw DocumentEditor.Failure.awaitingSignOff(document.id, reviewers: awaited)
        }
        if successorID != nil, new != "superseded" {
            throw DocumentEditor.Failure.cannotEdit(document.path, reason: "--by names a successor, which only 'superseded' takes")
        }
        var successor: Document?
        if let successorID {
            guard let found = kb.find(successorID) else { throw DocumentEditor.Failure.noDocument(successorID, hint: kb.suggestion(forID: successorID)) }
            guard found.id != document.id else { throw DocumentEditor.Failure.cannotEdit(document.path, reason: "a record cannot supersede itself") }
            guard found.type == document.type else {
                throw DocumentEditor.Failure.cannotEdit(document.path, reason: "'\(found.id)' is a \(found.type.rawValue), and a \(document.type.rawValue) is superseded by a \(document.type.rawValue)")
            }
            let named = document.targets(.supersededBy)
            guard named.isEmpty || named == [found.id] else {
                throw DocumentEditor.Failure.cannotEdit(document.path, reason: "it already names its successor '\(named.joined(separator: "', '"))'; change that by hand first")
            }
            successor = found
        }
        guard let text = read(document.path) else { throw DocumentEditor.Failure.unreadable(document.path) }
        let link = successor.map { (title: linkTitle($0), path: relativeLink(from: document.path, to: $0.path)) }
        let edited = try setStatus(new, successor: successor.map { ($0.id, link!) }, of: document, text: text, today: today, configuration: kb.configuration)
        var plan = StatusChangePlan(edits: [FileEdit(path: document.path, original: text, text: edited)],
                                    summary: ["\(document.path): \(document.statusLabel) → \(new)"])
        if let successor, successor.path != document.path, !successor.targets(.supersedes).contains(document.id) {
            guard let successorText = read(successor.path) else { throw DocumentEditor.Failure.unreadable(successor.path) }
            let back = (title: linkTitle(document), path: relativeLink(from: successor.path, to: document.path))
            let text = try addSupersedes(document.id, link: back, to: successor, text: successorText, today: today, configuration: kb.configuration)
            plan.edits.append(FileEdit(path: successor.path, original: successorText, text: text))
            plan.summary.append("\(successor.path): supersedes \(document.id)")
        }
        return plan
    }

    private static func setStatus(_ new: String, successor: (id: String, link: (title: String, path: String))?, of document: Document,
                                  text: String, today: Day, configuration: Configuration) throws -> String {
        var edit = Edit(path: document.path, text: text)
        let hasField = document.fields.contains { $0.key == "status" }
        let inBody = BodyStatusEdit.place(in: text) != nil
        if hasField || (!inBody && !document.fields.isEmpty && document.status.isEmpty) {
            try edit.frontMatter("status") { FrontMatterEdit.setting("status", to: new, in: $0, fields: $1) }
            if let successor, new == "superseded" {
                try edit.frontMatter("superseded_by") { FrontMatterEdit.setting("superseded_by", to: successor.id, in: $0, fields: $1) }
            } else if new != "superseded", document.fields.contains(where: { $0.key == "superseded_by" }) {
                // No longer superseded: no successor either (its page would still say so).
                try edit.frontMatter("superseded_by") { FrontMatterEdit.removing("superseded_by", in: $0, fields: $1) }
            }
        } else if inBody {
            try edit.body { BodyStatusEdit.setting(new, successor: new == "superseded" ? successor?.link : nil, in: $0) }
        } else if !document.status.isEmpty {
            // A status in a form the editor does not write (a bold label, a header line, a metadata
            // table, a sidecar file): a second status elsewhere would contradict it.
            throw DocumentEditor.Failure.cannotEdit(document.path, reason: "its status ('\(document.displayedStatus)') is written in a form Bearing does not edit; change it by hand")
        } else {
            var entries = [("status", YAMLScalar.text(new))]
            if let successor, new == "superseded" { entries.append(("superseded_by", YAMLScalar.text(successor.id))) }
            try edit.frontMatter("status", "superseded_by") { text, _ in FrontMatterEdit.addingFrontMatter(entries, to: text) }
        }
        try edit.touchUpdated(today)
        let inFrontMatter = edit.keys.contains("status")
        try edit.verify(configuration: configuration) { read in
            guard read.status == new else { return "given it the status '\(read.statusLabel)' instead of '\(new)'" }
            // In front matter the value is the word alone (a value over several lines is not replaced whole).
            if inFrontMatter, let text = read.statusText, text.lowercased() != new { return "left its status reading '\(text)'" }
            if new != "superseded", read.references.contains(where: { $0.kind == .supersededBy }) { return "left it naming a successor" }
            if let successor, new == "superseded",
               !read.references.contains(where: { $0.kind == .supersededBy && ($0.written == successor.id || $0.written == successor.link.path) }) {
                return "named no successor"
            }
            return nil
        }
        return edit.text
    }

    private static func addSupersedes(_ id: String, link: (title: String, path: String), to successor: Document, text: String,
                                      today: Day, configuration: Configuration) throws -> String {
        var edit = Edit(path: successor.path, text: text)
        if !successor.fields.isEmpty {
            try edit.frontMatter("supersedes") { FrontMatterEdit.merging(id, into: "supersedes", in: $0, fields: $1) }
        } else if BodyStatusEdit.place(in: text) != nil {
            try edit.body { BodyStatusEdit.addingSupersedes(title: link.title, path: link.path, in: $0) }
        } else {
            try edit.frontMatter("supersedes") { text, _ in FrontMatterEdit.addingFrontMatter([("supersedes", "[\(YAMLScalar.text(id))]")], to: text) }
        }
        try edit.touchUpdated(today)
        let status = successor.status
        try edit.verify(configuration: configuration) { read in
            guard read.status == status else { return "changed its status" }
            guard read.references.contains(where: { $0.kind == .supersedes && ($0.written == id || $0.written == link.path) }) else {
                return "named nothing it supersedes"
            }
            return nil
        }
        return edit.text
    }

    /// `3. Use X` for a numbered record (as adr-tools writes links), else its title.
    static func linkTitle(_ document: Document) -> String {
        document.number.map { "\($0). \(document.title)" } ?? document.title
    }

    /// The relative link from one file of the KB to another (`0002-use-y.md`, `../adr/0002-use-y.md`).
    static func relativeLink(from source: String, to target: String) -> String {
        let folder = { (path: String) in "/" + path.split(separator: "/").dropLast().joined(separator: "/") }
        let name = target.split(separator: "/").last.map(String.init) ?? target
        return RelativePath.between(folder(source), folder(target)) + name
    }

    /// One file's edits, each step re-parsing the text so positions are current, then checked.
    private struct Edit {
        let path: String
        let original: String
        var text: String
        var keys: Set<String> = []
        var bodyChanged = false

        init(path: String, text: String) {
            self.path = path
            self.original = text
            self.text = text
        }

        mutating func frontMatter(_ keys: String..., change: (String, [YAMLPair]) -> String?) throws {
            let fields = DocumentParser.parse(SourceFile(path: path, text: text)).fields
            guard let changed = change(text, fields) else {
                throw DocumentEditor.Failure.cannotEdit(path, reason: "its front matter keeps '\(keys.joined(separator: "', '"))' in a form Bearing does not edit (change it by hand)")
            }
            text = changed
            self.keys.formUnion(keys)
        }

        mutating func body(_ change: (String) -> String?) throws {
            guard let changed = change(text) else {
                throw DocumentEditor.Failure.cannotEdit(path, reason: "its body states no status Bearing can change")
            }
            text = changed
            bodyChanged = true
        }

        /// `updated:` set to today where the file keeps one.
        mutating func touchUpdated(_ today: Day) throws {
            guard DocumentParser.parse(SourceFile(path: path, text: text)).fields.contains(where: { $0.key == "updated" }) else { return }
            try frontMatter("updated") { FrontMatterEdit.setting("updated", to: today.description, in: $0, fields: $1) }
        }

        func verify(configuration: Configuration, expect: @escaping (Document) -> String?) throws {
            try DocumentEditor.verify(path: path, before: original, after: text,
                                      intent: .init(keys: keys, body: bodyChanged, expect: expect), configuration: configuration)
        }
    }
}
