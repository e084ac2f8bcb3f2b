import Foundation

/// Files already read and parsed, by path, kept between loads of the same knowledge base
/// (`bearing serve`): a load parses only the files it does not hold. Whoever watches the files
/// says which changed (`forget`). Drafts depend on the configuration's workflows, so a changed
/// bearing.yml empties it (`forgetAll`). Safe to use from several threads.
public final class ParseCache: @unchecked Sendable {
    private let lock = NSLock()
    private var drafts: [String: DocumentReader.Draft] = [:]

    public init() {}

    func draft(_ path: String) -> DocumentReader.Draft? { lock.withLock { drafts[path] } }

    func store(_ draft: DocumentReader.Draft, for path: String) { lock.withLock { drafts[path] = draft } }

    /// Forgets these files, and every file below those of them that are folders (a folder moved or removed).
    public func forget(_ paths: some Sequence<String>) {
        lock.withLock {
            for path in paths {
                drafts[path] = nil
                if !path.isMarkdownPath {
                    let folder = path + "/"
                    for key in drafts.keys where key.hasPrefix(folder) { drafts[key] = nil }
                }
            }
        }
    }

    public func forgetAll() { lock.withLock { drafts.removeAll() } }

    public var count: Int { lock.withLock { drafts.count } }
}
