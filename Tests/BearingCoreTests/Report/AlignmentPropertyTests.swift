import Testing
@testable import BearingCore

/// Random knowledge bases (goals with random parents, cycles included; work with random goals and
/// statuses): the analysis and the report keep their invariants and never hang or crash.
@Suite struct AlignmentPropertyTests {
    static let goalStatuses = ["proposed", "active", "active", "achieved", "dropped"]
    static let briefStatuses = ["draft", "in-review", "in-progress", "done", "dropped"]

    static func randomFiles(seed: UInt64) -> [String: String] {
        var random = SeededRandom(seed: seed)
        let goals = Int.random(in: 1...25, using: &random)
        var files: [String: String] = [:]
        for i in 0..<goals {
            var front = "status: \(goalStatuses.randomElement(using: &random)!)\n"
            if Bool.random(using: &random) { front += "parent: g\(Int.random(in: 0..<goals, using: &random))\n" }
            if Int.random(in: 0..<3, using: &random) == 0 { front += "progress: \(Double(Int.random(in: 0...100, using: &random)) / 100)\n" }
            files["goals/g\(i).md"] = "---\n\(front)---\n# Goal \(i)\n"
        }
        for i in 0..<Int.random(in: 0...30, using: &random) {
            let served = (0..<Int.random(in: 0...2, using: &random)).map { _ in "g\(Int.random(in: 0..<goals, using: &random))" }
            files["briefs/b\(i).md"] = "---\nstatus: \(briefStatuses.randomElement(using: &random)!)\ngoals: [\(served.joined(separator: ", "))]\n---\n# Brief \(i)\n"
        }
        return files
    }

    @Test(arguments: 0..<40)
    func invariantsHold(seed: Int) async throws {
        let (kb, diagnostics) = await Fixtures.build(Self.randomFiles(seed: UInt64(seed)))
        let analysis = AlignmentAnalysis(kb, diagnostics: diagnostics, today: Fixtures.today)
        let parallel = await AlignmentAnalysis.make(kb, diagnostics: diagnostics, today: Fixtures.today)
        #expect(parallel.chains == analysis.chains)
        #expect(parallel.progress == analysis.progress)

        // Shares are shares.
        #expect(analysis.coverage.work.covered <= analysis.coverage.work.total)
        #expect(analysis.coverage.goals.covered <= analysis.coverage.goals.total)
        #expect(analysis.coverage.goals.total == kb.documents(ofType: .goal).filter(kb.isActive).count)
        // Chains never repeat a goal, and progress stays within 0…1.
        for position in kb.documents.indices {
            for chain in analysis.chains.chains(at: position) ?? [] { #expect(Set(chain).count == chain.count) }
            // The same chains as walking `parent` from each goal.
            let document = kb.documents[position]
            if document.type == .goal {
                #expect(analysis.chains.chains(at: position) == [kb.ancestors(ofGoal: document.id)])
            } else if document.type != .note {
                #expect(analysis.chains.chains(at: position) == kb.servedGoalIDs(document).map { [$0] + kb.ancestors(ofGoal: $0) })
            }
            // The page's rows, computed on chains not built, are those of the chains built whole.
            let whole = AlignmentChain.rows(analysis.chains.chains(at: position) ?? []).map(AlignmentChain.shown)
            #expect(AlignmentChain.shownRows(analysis.chains.paths(at: position), in: analysis.chains) == whole)
        }
        for progress in analysis.progress.values { if let value = progress.value { #expect(value >= 0 && value <= 1) } }
        // Orphans and work under goals do not overlap.
        let under = Set(analysis.workUnder.values.joined())
        #expect(Set(analysis.orphans).isDisjoint(with: under))

        // The goal tree holds every active goal exactly once (chains here are far below the depth limit).
        let report = await ReportBuilder(kb: kb, analysis: analysis, diagnostics: diagnostics).build()
        var seen: [String] = []
        func walk(_ node: Report.GoalNode) { seen.append(node.goal); node.children.forEach(walk) }
        report.goal_tree.forEach(walk)
        #expect(seen.count == Set(seen).count)
        #expect(Set(seen) == Set(kb.documents(ofType: .goal).filter(kb.isActive).map(\.id)))

        // Every form renders, and twice the same.
        for format in ReportFormat.allCases {
            let text = try ReportRenderer().render(report, as: format)
            #expect(text == (try ReportRenderer().render(report, as: format)))
        }
    }
}
