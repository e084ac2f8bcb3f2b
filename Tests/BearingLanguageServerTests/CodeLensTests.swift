import XCTest
@testable import BearingLanguageServer

final class CodeLensTests: XCTestCase {
    private func codeLenses(_ session: ServerSession, _ path: String) async throws -> [[String: Any]] {
        let result = try await session.request("textDocument/codeLens", ["textDocument": ["uri": session.uri(path)]])
        return try XCTUnwrap(result as? [[String: Any]])
    }

    private func title(_ lens: [String: Any]?) -> String? { (lens?["command"] as? [String: Any])?["title"] as? String }

    func testAGoalsLensCountsTheWorkServingItAndItsProgressAsTheReportDoes() async throws {
        let session = try await ServerSession()
        let capabilities = try XCTUnwrap((session.initializeResult as? [String: Any])?["capabilities"] as? [String: Any])
        XCTAssertEqual((capabilities["codeLensProvider"] as? [String: Any])?["resolveProvider"] as? Bool, false)
        let lenses = try await codeLenses(session, "goals/g-2027-q1-dso.md")
        XCTAssertEqual(lenses.count, 1)
        // `bearing report` lists under this goal ADR-0001, 0002, 0007 and 0011 and two briefs, at 46%.
        XCTAssertEqual(title(lenses.first), "2 briefs, 4 decisions serve this goal · progress 46%")
        XCTAssertEqual((lenses.first?["command"] as? [String: Any])?["command"] as? String, "")
        // On the title: line.
        XCTAssertEqual(lenses.first?["range"] as? [String: [String: Int]], ["start": ["line": 1, "character": 0], "end": ["line": 1, "character": 49]])
    }

    func testAWeeklyGoalWithoutWorkSaysSo() async throws {
        let session = try await ServerSession()
        let lenses = try await codeLenses(session, "goals/g-2027-w07-depot-training.md")
        XCTAssertEqual(title(lenses.first), "0 briefs, 0 decisions serve this goal · progress 67%")
    }

    func testBriefsAndDecisionsSayWhichGoalsTheyServe() async throws {
        let session = try await ServerSession()
        let served = try await codeLenses(session, "briefs/dunning-automation.md")
        XCTAssertEqual(title(served.first), "serves: g-2027-q1-dso")
        let orphan = try await codeLenses(session, "briefs/office-move-checklist.md")
        XCTAssertEqual(title(orphan.first), "serves no goal")
        let notes = try await codeLenses(session, "notes/glossary.md")
        XCTAssertTrue(notes.isEmpty)
    }

    func testTheLensFollowsTheBufferNotTheDisk() async throws {
        let session = try await ServerSession()
        let path = "briefs/office-move-checklist.md"
        try await session.open(path)
        let original = try session.text(path)
        await session.change(path, to: original.replacingOccurrences(of: "status: in-progress\n", with: "status: in-progress\ngoals: [g-2027-break-even]\n"))
        let lenses = try await codeLenses(session, path)
        XCTAssertEqual(title(lenses.first), "serves: g-2027-break-even")
        XCTAssertEqual(try session.text(path), original)
    }
}
