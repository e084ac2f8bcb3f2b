/// The diagnostics of each file. Sorted diagnostics (as loading gives them) are looked up in place
/// by binary search, with nothing built (a rebuild of `serve` makes a site per edit); others are
/// grouped once.
struct DiagnosticsByPath: Sendable {
    private let sorted: [Diagnostic]
    private let grouped: [String: [Diagnostic]]?

    init(_ diagnostics: [Diagnostic]) {
        if zip(diagnostics, diagnostics.dropFirst()).allSatisfy({ $0.location.path <= $1.location.path }) {
            sorted = diagnostics
            grouped = nil
        } else {
            sorted = []
            grouped = Dictionary(grouping: diagnostics, by: \.location.path)
        }
    }

    subscript(path: String) -> [Diagnostic] {
        if let grouped { return grouped[path] ?? [] }
        var (low, high) = (0, sorted.count)
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle].location.path < path { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < sorted.count, sorted[end].location.path == path { end += 1 }
        return Array(sorted[low..<end])
    }
}
