import Foundation

/// The one editor of documents (SPEC §8): every command that changes a user's file goes through
/// it. An edit touches only the lines it must (FrontMatterEdit, BodyStatusEdit) and is checked
/// before anything is written: the result must parse with no new problem, keep every front matter
/// field it was not asked to change, keep the body unless asked to change its status, and read
/// back as the intended document. Writing is atomic and re-reads what it wrote.
public enum DocumentEditor {
    public enum Failure: Error, CustomStringConvertible, Equatable {
        case noDocument(String, hint: String? = nil)
        case unknownStatus(String, valid: [String])
        case unreadable(String)
        /// The file is in a form this edit cannot make safely (a status written as a block, say).
        case cannotEdit(String, reason: String)
        /// The edit would not give exactly the intended change: nothing was written.
        case wouldDamage(String, reason: String)
        /// The file changed since it was read, or did not read back as written.
        case notWritten(String, reason: String)
        /// `approved` while reviewers have not signed off (`--force` approves anyway).
        case awaitingSignOff(String, reviewers: [String])

        public var description: String {
            switch self {
            case .noDocument(let id, let hint): "no document has the id '\(id)'" + (hint.map { "; \($0)" } ?? "")
            case .unreadable(let path): "'\(path)' could not be read as UTF-8 text: it was left as it is"
            case .unknownStatus(let status, let valid): "'\(status)' is not a status of this workflow: \(valid.joined(separator: ", "))"
            case .cannotEdit(let path, let reason): "'\(path)' was left as it is: \(reason)"
            case .wouldDamage(let path, let reason): "'\(path)' was left as it is, as the edit would have \(reason)"
            case .notWritten(let path, let reason): "'\(path)': \(reason)"
            case .awaitingSignOff(let id, let reviewers):
                "'\(id)' still awaits the sign-off of \(reviewers.joined(separator: ", ")) (add them to 'approvals:', or --force to approve anyway)"
            }
        }
    }

    /// What an edit may change: these front matter keys, and the body when `body` is true; and
    /// what the edited document must read back as (`expect` returns why it does not, or nil).
    struct Intent {
        var keys: Set<String>
        var body: Bool
        var expect: (Document) -> String?
    }

