/// The documents of a knowledge base and the references between them (SPEC §8, `bearing graph`):
/// a node per document, an edge per resolved reference. Nodes are sorted by id, edges by source,
/// target and kind, so the same knowledge base always gives the same graph.
public struct DocumentGraph: Sendable, Hashable {
    public struct Node: Sendable, Hashable, Codable {
        public var id: String
        public var title: String
        public var type: DocumentType
        public var status: String
        /// True when the status ends the type's workflow (achieved, done, superseded, …).
        public var finished: Bool
        public var path: String

        public init(id: String, title: String, type: DocumentType, status: String, finished: Bool = false, path: String = "") {
            self.id = id
            self.title = title
            self.type = type
            self.status = status
            self.finished = finished
            self.path = path
        }
    }

    /// `from` refers to `to` with `kind`: a brief `goals` a goal, a goal's `parent`, a body link (`mentions`).
    public struct Edge: Sendable, Hashable, Codable, Comparable {
        public var from: String
        public var to: String
        public var kind: ReferenceKind

        public init(from: String, to: String, kind: ReferenceKind) {
            self.from = from
            self.to = to
            self.kind = kind
        }

        public static func < (lhs: Edge, rhs: Edge) -> Bool {
            (lhs.from, lhs.to, lhs.kind.graphRank) < (rhs.from, rhs.to, rhs.kind.graphRank)
        }
    }

    public var title: String?
    public var nodes: [Node]
    public var edges: [Edge]

    public init(title: String? = nil, nodes: [Node], edges: [Edge]) {
        self.title = title
        self.nodes = nodes.sorted { $0.id < $1.id }
        self.edges = Array(Set(edges)).sorted()
    }

    /// The graph of a knowledge base: every document, and every reference that resolved to another
    /// document, once per source, target and kind (a link written twice is one edge).
    public init(_ kb: KnowledgeBase) {
        let nodes = kb.documents.map {
            Node(id: $0.id, title: $0.title, type: $0.type, status: $0.statusLabel, finished: kb.isFinished($0), path: $0.path)
        }
        var edges: [Edge] = []
        for document in kb.documents {
            for reference in document.references {
                guard let target = reference.target, target != document.id else { continue }
                edges.append(Edge(from: document.id, to: target, kind: reference.kind))
            }
        }
        self.init(title: kb.configuration.title, nodes: nodes, edges: edges)
    }

    /// The edges worth drawing: one per pair of documents, the strongest kind (`parent` before
    /// `goals` before … `mentions`), so a brief that serves a goal and links to it in its body, or
    /// two decisions that name each other in `supersedes` and `superseded_by`, give one line.
    /// Every `parent` edge is kept, so that a parent cycle shows.
    public var drawnEdges: [Edge] {
        let parents = edges.filter { $0.kind == .parent }
        let parentPairs = Set(parents.map { Pair($0.from, $0.to) })
        var best: [Pair: Edge] = [:]
        for edge in edges where edge.kind != .parent {
            let pair = Pair(edge.from, edge.to)
            guard !parentPairs.contains(pair) else { continue }
            if let kept = best[pair], kept.kind.graphRank <= edge.kind.graphRank { continue }
            best[pair] = edge
        }
        return (parents + best.values).sorted()
    }

    private struct Pair: Hashable {
        let low: String, high: String
        init(_ a: String, _ b: String) { (low, high) = a < b ? (a, b) : (b, a) }
    }
}

extension ReferenceKind {
    /// Structural kinds first: the order of `allCases`.
    var graphRank: Int { ReferenceKind.allCases.firstIndex(of: self)! }
}
