import Foundation
import Testing
@testable import BearingCore

/// A long chain of goals (each serving the one before) is shown and laid out in bounded work:
/// 10,000 of them made every page list the whole chain (a 2.6 GB site).
@Suite struct GoalChainDepthTests {
    @Test func aLongChainShowsTheTopGoalAnElidedMiddleAndTheNearestGoals() {
        let row = (0..<10_000).map { ["g\($0)"] }
        let steps = AlignmentChain.shown(row)
        #expect(steps.count == AlignmentChain.maxSteps)
        #expect(steps.first == .goals(["g0"]))
        #expect(steps[1] == .elided(10_000 - 1 - (AlignmentChain.maxSteps - 2)))
        #expect(steps.last == .goals(["g9999"]))
        #expect(AlignmentChain.shown([["a"], ["b", "c"]]) == [.goals(["a"]), .goals(["b", "c"])])
    }

    @Test func pagesOfADeepChainStayTheSameSize() async throws {
        var files: [String: String] = [:]
        for i in 0..<300 {
            files["goals/g\(i).md"] = "---\ntitle: Goal \(i)\nstatus: active\n" + (i == 0 ? "" : "parent: g\(i - 1)\n") + "---\n"
        }
        let (kb, _) = await Fixtures.build(files)
        let graph = DocumentGraph(kb)
        // Laid out without recursion over the chain.
        let layout = DocumentGraphLayout(graph, nodes: graph.nodes)
        #expect(layout.centers.count == 300)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bearing-chain-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: false, encoding: .utf8)
        }
        let site = try await SiteTests.build(root.path)
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let deep = SiteTests.text(site, "goals/g299.html")
        let shallow = SiteTests.text(site, "goals/g20.html")
        #expect(deep.contains("… 292 more goals …"))
        #expect(!deep.contains(">Goal 150<"))
        // 280 more ancestors would be ~20 KB more; only titles, counts and the child list differ.
        #expect(abs(deep.utf8.count - shallow.utf8.count) < 1_000)
    }

    /// The analysis keeps one parent link per goal, not every goal's whole chain: 5,000 goals each
    /// serving the one before stored 12.5 million chain entries (n·depth/2), now about n.
    @Test func theAnalysisOfADeepChainIsLinear() async {
        let depth = 5_000
        var files: [String: String] = ["briefs/b.md": "---\ntitle: B\nstatus: draft\ngoals: [g\(depth - 1), g0]\n---\n"]
        for i in 0..<depth {
            files["goals/g\(i).md"] = "---\ntitle: Goal \(i)\nstatus: active\n" + (i == 0 ? "" : "parent: g\(i - 1)\n") + "---\n"
        }
        let (kb, diagnostics) = await Fixtures.build(files)
        let analysis = AlignmentAnalysis(kb, diagnostics: diagnostics, today: Fixtures.today)
        #expect(analysis.chains.storedEntries <= kb.documents.count + 2)
        // Still every chain, on demand, and the page's steps without building one.
        let deepest = kb.index(of: "g\(depth - 1)")!
        #expect(analysis.chains.chains(at: deepest)?.first?.count == depth - 1)
        #expect(analysis.chains["b"] == [(0..<depth).reversed().map { "g\($0)" }, ["g0"]])
        let steps = AlignmentChain.shownRows(analysis.chains.paths(at: kb.index(of: "b")!), in: analysis.chains)
        #expect(steps == [[.goals(["g0"]), .elided(depth - 7)] + (depth - 6..<depth - 1).map { .goals(["g\($0)"]) } + [.goals(["g\(depth - 1)"])]])
        #expect(analysis.coverage.work == Coverage(covered: 1, total: 1))
        #expect(analysis.workUnder["g0"] == ["b"])
    }
}