    /// Checks `after` against `before` and the intent; throws `wouldDamage` with the reason.
    static func verify(path: String, before: String, after: String, intent: Intent, configuration: Configuration) throws {
        let old = DocumentParser.parse(SourceFile(path: path, text: before))
        let new = DocumentParser.parse(SourceFile(path: path, text: after))
        if let problem = new.diagnostics.first(where: { diagnostic in !old.diagnostics.contains { $0.message == diagnostic.message } }) {
            throw Failure.wouldDamage(path, reason: "made it unreadable (\(problem.message), line \(problem.location.line))")
        }
        let before = Dictionary(old.fields.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.fields.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        for key in Set(before.keys).union(after.keys).subtracting(intent.keys) {
            let a = before[key], b = after[key]
            guard a.map({ b.map($0.sameValue) ?? false }) ?? (b == nil) else {
                throw Failure.wouldDamage(path, reason: "changed '\(key)'")
            }
        }
        let (removed, added) = difference(content(old.markdown), content(new.markdown))
        if !intent.body, !removed.isEmpty || !added.isEmpty {
            throw Failure.wouldDamage(path, reason: "changed its body")
        }
        // A status edit in the body replaces the status paragraph and may add a `Supersedes` one.
        if intent.body, removed.count > 1 || added.count > 2
            || !added.allSatisfy({ $0.lowercased().contains("supersed") || $0.lowercased().contains("status") || $0.split(separator: " ").count <= 3 }) {
            throw Failure.wouldDamage(path, reason: "changed more of its body than its status")
        }
        let document = DocumentReader(configuration: configuration).read(new).document
        if let reason = intent.expect(document) { throw Failure.wouldDamage(path, reason: reason) }
    }

    /// Checks a new document before it is written: it parses with no problem and reads back as a
    /// document of that type with that title (a template of the KB's own cannot turn it into
    /// something else unseen).
    public static func verifyNew(path: String, text: String, title: String, type: DocumentType, configuration: Configuration) throws {
        let parsed = DocumentParser.parse(SourceFile(path: path, text: text))
        if let problem = parsed.diagnostics.first {
            throw Failure.wouldDamage(path, reason: "made it unreadable (\(problem.message), line \(problem.location.line))")
        }
        let document = DocumentReader(configuration: configuration).read(parsed).document
        guard document.type == type else { throw Failure.wouldDamage(path, reason: "been read as a \(document.type.rawValue), not a \(type.rawValue)") }
        let normal = { (text: String) in text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        guard normal(document.title) == normal(title) || normal(title).hasSuffix(normal(document.title)) else {
            throw Failure.wouldDamage(path, reason: "been titled '\(document.title)' instead of '\(title)'")
        }
    }

    /// A file's bytes as text, byte-order mark kept, when they are UTF-8 (only text is edited: bytes
    /// that are not would be replaced, not kept).
    public static func text(of data: Data) -> String? {
        String(validating: data, as: UTF8.self)
    }

    /// Several files written as one change (a supersession edits both records): when one cannot be
    /// written, those already written are put back as they were.
    public static func write(_ edits: [(text: String, url: URL, original: String?, displayPath: String)]) throws {
        var done: [(url: URL, original: String?, text: String, displayPath: String)] = []
        do {
            for edit in edits {
                try write(edit.text, to: edit.url, replacing: edit.original, displayPath: edit.displayPath)
                done.append((edit.url, edit.original, edit.text, edit.displayPath))
            }
        } catch {
            for written in done.reversed() {
                if let original = written.original {
                    try? write(original, to: written.url, replacing: written.text, displayPath: written.displayPath)
                } else {
                    try? FileManager.default.removeItem(at: written.url)
                }
            }
            throw error
        }
    }

    /// What a body says: its blocks' text and its code blocks, in order.
    private static func content(_ markdown: MarkdownDocument) -> [String] {
        markdown.blocks.map(\.text) + markdown.codeBlocks.map(\.literal)
    }

    /// The texts only `a` has and the texts only `b` has (as multisets).
    private static func difference(_ a: [String], _ b: [String]) -> (removed: [String], added: [String]) {
        var counts: [String: Int] = [:]
        for text in a { counts[text, default: 0] += 1 }
        var added: [String] = []
        for text in b {
            if let n = counts[text], n > 0 { counts[text] = n - 1 } else { added.append(text) }
        }
        return (counts.flatMap { Array(repeating: $0.key, count: $0.value) }.sorted(), added)
    }

    /// Writes `text` over the file at `url` atomically, when the file still holds `original`, then
    /// reads it back: what is on disk must be exactly what was meant. With `original` nil the file
    /// is created, never overwritten (O_EXCL: one that appears meanwhile is kept), its folder made.
    /// A symbolic link is written through (its target changes, the link stays), and the file keeps
    /// its permissions.
    public static func write(_ text: String, to link: URL, replacing original: String?, displayPath: String) throws {
        let url = original == nil ? link : link.resolvingSymlinksInPath()
        let current = FileManager.default.contents(atPath: url.path).map { Self.text(of: $0) ?? "\u{FFFD}not UTF-8" }
        let permissions = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.posixPermissions]
        guard current == original else {
            throw Failure.notWritten(displayPath, reason: original == nil ? "it exists already: not overwritten" : "it changed since it was read; run the command again")
        }
        do {
            if original == nil {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .withoutOverwriting)
            } else {
                try Data(text.utf8).write(to: url, options: .atomic)
                if let permissions { try? FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: url.path) }
            }
        } catch CocoaError.fileWriteFileExists {
            throw Failure.notWritten(displayPath, reason: "it exists already: not overwritten")
        } catch {
            throw Failure.notWritten(displayPath, reason: "cannot write it (\(error.localizedDescription))")
        }
        guard FileManager.default.contents(atPath: url.path) == Data(text.utf8) else {
            throw Failure.notWritten(displayPath, reason: "it did not read back as written")
        }
    }
}
