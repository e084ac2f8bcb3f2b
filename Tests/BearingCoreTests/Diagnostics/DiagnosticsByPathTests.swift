import Testing
@testable import BearingCore

/// The site looks up each page's diagnostics: in place by binary search when they are sorted (as
/// loading gives them), grouped otherwise; both give what a filter by path gives.
@Suite struct DiagnosticsByPathTests {
    static func diagnostics(_ random: inout SeededRandom) -> [Diagnostic] {
        let paths = ["a.md", "b/c.md", "b/c.md.tmp", "b/d.md", "é.md", "z.md", "a b.md"]
        return (0..<random.int(0...60)).map { i in
            Diagnostic(.warning, .stale, "message \(i)", at: SourceLocation(path: random.pick(paths), line: random.int(1...9), column: 1))
        }
    }

    @Test(arguments: 1...40) func aLookUpGivesTheFilesDiagnosticsSortedOrNot(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let unsorted = Self.diagnostics(&random)
        for list in [unsorted, unsorted.sorted()] {
            let table = DiagnosticsByPath(list)
            for path in ["a.md", "b/c.md", "b/c.md.tmp", "b/d.md", "é.md", "z.md", "a b.md", "missing.md", ""] {
                #expect(table[path] == list.filter { $0.location.path == path }, "seed \(seed), \(path)")
            }
        }
    }
}
