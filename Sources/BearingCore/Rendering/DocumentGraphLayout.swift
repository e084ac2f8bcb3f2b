/// Where each box of a graph picture goes: layers from the top — goals by the depth of their
/// parent chain (top-level goals first), then the work (briefs and decisions), then notes. The
/// order in a layer follows the goal tree, so parent lines do not cross, and work sits in the
/// order of the goals it serves. A crowded layer is drawn as staggered rows, so lines from lower
/// rows pass between the boxes above. Positions come from a few passes that place each node
/// under (or over) its neighbours, then push boxes apart while keeping the order.
struct DocumentGraphLayout {
    struct Point: Hashable { var x: Double, y: Double }

    static let boxWidth = 180.0
    static let boxHeight = 52.0
    static let columnGap = 16.0
    static let rowGap = 14.0
    static let layerGap = 64.0

    /// Box centres by node id.
    private(set) var centers: [String: Point] = [:]
    private(set) var width = 0.0
    private(set) var height = 0.0

    /// Lays out `nodes` (a subset of `graph.nodes` may be given) with the edges between them.
    init(_ graph: DocumentGraph, nodes: [DocumentGraph.Node]) {
        guard !nodes.isEmpty else { return }
        let structure = Structure(graph, nodes: nodes)
        let layers = structure.layers
        let slot = Self.boxWidth + Self.columnGap
        let maxColumns = max(8, min(24, Int((Double(nodes.count).squareRoot() * 1.6).rounded(.up))))
        let separation = layers.map { slot / Double(max(1, ($0.count + maxColumns - 1) / maxColumns)) }

        var x: [String: Double] = [:]
        func place(_ layer: Int, ideal: (String) -> (Double, Double)?) {
            let ids = layers[layer]
            let wanted = ids.map(ideal)
            var filled: [(Double, Double)] = []
            for (i, want) in wanted.enumerated() {
                if let want { filled.append(want); continue }
                // No neighbour to follow: beside the previous box, else the next one with one.
                let near = filled.last?.0 ?? wanted[(i + 1)...].lazy.compactMap { $0?.0 }.first ?? Double(i) * separation[layer]
                filled.append((near, 0.01))
            }
            let placed = Self.pack(filled, separation: separation[layer])
            for (id, value) in zip(ids, placed) { x[id] = value }
        }
        func mean(_ ids: [String]) -> Double? {
            let known = ids.compactMap { x[$0] }
            return known.isEmpty ? nil : known.reduce(0, +) / Double(known.count)
        }
        func downPass(first: Bool) {
            for layer in layers.indices {
                place(layer) { id in
                    if let value = mean(structure.up[id] ?? []) { return (value, 1) }
                    if layer == 0, first { return nil }
                    return x[id].map { ($0, 0.01) }
                }
            }
        }
        func upPass() {
            for layer in layers.indices.reversed() where !structure.isNoteLayer(layer) {
                place(layer) { id in
                    if let value = mean(structure.down[id] ?? []) { return (value, 1) }
                    return x[id].map { ($0, 1) }
                }
            }
        }
        downPass(first: true)
        for _ in 0..<4 { upPass(); downPass(first: false) }
        upPass()

        // Rows: within a layer, each box takes the first row where it does not overlap.
        let minX = x.values.min() ?? 0
        var top = 0.0
        for layer in layers {
            var rowEnds: [Double] = []
            for id in layer {
                let centerX = x[id]! - minX + Self.boxWidth / 2
                let row = rowEnds.firstIndex { $0 + Self.columnGap <= centerX - Self.boxWidth / 2 + 0.5 } ?? rowEnds.count
                if row == rowEnds.count { rowEnds.append(0) }
                rowEnds[row] = centerX + Self.boxWidth / 2
                centers[id] = Point(x: centerX, y: top + Double(row) * (Self.boxHeight + Self.rowGap) + Self.boxHeight / 2)
                width = max(width, centerX + Self.boxWidth / 2)
            }
            top += Double(rowEnds.count) * (Self.boxHeight + Self.rowGap) - Self.rowGap + Self.layerGap
        }
        height = top - Self.layerGap
    }

    /// Positions in the given order, at least `separation` apart, as close as possible to the
    /// wanted ones (least squares, by weight): neighbouring boxes that collide move together.
    static func pack(_ wanted: [(ideal: Double, weight: Double)], separation: Double) -> [Double] {
        struct Block { var first: Int, count: Int, weight: Double, sum: Double
            var position: Double { sum / weight } }
        var blocks: [Block] = []
        for (i, item) in wanted.enumerated() {
            var block = Block(first: i, count: 1, weight: item.weight, sum: item.weight * item.ideal)
            while let last = blocks.last, last.position + Double(last.count) * separation > block.position {
                blocks.removeLast()
                block = Block(first: last.first, count: last.count + block.count, weight: last.weight + block.weight,
                              sum: last.sum + block.sum - block.weight * Double(last.count) * separation)
            }
            blocks.append(block)
        }
        var result: [Double] = []
        for block in blocks {
            for offset in 0..<block.count { result.append(block.position + Double(offset) * separation) }
        }
        return result
    }
}

