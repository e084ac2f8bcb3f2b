import Foundation
import XCTest
@testable import BearingLanguageServer

/// `textDocument/completion` on the Northwind example, today 2027-02-17.
final class CompletionTests: XCTestCase {
    let brief = "briefs/dunning-automation.md"

    func testGoalIdsInAFlowListWithTheirTitles() async throws {
        let session = try await ServerSession()
        try await session.open(brief)
        let (items, incomplete) = try await complete(session, brief, at: session.position(of: "goals: [", in: brief, offset: 8))
        XCTAssertFalse(incomplete)
        let dso = try XCTUnwrap(items.first { $0["label"] as? String == "g-2027-q1-dso" })
        XCTAssertEqual((dso["labelDetails"] as? [String: Any])?["description"] as? String, "Bring days sales outstanding from 52 to 45")
        XCTAssertEqual(dso["detail"] as? String, "goal · active")
        XCTAssertTrue(items.allSatisfy { ($0["label"] as? String)?.hasPrefix("g-") == true }, "only goals")
        XCTAssertEqual(items.count, 18)
    }

    func testTheTypedWordFiltersAndIsReplaced() async throws {
        let session = try await ServerSession()
        try await session.open(brief)
        let position = try session.position(of: "goals: [", in: brief, offset: 8 + "g-2027-q1-ds".count)
        let (items, _) = try await complete(session, brief, at: position)
        XCTAssertEqual(labels(items), ["g-2027-q1-dso"])
        let edit = try XCTUnwrap(items.first?["textEdit"] as? [String: Any])
        XCTAssertEqual(edit["newText"] as? String, "g-2027-q1-dso")
        XCTAssertEqual(edit["range"] as? [String: [String: Int]], ["start": ["line": 4, "character": 8], "end": ["line": 4, "character": 20]])
        // A title word finds the document too.
        try write(session, brief, replacing: "goals: [g-2027-q1-dso]", with: "goals: [g-2027-q1-dso, outstanding")
        await session.change(brief, to: try session.text(brief))
        let (byTitle, _) = try await complete(session, brief, at: session.position(of: "outstanding", in: brief, offset: 11))
        XCTAssertEqual(labels(byTitle), ["g-2027-q1-dso"])
    }

    func testStatusesOfTheBriefWorkflow() async throws {
        let session = try await ServerSession()
        try write(session, brief, replacing: "status: approved", with: "status: ")
        try await session.open(brief)
        let (items, _) = try await complete(session, brief, at: session.position(of: "status: ", in: brief, offset: 8))
        XCTAssertEqual(labels(items), ["draft", "in-review", "approved", "in-progress", "done", "dropped"])
        XCTAssertEqual(items.last?["detail"] as? String, "step 6 of 6, terminal")
    }

    func testKeysNotYetWritten() async throws {
        let session = try await ServerSession()
        try write(session, brief, replacing: "tags: [finance, invoicing]\n", with: "tags: [finance, invoicing]\nl\n")
        try await session.open(brief)
        let (typed, _) = try await complete(session, brief, at: ["line": 9, "character": 1])
        XCTAssertEqual(labels(typed), ["links"])
        XCTAssertEqual((typed.first?["textEdit"] as? [String: Any])?["newText"] as? String, "links: ")
        let (all, _) = try await complete(session, brief, at: ["line": 9, "character": 0])
        XCTAssertEqual(labels(all), ["id", "type", "links"])
        XCTAssertTrue(((all.last?["documentation"] as? [String: Any])?["value"] as? String)?.contains("related") == true)
    }

    func testPeopleInABlockListAndAFlowList() async throws {
        let session = try await ServerSession()
        try write(session, brief, replacing: "reviewers: [dan, olga]", with: "reviewers:\n  - dan\n  - ol")
        try await session.open(brief)
        let (items, _) = try await complete(session, brief, at: session.position(of: "  - ol", in: brief, offset: 6))
        XCTAssertEqual(labels(items), ["olga"])
        XCTAssertEqual((items.first?["labelDetails"] as? [String: Any])?["description"] as? String, "Olga Nowak")
        XCTAssertEqual(items.first?["detail"] as? String, "person · Growth")
        let (owners, _) = try await complete(session, brief, at: session.position(of: "owner: ", in: brief, offset: 7))
        XCTAssertTrue(labels(owners).contains("finance-ops"), "teams too")
        XCTAssertEqual(labels(owners).count, 21)
    }

    func testPeriodsOfTheHorizonWithinTheParent() async throws {
        let session = try await ServerSession()
        let goal = "goals/g-2027-q1-dso.md"
        try write(session, goal, replacing: "period: \"2027-Q1\"", with: "period: ")
        try await session.open(goal)
        let (items, _) = try await complete(session, goal, at: session.position(of: "period: ", in: goal, offset: 8))
        XCTAssertEqual(labels(items), ["2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4"])
        XCTAssertEqual(items.first?["detail"] as? String, "current quarter")
        XCTAssertEqual(items.last?["detail"] as? String, "within 2027 of g-2027-break-even")
    }

    func testWikilinksAndRelativeLinksInTheBody() async throws {
        let session = try await ServerSession()
        try write(session, brief, replacing: "## Rollout\n", with: "## Rollout\nSee [[0007 and [the goal](../goals/g-2027-q1-ds\n")
        try await session.open(brief)
        let (links, _) = try await complete(session, brief, at: session.position(of: "[[0007", in: brief, offset: 6))
        XCTAssertEqual(labels(links), ["0007-use-stripe-for-card-and-ach-payments"])
        let edit = try XCTUnwrap(links.first?["textEdit"] as? [String: Any])
        XCTAssertEqual(edit["newText"] as? String, "0007-use-stripe-for-card-and-ach-payments]]")
        let (paths, _) = try await complete(session, brief, at: session.position(of: "](../goals/g-2027-q1-ds", in: brief, offset: 23))
        XCTAssertEqual(labels(paths), ["../goals/g-2027-q1-dso.md"])
        XCTAssertEqual((paths.first?["textEdit"] as? [String: Any])?["newText"] as? String, "../goals/g-2027-q1-dso.md")
    }

