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
            case .unreadable(let path): "'\(path)' could not be read"
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
        for key in Set(old.fields.map(\.key)).union(new.fields.map(\.key)).subtracting(intent.keys) {
            let a = old.fields.first { $0.key == key }?.value, b = new.fields.first { $0.key == key }?.value
            guard a.map({ b.map($0.sameValue) ?? false }) ?? (b == nil) else {
                throw Failure.wouldDamage(path, reason: "changed '\(key)'")
            }
        }
        if !intent.body, old.markdown.blocks.map(\.text) != new.markdown.blocks.map(\.text) {
            throw Failure.wouldDamage(path, reason: "changed its body")
        }
        let document = DocumentReader(configuration: configuration).read(new).document
        if let reason = intent.expect(document) { throw Failure.wouldDamage(path, reason: reason) }
    }

    /// Writes `text` over the file at `url` atomically, when the file still holds `original`, then
    /// reads it back: what is on disk must be exactly what was meant. With `original` nil the file
    /// is created, never overwritten (O_EXCL: one that appears meanwhile is kept), its folder made.
    public static func write(_ text: String, to url: URL, replacing original: String?, displayPath: String) throws {
        let current = FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) }
        guard current == original else {
            throw Failure.notWritten(displayPath, reason: original == nil ? "it exists already: not overwritten" : "it changed since it was read; run the command again")
        }
        do {
            if original == nil {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .withoutOverwriting)
            } else {
                try Data(text.utf8).write(to: url, options: .atomic)
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

extension YAMLNode {
    /// The same value, wherever it is written (positions ignored).
    func sameValue(_ other: YAMLNode) -> Bool {
        switch (value, other.value) {
        case (.scalar(let a, let plainA), .scalar(let b, let plainB)): return a == b && (plainA == plainB || isNull == other.isNull)
        case (.sequence(let a), .sequence(let b)): return a.count == b.count && zip(a, b).allSatisfy { $0.sameValue($1) }
        case (.mapping(let a), .mapping(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value.sameValue($1.value) }
        default: return false
        }
    }
}