extension DocumentGraphLayout {
    /// The layers and, for each node, the neighbours it hangs under (`up`) and the ones hanging
    /// under it (`down`).
    struct Structure {
        var layers: [[String]] = []
        var up: [String: [String]] = [:]
        var down: [String: [String]] = [:]
        private var noteLayer: Int?

        func isNoteLayer(_ layer: Int) -> Bool { layer == noteLayer }

        init(_ graph: DocumentGraph, nodes: [DocumentGraph.Node]) {
            let type = Dictionary(nodes.map { ($0.id, $0.type) }, uniquingKeysWith: { first, _ in first })
            let edges = graph.edges.filter { type[$0.from] != nil && type[$0.to] != nil }
            var parent: [String: String] = [:]
            var children: [String: [String]] = [:]
            var goalsOf: [String: [String]] = [:]
            var neighbours: [String: [String]] = [:]
            for edge in edges {
                neighbours[edge.from, default: []].append(edge.to)
                neighbours[edge.to, default: []].append(edge.from)
                guard type[edge.to] == .goal else { continue }
                if edge.kind == .parent, type[edge.from] == .goal, parent[edge.from] == nil {
                    parent[edge.from] = edge.to
                    children[edge.to, default: []].append(edge.from)
                } else if edge.kind == .goals {
                    goalsOf[edge.from, default: []].append(edge.to)
                }
            }
            // A decision serves the goals of the briefs it names, too.
            for edge in edges where edge.kind == .briefs && type[edge.from] == .decision {
                goalsOf[edge.from, default: []] += goalsOf[edge.to] ?? []
            }

            // Goals in depth-first order of the tree: the order of every goal layer.
            var depth: [String: Int] = [:]
            var sequence: [String: Double] = [:]
            // An explicit stack, not recursion: a goal tree may be thousands of goals deep.
            func visit(_ id: String, _ level: Int) {
                var stack = [(id, level)]
                while let (id, level) = stack.popLast() {
                    guard depth[id] == nil else { continue }
                    depth[id] = level
                    sequence[id] = Double(sequence.count)
                    for child in (children[id] ?? []).reversed() where depth[child] == nil { stack.append((child, level + 1)) }
                }
            }
            let goals = nodes.filter { $0.type == .goal }.map(\.id)
            for goal in goals where parent[goal] == nil { visit(goal, 0) }
            for goal in goals where depth[goal] == nil {
                // Under a parent cycle: start from a goal of the cycle.
                var top = goal
                for _ in goals {
                    guard let next = parent[top], depth[next] == nil else { break }
                    top = next
                }
                visit(top, 0)
            }
            let deepest = depth.values.max() ?? -1

            var layerOf: [String: Int] = depth
            for node in nodes where node.type != .goal {
                layerOf[node.id] = node.type == .note ? deepest + 2 : deepest + 1
            }
            for node in nodes {
                let id = node.id
                switch node.type {
                case .goal:
                    up[id] = parent[id].map { [$0] } ?? []
                case .brief, .decision:
                    var served = Self.unique(goalsOf[id] ?? [])
                    if served.isEmpty { served = Self.unique((neighbours[id] ?? []).filter { type[$0] == .goal }) }
                    up[id] = served
                case .note:
                    up[id] = Self.unique((neighbours[id] ?? []).filter { type[$0] != .note })
                }
                for other in up[id]! where node.type != .note { down[other, default: []].append(id) }
            }

            // Work follows the most specific goal it serves; notes the mean of their neighbours.
            for node in nodes where node.type == .brief || node.type == .decision {
                let primary = up[node.id]!.min { (-(depth[$0] ?? 0), sequence[$0] ?? 0) < (-(depth[$1] ?? 0), sequence[$1] ?? 0) }
                sequence[node.id] = primary.flatMap { sequence[$0] } ?? .infinity
            }
            for node in nodes where node.type == .note {
                let keys = up[node.id]!.compactMap { sequence[$0] }
                sequence[node.id] = keys.isEmpty ? .infinity : keys.reduce(0, +) / Double(keys.count)
            }
            let ordered = nodes.sorted { (sequence[$0.id]!, $0.type, $0.id) < (sequence[$1.id]!, $1.type, $1.id) }
            var layers: [Int: [String]] = [:]
            for node in ordered { layers[layerOf[node.id]!, default: []].append(node.id) }
            let keys = layers.keys.sorted()
            self.layers = keys.map { layers[$0]! }
            noteLayer = keys.firstIndex(of: deepest + 2)
        }

        private static func unique(_ ids: [String]) -> [String] {
            var seen = Set<String>()
            return ids.filter { seen.insert($0).inserted }
        }
    }
}
