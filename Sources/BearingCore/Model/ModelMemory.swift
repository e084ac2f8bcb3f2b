import Foundation

/// What the model stage keeps from one build of a knowledge base for the next build of the same
/// KB (the engine behind `bearing serve`): each document with its references resolved, the
/// resolver, and the last model itself. A build then resolves only the documents that changed, and
/// when no document was added, removed or renamed and no id, type, number or parent changed,
/// updates the last model's tables in place of making them again (`KnowledgeBase.updating`).
/// Safe to use from several threads.
public final class ModelMemory: @unchecked Sendable {
    private let lock = NSLock()
    private var resolved: [String: Resolution] = [:]
    /// The files whose wikilinks name each key (a target or label, lowercased), as `resolved` holds them.
    private var wikilinkUsers: [String: Set<String>] = [:]
    private var resolverKey: Int?
    private var titles: [String: [String]] = [:]
    private var resolver: ReferenceResolver?
    private var built: Built?
    /// How many builds were numbered (kept across `forgetAll`, so a number is never reused).
    private var generations = 0

    public init() {}

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

    /// What decides a draft's id and its place in the model's tables: while none of these change,
    /// ids, duplicates and the resolver's tables stay the same.
    struct Shape: Equatable {
        var explicitID: String?
        var id: String
        var type: DocumentType
        var number: Int?
        var parent: String?

        init(_ draft: DocumentReader.Draft) {
            explicitID = draft.explicitID?.value
            id = draft.document.id
            type = draft.document.type
            number = draft.document.number
            parent = draft.document.goal?.parent
        }
    }

    /// Which model a build made, and what changed since the one before: the stages after the
    /// model (validation, analysis) update their last results with it.
    public struct Generation: Sendable, Equatable {
        /// What an update replaced: the generation it started from, the positions of the documents.
        public struct Update: Sendable, Equatable {
            public var from: Int
            public var replaced: [Int]
        }

        /// Counts the builds made with this memory.
        public var number: Int
        /// Nil when the model was made anew.
        public var update: Update?
    }

    /// The last model and what an update of it needs.
    struct Built {
        var kb: KnowledgeBase
        var generation: Generation
        /// The resolver's key (KnowledgeBase.resolverKey): the same while shapes and files are.
        var key: Int
        /// Each file's draft shape, by path, and the order of the drafts (the scan's).
        var shapes: [String: Shape]
        var order: [String: Int]
        /// `duplicate-id` diagnostics, and the files they involve (an edit of one rebuilds all).
        var duplicates: [Diagnostic]
        var duplicatePaths: Set<String>
        /// The resolution diagnostics of each draft, in draft order.
        var resolutionDiagnostics: [[Diagnostic]]
        var assets: [String]
    }

    /// The resolutions made by a resolver of the same key (none when it changed: the old ones are
    /// dropped), and the titles (lowercased) whose documents changed since, given the documents of
    /// each title now.
    func resolutions(forResolver key: Int, titles now: [String: [String]]) -> ([String: Resolution], changedTitles: Set<String>) {
        lock.withLock {
            if resolverKey != key {
                resolverKey = key
                resolved = [:]
                wikilinkUsers = [:]
            }
            var changed = Set(titles.keys.filter { now[$0] != titles[$0] })
            changed.formUnion(now.keys.filter { titles[$0] == nil })
            titles = now
            return (resolved, changed)
        }
    }

    /// The titles (lowercased) of the last build, with the documents of each: handed over, not
    /// shared (an update changes a few in place, then stores them again with `store(titles:)`).
    func takeTitles() -> [String: [String]] {
        lock.withLock {
            defer { titles = [:] }
            return titles
        }
    }

    /// Keeps the titles of an update, which knows which of them changed.
    func store(titles now: [String: [String]]) { lock.withLock { titles = now } }

    func store(_ resolutions: [Resolution]) {
        lock.withLock {
            for resolution in resolutions {
                let path = resolution.unresolved.path
                unindex(path)
                resolved[path] = resolution
                for key in resolution.wikilinkKeys { wikilinkUsers[key, default: []].insert(path) }
            }
        }
    }

    /// Takes a file's wikilinks out of `wikilinkUsers` (under the lock).
    private func unindex(_ path: String) {
        for key in resolved[path]?.wikilinkKeys ?? [] {
            wikilinkUsers[key]?.remove(path)
            if wikilinkUsers[key]?.isEmpty == true { wikilinkUsers[key] = nil }
        }
    }

    /// The paths of the documents whose wikilinks may name one of these titles (lowercased).
    func wikilinkUsers(of changedTitles: Set<String>) -> Set<String> {
        lock.withLock { changedTitles.reduce(into: Set<String>()) { $0.formUnion(wikilinkUsers[$1] ?? []) } }
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

    func lastBuild() -> Built? { lock.withLock { built } }

    /// The generation of the last model built.
    public func lastGeneration() -> Generation? { lock.withLock { built?.generation } }

    /// Keeps a build, numbering it after the last one.
    func store(built new: Built, updated: [Int]?) {
        lock.withLock {
            var new = new
            let previous = built?.generation.number ?? generations
            generations = previous + 1
            new.generation = Generation(number: generations, update: updated.map { Generation.Update(from: previous, replaced: $0) })
            built = new
        }
    }

    /// Forgets these files: they are resolved again at the next build.
    func forget(_ paths: some Sequence<String>) {
        lock.withLock {
            for path in paths {
                unindex(path)
                resolved[path] = nil
            }
        }
    }

    /// Forgets every file below this folder (`folder/`).
    func forget(below folder: String) {
        lock.withLock {
            for key in resolved.keys where key.hasPrefix(folder) {
                unindex(key)
                resolved[key] = nil
            }
        }
    }

    public func forgetAll() {
        lock.withLock {
            resolved.removeAll()
            wikilinkUsers.removeAll()
            resolverKey = nil
            titles = [:]
            resolver = nil
            built = nil
        }
    }
}
