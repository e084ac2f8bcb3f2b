/// The alignment chains (goal ids, nearest first) of every goal, brief and decision, by document:
/// a goal's chain is the goals above it; a brief's or decision's, one per goal it serves, that goal
/// (as named) then the goals above it. Kept as the goals each document serves plus one parent link
/// per goal (GoalAncestry), so it stays linear in the knowledge base however deep its goal tree;
/// a chain is built whole only when asked for (`chains(at:)`), and callers that need only its ends
/// or its nearest goals ask for those.
public struct AlignmentChains: Sendable, Equatable {
    /// A goal a brief or decision serves: its id as named, and its position.
    struct Served: Sendable, Equatable {
        var id: String
        var position: Int
    }

    /// What a document has: no chain (a note), its ancestors (a goal), or a chain per goal it serves.
    enum Entry: Sendable, Equatable {
        case none
        case goal
        case work([Served])
    }

    let ancestry: GoalAncestry
    /// By document position.
    let entries: [Entry]
    /// Document ids by position.
    let ids: [String]

    init(_ kb: KnowledgeBase) {
        ancestry = GoalAncestry(kb)
        ids = kb.documents.map(\.id)
        entries = kb.documents.indices.map { i in
            let document = kb.documents[i]
            switch document.type {
            case .note: return .none
            case .goal: return .goal
            default: return .work(kb.servedGoals(at: i).compactMap { id in kb.index(of: id).map { Served(id: id, position: $0) } })
            }
        }
    }

    /// How many goal ids the chains hold between them, counted, not built (linear in the KB: the
    /// parent links and the goals each document serves).
    var storedEntries: Int {
        ancestry.parent.count + entries.reduce(0) { total, entry in
            if case .work(let served) = entry { return total + served.count }
            return total
        }
    }

    /// The chains of the first document with this id (nil for a note or an unknown id), built whole.
    /// A linear look-up, for tests and one-off questions; the pipeline asks by position.
    public subscript(id: String) -> [[String]]? {
        ids.firstIndex(of: id).flatMap(chains(at:))
    }

    /// The chains of the document at `position`, built whole (nil for a note).
    func chains(at position: Int) -> [[String]]? {
        switch entries[position] {
        case .none: return nil
        case .goal: return [ancestry.ancestors(of: position).map { ids[$0] }]
        case .work(let served): return served.map { [$0.id] + ancestry.ancestors(of: $0.position).map { ids[$0] } }
        }
    }

    /// The chains of the document at `position` as paths, not built.
    func paths(at position: Int) -> [Path] {
        switch entries[position] {
        case .none: return []
        case .goal: return [Path(head: nil, from: position, steps: ancestry.depth[position], top: ancestry.top[position])]
        case .work(let served):
            return served.map { Path(head: $0.id, from: $0.position, steps: ancestry.depth[$0.position], top: ancestry.top[$0.position]) }
        }
    }

    /// The goals a brief or decision serves, as named (the first goal of each chain); nil for goals and notes.
    func served(at position: Int) -> [String]? {
        guard case .work(let served) = entries[position] else { return nil }
        return served.map(\.id)
    }

    /// A brief's or decision's chains by their ends: the position of each goal it serves and of the
    /// last goal of that chain; empty for goals and notes.
    func ends(at position: Int) -> [(first: Int, last: Int)] {
        guard case .work(let served) = entries[position] else { return [] }
        return served.map { ($0.position, ancestry.top[$0.position] ?? $0.position) }
    }

    /// Calls `body` with each goal id of each chain of the document at `position`, nearest first.
    func forEachGoal(at position: Int, _ body: (String) -> Void) {
        for path in paths(at: position) {
            if let head = path.head { body(head) }
            var current = path.from
            for _ in 0..<path.steps {
                guard let p = ancestry.parent[current] else { break }
                body(ids[p])
                current = p
            }
        }
    }
}

extension AlignmentChains {
    /// A chain not built: `head` (a served goal as named) if any, then the `steps` goals above `from`,
    /// nearest first; `top` is the last of those (kept as paths drop their nearest goals).
    struct Path: Sendable, Equatable {
        var head: String?
        var from: Int
        var steps: Int
        var top: Int?

        var count: Int { (head == nil ? 0 : 1) + steps }
    }

    /// The goal id nearest in `path` (it must not be empty).
    func nearest(_ path: Path) -> String {
        path.head ?? ids[ancestry.parent[path.from]!]
    }

    /// The goal id farthest in `path` (it must not be empty).
    func farthest(_ path: Path) -> String {
        path.steps > 0 ? ids[path.top!] : path.head!
    }

    /// `path` without its `m` nearest goals.
    func dropNearest(_ m: Int, of path: Path) -> Path {
        var path = path
        var m = m
        if m > 0, path.head != nil {
            path.head = nil
            m -= 1
        }
        while m > 0, path.steps > 0, let p = ancestry.parent[path.from] {
            path.from = p
            path.steps -= 1
            m -= 1
        }
        return path
    }

    /// Up to `k` goal ids of `path`, nearest first.
    func nearest(_ k: Int, of path: Path) -> [String] {
        var result: [String] = []
        var path = path
        while result.count < k, path.count > 0 {
            result.append(nearest(path))
            path = dropNearest(1, of: path)
        }
        return result
    }

    /// Whether two paths hold the same goal ids. Paths that reach the same goal with the same number
    /// of steps left hold the same ids from there on, so this walks only where they differ.
    func same(_ a: Path, _ b: Path) -> Bool {
        guard a.count == b.count else { return false }
        var a = a
        var b = b
        while a.count > 0 {
            if a.head == nil, b.head == nil, a.from == b.from { return true }
            guard nearest(a) == nearest(b) else { return false }
            a = dropNearest(1, of: a)
            b = dropNearest(1, of: b)
        }
        return true
    }

    /// Whether `path`, read from its top goal, starts `longer`.
    func starts(_ longer: Path, with path: Path) -> Bool {
        longer.count >= path.count && same(dropNearest(longer.count - path.count, of: longer), path)
    }
}