    func testQueryBlocks() async throws {
        let session = try await ServerSession()
        let note = "notes/glossary.md"
        let original = try session.text(note)
        try (original + "\n```bearing\nbriefs wh\n```\n\n```bearing\nbriefs where status = \n```\n\n```bearing\ngoals where \n```\n\n```bearing\nbriefs where status not in (draft, \n```\n\n```bearing\nbriefs where health in (\n```\n\n```bearing\ndecisions where owner != \n```\n")
            .write(toFile: session.root + "/" + note, atomically: true, encoding: .utf8)
        try await session.open(note)
        let (clauses, _) = try await complete(session, note, at: session.position(of: "briefs wh", in: note, offset: 9))
        XCTAssertEqual(labels(clauses), ["where"])
        let (statuses, _) = try await complete(session, note, at: session.position(of: "status = ", in: note, offset: 9))
        XCTAssertEqual(labels(statuses), ["draft", "in-review", "approved", "in-progress", "done", "dropped"])
        let (fields, _) = try await complete(session, note, at: session.position(of: "goals where ", in: note, offset: 12))
        XCTAssertTrue(labels(fields).contains("progress"))
        XCTAssertTrue(labels(fields).contains("not"))
        let (inList, _) = try await complete(session, note, at: session.position(of: "(draft, ", in: note, offset: 8))
        XCTAssertEqual(labels(inList), ["draft", "in-review", "approved", "in-progress", "done", "dropped"])
        let (healths, _) = try await complete(session, note, at: session.position(of: "health in (", in: note, offset: 11))
        XCTAssertEqual(labels(healths), ["on-track", "at-risk", "off-track"])
        let (people, _) = try await complete(session, note, at: session.position(of: "owner != ", in: note, offset: 9))
        XCTAssertEqual(labels(people).first, "aisha")
    }

    func testRangesInUTF8AfterNonASCIIText() async throws {
        let session = try await ServerSession(encodings: ["utf-8"])
        let prefix = "Zahlung über 🎉 "
        try write(session, brief, replacing: "## Rollout\n", with: "## Rollout\n\(prefix)[[g-2027-q1-ds\n")
        try await session.open(brief)
        let line = try XCTUnwrap(session.position(of: "[[g-2027-q1-ds", in: brief)["line"])
        let start = prefix.utf8.count + 2
        let (items, _) = try await complete(session, brief, at: ["line": line, "character": start + 12])
        XCTAssertEqual(labels(items), ["g-2027-q1-dso"])
        let edit = try XCTUnwrap(items.first?["textEdit"] as? [String: Any])
        XCTAssertEqual(edit["range"] as? [String: [String: Int]], ["start": ["line": line, "character": start], "end": ["line": line, "character": start + 12]])
    }

    func testALongListIsCutAndSaysSo() async throws {
        let session = try await ServerSession()
        for number in 0..<150 {
            try "# Bulk \(number)\n".write(toFile: session.root + "/notes/bulk-\(number).md", atomically: true, encoding: .utf8)
        }
        await session.notify("workspace/didChangeWatchedFiles", ["changes": (0..<150).map { ["uri": session.uri("notes/bulk-\($0).md"), "type": 1] }])
        try write(session, brief, replacing: "## Rollout\n", with: "## Rollout\n[[bulk-\n[[bulk-149\n")
        try await session.open(brief)
        let (many, cut) = try await complete(session, brief, at: session.position(of: "[[bulk-", in: brief, offset: 7))
        XCTAssertTrue(cut)
        XCTAssertEqual(many.count, 100)
        let (one, whole) = try await complete(session, brief, at: session.position(of: "[[bulk-149", in: brief, offset: 10))
        XCTAssertFalse(whole)
        XCTAssertEqual(labels(one), ["bulk-149"])
    }

    func testNothingOutsideKnownPlaces() async throws {
        let session = try await ServerSession()
        try await session.open(brief)
        let (items, _) = try await complete(session, brief, at: session.position(of: "## Problem", in: brief, offset: 5))
        XCTAssertTrue(items.isEmpty)
        let (past, _) = try await complete(session, brief, at: ["line": 9999, "character": 9999])
        XCTAssertTrue(past.isEmpty)
    }

    // MARK: helpers

    private func complete(_ session: ServerSession, _ path: String, at position: [String: Int]) async throws -> ([[String: Any]], Bool) {
        let result = try await session.request("textDocument/completion", ["textDocument": ["uri": session.uri(path)], "position": position])
        let list = try XCTUnwrap(result as? [String: Any])
        return (try XCTUnwrap(list["items"] as? [[String: Any]]), try XCTUnwrap(list["isIncomplete"] as? Bool))
    }

    private func labels(_ items: [[String: Any]]) -> [String] { items.compactMap { $0["label"] as? String } }

    /// Changes a file on disk before it is opened.
    private func write(_ session: ServerSession, _ path: String, replacing old: String, with new: String) throws {
        let text = try session.text(path)
        XCTAssertTrue(text.contains(old))
        try text.replacingOccurrences(of: old, with: new).write(toFile: session.root + "/" + path, atomically: true, encoding: .utf8)
    }
}
