import Foundation

/// What a load of a knowledge base can keep for the next load of the same KB (`bearing serve`):
/// each file's parse, and each document with its references resolved. A load then parses only
/// the files the cache does not hold, and resolves only the documents that changed, as long as
/// what resolution looks at (every document's id, path, title and number, and the files) is the
/// same (titles matter to wikilinks only). Whoever watches the files says which changed (`forget`). Parses depend on the
/// configuration's workflows, so a changed bearing.yml empties it (`forgetAll`). Safe to use from
/// several threads.
public final class LoadCache: @unchecked Sendable {
    private let lock = NSLock()
    private var drafts: [String: DocumentReader.Draft] = [:]
    private var resolved: [String: Resolution] = [:]
    private var resolverKey: Int?
    private var titles: [String: [String]] = [:]
    private var resolver: ReferenceResolver?
    /// The last scan of the folder, kept while no file is added or removed.
    private var scan: Scan?

    private struct Scan {
        var found: KnowledgeBaseScan
        /// Where each Markdown file is in `markdown`, and the assets: what `forget` asks about each path.
        let positions: [String: Int]
        let assetPaths: Set<String>

        init(_ found: KnowledgeBaseScan) {
            self.found = found
            positions = Dictionary(found.markdown.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
            assetPaths = Set(found.assets)
        }
    }

    /// A document before and after its references were resolved, and what resolving them reported.
    struct Resolution {
        var unresolved: Document
        var resolved: Document
        var diagnostics: [Diagnostic]
        /// What its wikilinks name (target and label, lowercased): a title they may match.
        var wikilinkKeys: Set<String>

        init(unresolved: Document, resolved: Document, diagnostics: [Diagnostic]) {
            self.unresolved = unresolved
            self.resolved = resolved
            self.diagnostics = diagnostics
            var keys: Set<String> = []
            for reference in unresolved.references where reference.written.hasPrefix("[[") {
                keys.insert(String(reference.written.dropFirst(2).dropLast(2)).lowercased())
                if let label = reference.label { keys.insert(label.lowercased()) }
            }
            wikilinkKeys = keys
        }
    }

    public init() {}

    /// The parse of each of these files, nil for those it does not hold.
    func drafts(_ paths: [String]) -> [DocumentReader.Draft?] { lock.withLock { paths.map { drafts[$0] } } }

    func store(_ parsed: [(String, DocumentReader.Draft)]) { lock.withLock { for (path, draft) in parsed { drafts[path] = draft } } }

    /// The resolutions made by a resolver of the same key (none when it changed: the old ones are
    /// dropped), and the titles (lowercased) whose documents changed since, given the documents of
    /// each title now.
    func resolutions(forResolver key: Int, titles now: [String: [String]]) -> ([String: Resolution], changedTitles: Set<String>) {
        lock.withLock {
            if resolverKey != key {
                resolverKey = key
                resolved = [:]
            }
            var changed = Set(titles.keys.filter { now[$0] != titles[$0] })
            changed.formUnion(now.keys.filter { titles[$0] == nil })
            titles = now
            return (resolved, changed)
        }
    }

    func store(_ resolutions: [Resolution]) {
        lock.withLock { for resolution in resolutions { resolved[resolution.unresolved.path] = resolution } }
    }

    /// The files of the last scan, unless a file was added or removed since.
    func scanned() -> KnowledgeBaseScan? {
        lock.withLock { scan?.found }
    }

    func store(scan: KnowledgeBaseScan) {
        lock.withLock { self.scan = Scan(scan) }
    }

    /// The resolver of the last load when its key is the same, with the titles updated.
    func resolver(forKey key: Int, titles: [String: [String]], make: () -> ReferenceResolver) -> ReferenceResolver {
        lock.withLock {
            if var known = resolver, known.key == key {
                known.byTitle = titles
                resolver = known
                return known
            }
            let made = make()
            resolver = made
            return made
        }
    }

    /// Forgets these files of the folder `root`, and every file below those of them that are
    /// folders (a folder moved or removed). When one of them was added or removed (or is a
    /// folder, or no longer a regular file: a symbolic link now), the next load scans the folder again.
    public func forget(_ paths: some Sequence<String>, in root: String) {
        lock.withLock {
            if var known = scan {
                for path in paths {
                    let full = root + "/" + path
                    guard known.positions[path] != nil || known.assetPaths.contains(path), FileReader.isRegularFile(full) else {
                        scan = nil
                        break
                    }
                    if let i = known.positions[path] { known.found.markdown[i].size = FileReader.size(full) ?? 0 }
                }
                if scan != nil { scan = known }
            }
            for path in paths {
                drafts[path] = nil
                resolved[path] = nil
                // A sidecar (a KEP's kep.yaml) is part of the README beside it.
                if let sidecar = SidecarFile.names.first(where: { path == $0 || path.hasSuffix("/" + $0) }) {
                    let folder = path.dropLast(sidecar.count)
                    for name in ["README.md", "readme.md", "Readme.md"] {
                        drafts[folder + name] = nil
                        resolved[folder + name] = nil
                    }
                }
                if !path.isMarkdownPath {
                    let folder = path + "/"
                    for key in drafts.keys where key.hasPrefix(folder) { drafts[key] = nil }
                    for key in resolved.keys where key.hasPrefix(folder) { resolved[key] = nil }
                }
            }
        }
    }

    public func forgetAll() {
        lock.withLock {
            drafts.removeAll()
            resolved.removeAll()
            resolverKey = nil
            titles = [:]
            resolver = nil
            scan = nil
        }
    }

    /// How many parsed files it holds.
    public var count: Int { lock.withLock { drafts.count } }
}
