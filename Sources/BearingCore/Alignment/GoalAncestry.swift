/// The goals above every goal, kept as one parent link per document with the number of goals above
/// it and the top one memoised: linear in the knowledge base however deep its goal tree. (Each
/// goal's whole chain, held for every goal, was quadratic: 10,000 goals each serving the one before
/// made 50 million entries, 38 s and 964 MB for a `build`.)
///
/// The walk up from a goal follows `parent` and stops at a top goal, at a parent that is not a goal,
/// and before a goal it met already (a cycle, which the `goal-cycle` rule reports): the goals above
/// `g` are `parent(g)`, `parent(parent(g))`, … `depth(g)` of them, the last `top(g)`.
struct GoalAncestry: Sendable, Equatable {
    /// By document position: the position of its parent goal; nil for a top goal, an unresolved
    /// parent or a parent that is not a goal, and for every document that is not a goal.
    let parent: [Int?]
    /// By position: how many goals the walk up meets.
    let depth: [Int]
    /// By position: the last goal of the walk up; nil when it meets none.
    let top: [Int?]

    init(_ kb: KnowledgeBase) {
        let documents = kb.documents
        var parent = [Int?](repeating: nil, count: documents.count)
        for i in documents.indices where documents[i].type == .goal {
            if let id = documents[i].goal?.parent, let p = kb.index(of: id), documents[p].type == .goal { parent[i] = p }
        }
        var depth = [Int](repeating: -1, count: documents.count)
        var top = [Int?](repeating: nil, count: documents.count)
        // Position on the walk being followed, -1 off it: meeting the walk again closes a cycle.
        var onWalk = [Int](repeating: -1, count: documents.count)
        for start in documents.indices where depth[start] < 0 {
            var walk: [Int] = []
            var next: Int? = start
            while let current = next, depth[current] < 0, onWalk[current] < 0 {
                onWalk[current] = walk.count
                walk.append(current)
                next = parent[current]
            }
            var below = walk[...]
            if let current = next, onWalk[current] >= 0 {
                // A cycle: from any of its goals the walk meets the others, the last the one whose parent it is.
                let cycle = Array(walk[onWalk[current]...])
                for (k, member) in cycle.enumerated() {
                    depth[member] = cycle.count - 1
                    top[member] = cycle.count == 1 ? nil : cycle[(k + cycle.count - 1) % cycle.count]
                }
                below = walk[..<onWalk[current]]
            }
            for member in below.reversed() {
                if let p = parent[member] {
                    depth[member] = depth[p] + 1
                    top[member] = top[p] ?? p
                } else {
                    depth[member] = 0
                }
            }
            for member in walk { onWalk[member] = -1 }
        }
        self.parent = parent
        self.depth = depth
        self.top = top
    }

    /// The positions of the goals above the goal at `position`, nearest first.
    func ancestors(of position: Int) -> [Int] {
        var result: [Int] = []
        var current = position
        while result.count < depth[position], let p = parent[current] {
            result.append(p)
            current = p
        }
        return result
    }
}
