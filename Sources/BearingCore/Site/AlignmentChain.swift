/// The alignment chain a document's page shows once, at its top, top goal first
/// (year goal › quarter goal › this).
///
/// A document can reach the top goals several ways (AlignmentAnalysis.chains, nearest goal first):
/// a decision serving two quarter goals of one year goal, a brief serving a quarter goal and its
/// year goal too. Shown as they are, the year goal would appear once per way. Here the chains are
/// turned top-down, a chain that another one extends is dropped (the year goal alone, beside the
/// year goal › quarter goal), and chains that differ only in their last goal become one row whose
/// last step holds those goals side by side. Rows remain only for goals of different trees.
enum AlignmentChain {
    /// Rows of steps, top first; a step holds one goal id or several. `chains` lists goal ids
    /// nearest first (as AlignmentAnalysis gives them).
    static func rows(_ chains: [[String]]) -> [[[String]]] {
        var paths: [[String]] = []
        for chain in chains where !chain.isEmpty {
            let path = Array(chain.reversed())
            if !paths.contains(path) { paths.append(path) }
        }
        // A path that another one extends says nothing the longer one does not.
        paths = paths.filter { path in !paths.contains { $0.count > path.count && $0.starts(with: path) } }
        var rows: [(prefix: [String], last: [String])] = []
        for path in paths {
            let prefix = Array(path.dropLast())
            if let i = rows.firstIndex(where: { $0.prefix == prefix }) {
                rows[i].last.append(path[path.count - 1])
            } else {
                rows.append((prefix, [path[path.count - 1]]))
            }
        }
        return rows.map { row in row.prefix.map { [$0] } + [row.last] }
    }

    /// Steps a row shows: the top goal, then the nearest ones. A longer chain shows its middle as
    /// one elided step, so a page's size does not grow with the depth of the goal tree (10,000
    /// goals each serving the one before made every page list the whole chain: a 2.6 GB site).
    static let maxSteps = 8

    /// One step as shown: goal ids, or the number of goals left out in the middle.
    enum Step: Equatable {
        case goals([String])
        case elided(Int)
    }

    /// `row` with its middle elided when it has more than `maxSteps` steps.
    static func shown(_ row: [[String]]) -> [Step] {
        guard row.count > maxSteps else { return row.map { .goals($0) } }
        let tail = maxSteps - 2
        return [.goals(row[0]), .elided(row.count - 1 - tail)] + row.suffix(tail).map { .goals($0) }
    }
}

extension AlignmentChain {
    /// `rows(_:)` then `shown(_:)`, on chains not built (AlignmentChains.Path): the same steps. It
    /// reads the top goal and the nearest ones, and walks up the goal tree only to line up chains of
    /// different lengths: a goal's page (one chain) costs the same at any depth.
    static func shownRows(_ chainPaths: [AlignmentChains.Path], in chains: AlignmentChains) -> [[Step]] {
        var paths: [AlignmentChains.Path] = []
        for path in chainPaths where path.count > 0 {
            if !paths.contains(where: { chains.same($0, path) }) { paths.append(path) }
        }
        paths = paths.filter { path in !paths.contains { $0.count > path.count && chains.starts($0, with: path) } }
        var rows: [(prefix: AlignmentChains.Path, last: [String])] = []
        for path in paths {
            let prefix = chains.dropNearest(1, of: path)
            if let i = rows.firstIndex(where: { chains.same($0.prefix, prefix) }) {
                rows[i].last.append(chains.nearest(path))
            } else {
                rows.append((prefix, [chains.nearest(path)]))
            }
        }
        return rows.map { row -> [Step] in
            let count = row.prefix.count + 1
            let last = Step.goals(row.last)
            guard count > maxSteps else { return chains.nearest(row.prefix.count, of: row.prefix).reversed().map { Step.goals([$0]) } + [last] }
            let tail = maxSteps - 2
            let nearest = chains.nearest(tail - 1, of: row.prefix).reversed().map { Step.goals([$0]) }
            return [Step.goals([chains.farthest(row.prefix)]), Step.elided(count - 1 - tail)] + nearest + [last]
        }
    }
}
