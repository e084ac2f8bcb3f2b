import Foundation
import Testing
@testable import BearingLanguageServer

@Suite struct CodeLensTests {
    private func codeLenses(_ session: ServerSession, _ path: String) async throws -> [[String: Any]] {
        let result = try await session.request("textDocument/codeLens", ["textDocument": ["uri": session.uri(path)]])
        return try #require(result as? [[String: Any]])
    }

    private func title(_ lens: [String: Any]?) -> String? { (lens?["command"] as? [String: Any])?["title"] as? String }

    @Test func aGoalsLensCountsTheWorkServingItAndItsProgressAsTheReportDoes() async throws {
        let session = try await ServerSession()
        let capabilities = try #require((session.initializeResult as? [String: Any])?["capabilities"] as? [String: Any])
        #expect((capabilities["codeLensProvider"] as? [String: Any])?["resolveProvider"] as? Bool == false)
        let lenses = try await codeLenses(session, "goals/g-2027-q1-dso.md")
        #expect(lenses.count == 1)
        // `bearing report` lists under this goal ADR-0001, 0002, 0007 and 0011 and two briefs, at 46%.
        #expect(title(lenses.first) == "2 briefs, 4 decisions serve this goal · progress 46%")
        #expect((lenses.first?["command"] as? [String: Any])?["command"] as? String == "")
        // On the title: line.
        #expect(lenses.first?["range"] as? [String: [String: Int]] == ["start": ["line": 1, "character": 0], "end": ["line": 1, "character": 49]])
    }

    @Test func aWeeklyGoalWithoutWorkSaysSo() async throws {
        let session = try await ServerSession()
        let lenses = try await codeLenses(session, "goals/g-2027-w07-depot-training.md")
        #expect(title(lenses.first) == "0 briefs, 0 decisions serve this goal · progress 67%")
    }

    @Test func briefsAndDecisionsSayWhichGoalsTheyServe() async throws {
        let session = try await ServerSession()
        let served = try await codeLenses(session, "briefs/dunning-automation.md")
        #expect(title(served.first) == "serves: g-2027-q1-dso")
        let orphan = try await codeLenses(session, "briefs/office-move-checklist.md")
        #expect(title(orphan.first) == "serves no goal")
        let notes = try await codeLenses(session, "notes/glossary.md")
        #expect(notes.isEmpty)
    }

    @Test func theLensFollowsTheBufferNotTheDisk() async throws {
        let session = try await ServerSession()
        let path = "briefs/office-move-checklist.md"
        try await session.open(path)
        let original = try session.text(path)
        await session.change(path, to: original.replacingOccurrences(of: "status: in-progress\n", with: "status: in-progress\ngoals: [g-2027-break-even]\n"))
        let lenses = try await codeLenses(session, path)
        #expect(title(lenses.first) == "serves: g-2027-break-even")
        #expect(try session.text(path) == original)
    }
}
