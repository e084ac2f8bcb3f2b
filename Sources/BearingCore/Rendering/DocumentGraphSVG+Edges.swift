extension DocumentGraphSVG {
    typealias Point = DocumentGraphLayout.Point

    /// The curves of `edges`, in their order. A line leaves the box that refers from its top when
    /// the box referred to is above or in the same row (an arch), from its bottom when it is below,
    /// and arrives at the facing side. The lines at one side of a box are spread along it in the
    /// order of their other ends, so they neither meet in one point nor cross at the box. Arches
    /// stay below `ceiling`.
    static func curves(_ edges: [DocumentGraph.Edge], ceiling: Double, center: (String) -> Point) -> [String] {
        enum Side { case top, bottom }
        enum Course { case up, down, across }
        struct Port: Hashable { let id: String, side: Side }
        let half = DocumentGraphLayout.boxHeight / 2
        var courses: [Course] = []
        var ports: [Port: [(edge: Int, start: Bool, otherX: Double)]] = [:]
        for (i, edge) in edges.enumerated() {
            let source = center(edge.from), target = center(edge.to)
            let course: Course = target.y < source.y - half ? .up : target.y > source.y + half ? .down : .across
            courses.append(course)
            ports[Port(id: edge.from, side: course == .down ? .bottom : .top), default: []].append((i, true, target.x))
            ports[Port(id: edge.to, side: course == .up ? .bottom : .top), default: []].append((i, false, source.x))
        }
        var starts = [Point](repeating: Point(x: 0, y: 0), count: edges.count)
        var ends = starts
        for (port, uses) in ports {
            let box = center(port.id)
            let y = port.side == .top ? box.y - half : box.y + half
            let span = min(DocumentGraphLayout.boxWidth - 36, Double(uses.count - 1) * 12)
            for (rank, use) in uses.sorted(by: { ($0.otherX, $0.edge) < ($1.otherX, $1.edge) }).enumerated() {
                let x = uses.count == 1 ? box.x : box.x - span / 2 + span * Double(rank) / Double(uses.count - 1)
                if use.start { starts[use.edge] = Point(x: x, y: y) } else { ends[use.edge] = Point(x: x, y: y + (port.side == .top ? -2 : 2)) }
            }
        }
        return edges.indices.map { i in
            let start = starts[i], end = ends[i]
            let (c1, c2): (Double, Double)
            switch courses[i] {
            case .up, .down:
                let middle = (start.y + end.y) / 2
                (c1, c2) = (middle, middle)
            case .across:
                // A cubic's peak is ¾ of its control points' lift.
                let lift = max(0, min(70, 18 + abs(end.x - start.x) / 10, (min(start.y, end.y) - ceiling) / 0.75))
                (c1, c2) = (start.y - lift, end.y - lift)
            }
            return "M\(number(start.x)) \(number(start.y))C\(number(start.x)) \(number(c1)) \(number(end.x)) \(number(c2)) \(number(end.x)) \(number(end.y))"
        }
    }
}
