import Foundation
import Testing
@testable import BearingLanguageServer

/// `textDocument/completion` on the Northwind example, today 2027-02-17.
@Suite struct CompletionTests {
    let brief = "briefs/dunning-automation.md"

    @Test func goalIdsInAFlowListWithTheirTitles() async throws {
        let session = try await ServerSession()
        try await session.open(brief)
        let (items, incomplete) = try await complete(session, brief, at: session.position(of: "goals: [", in: brief, offset: 8))
        #expect(!incomplete)
        let dso = try #require(items.first { $0["label"] as? String == "g-2027-q1-dso" })
        #expect((dso["labelDetails"] as? [String: Any])?["description"] as? String == "Bring days sales outstanding from 52 to 45")
        #expect(dso["detail"] as? String == "goal · active")
        #expect(items.allSatisfy { ($0["label"] as? String)?.hasPrefix("g-") == true }, "only goals")
        #expect(items.count == 18)
    }

    @Test func theTypedWordFiltersAndIsReplaced() async throws {
        let session = try await ServerSession()
        try await session.open(brief)
        let position = try session.position(of: "goals: [", in: brief, offset: 8 + "g-2027-q1-ds".count)
        let (items, _) = try await complete(session, brief, at: position)
        #expect(labels(items) == ["g-2027-q1-dso"])
        let edit = try #require(items.first?["textEdit"] as? [String: Any])
        #expect(edit["newText"] as? String == "g-2027-q1-dso")
        #expect(edit["range"] as? [String: [String: Int]] == ["start": ["line": 4, "character": 8], "end": ["line": 4, "character": 20]])
        // A title word finds the document too.
        try write(session, brief, replacing: "goals: [g-2027-q1-dso]", with: "goals: [g-2027-q1-dso, outstanding")
        await session.change(brief, to: try session.text(brief))
        let (byTitle, _) = try await complete(session, brief, at: session.position(of: "outstanding", in: brief, offset: 11))
        #expect(labels(byTitle) == ["g-2027-q1-dso"])
    }

    @Test func statusesOfTheBriefWorkflow() async throws {
        let session = try await ServerSession()
        try write(session, brief, replacing: "status: approved", with: "status: ")
        try await session.open(brief)
        let (items, _) = try await complete(session, brief, at: session.position(of: "status: ", in: brief, offset: 8))
        #expect(labels(items) == ["draft", "in-review", "approved", "in-progress", "done", "dropped"])
        #expect(items.last?["detail"] as? String == "step 6 of 6, terminal")
    }

    @Test func keysNotYetWritten() async throws {
        let session = try await ServerSession()
        try write(session, brief, replacing: "tags: [finance, invoicing]\n", with: "tags: [finance, invoicing]\nl\n")
        try await session.open(brief)
        let (typed, _) = try await complete(session, brief, at: ["line": 9, "character": 1])
        #expect(labels(typed) == ["links"])
        #expect((typed.first?["textEdit"] as? [String: Any])?["newText"] as? String == "links: ")
        let (all, _) = try await complete(session, brief, at: ["line": 9, "character": 0])
        #expect(labels(all) == ["id", "type", "links"])
        #expect(((all.last?["documentation"] as? [String: Any])?["value"] as? String)?.contains("related") == true)
    }

    @Test func peopleInABlockListAndAFlowList() async throws {
        let session = try await ServerSession()
        try write(session, brief, replacing: "reviewers: [dan, olga]", with: "reviewers:\n  - dan\n  - ol")
        try await session.open(brief)
        let (items, _) = try await complete(session, brief, at: session.position(of: "  - ol", in: brief, offset: 6))
        #expect(labels(items) == ["olga"])
        #expect((items.first?["labelDetails"] as? [String: Any])?["description"] as? String == "Olga Nowak")
        #expect(items.first?["detail"] as? String == "person · Growth")
        let (owners, _) = try await complete(session, brief, at: session.position(of: "owner: ", in: brief, offset: 7))
        #expect(labels(owners).contains("finance-ops"), "teams too")
        #expect(labels(owners).count == 21)
    }

    @Test func periodsOfTheHorizonWithinTheParent() async throws {
        let session = try await ServerSession()
        let goal = "goals/g-2027-q1-dso.md"
        try write(session, goal, replacing: "period: \"2027-Q1\"", with: "period: ")
        try await session.open(goal)
        let (items, _) = try await complete(session, goal, at: session.position(of: "period: ", in: goal, offset: 8))
        #expect(labels(items) == ["2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4"])
        #expect(items.first?["detail"] as? String == "current quarter")
        #expect(items.last?["detail"] as? String == "within 2027 of g-2027-break-even")
    }

    @Test func wikilinksAndRelativeLinksInTheBody() async throws {
        let session = try await ServerSession()
        try write(session, brief, replacing: "## Rollout\n", with: "## Rollout\nSee [[0007 and [the goal](../goals/g-2027-q1-ds\n")
        try await session.open(brief)
        let (links, _) = try await complete(session, brief, at: session.position(of: "[[0007", in: brief, offset: 6))
        #expect(labels(links) == ["0007-use-stripe-for-card-and-ach-payments"])
        let edit = try #require(links.first?["textEdit"] as? [String: Any])
        #expect(edit["newText"] as? String == "0007-use-stripe-for-card-and-ach-payments]]")
        let (paths, _) = try await complete(session, brief, at: session.position(of: "](../goals/g-2027-q1-ds", in: brief, offset: 23))
        #expect(labels(paths) == ["../goals/g-2027-q1-dso.md"])
        #expect((paths.first?["textEdit"] as? [String: Any])?["newText"] as? String == "../goals/g-2027-q1-dso.md")
    }

    @Test func queryBlocks() async throws {
        let session = try await ServerSession()
        let note = "notes/glossary.md"
        let original = try session.text(note)
        try (original + "\n```bearing\nbriefs wh\n```\n\n```bearing\nbriefs where status = \n```\n\n```bearing\ngoals where \n```\n\n```bearing\nbriefs where status not in (draft, \n```\n\n```bearing\nbriefs where health in (\n```\n\n```bearing\ndecisions where owner != \n```\n")
            .write(toFile: session.root + "/" + note, atomically: true, encoding: .utf8)
        try await session.open(note)
        let (clauses, _) = try await complete(session, note, at: session.position(of: "briefs wh", in: note, offset: 9))
        #expect(labels(clauses) == ["where"])
        let (statuses, _) = try await complete(session, note, at: session.position(of: "status = ", in: note, offset: 9))
        #expect(labels(statuses) == ["draft", "in-review", "approved", "in-progress", "done", "dropped"])
        let (fields, _) = try await complete(session, note, at: session.position(of: "goals where ", in: note, offset: 12))
        #expect(labels(fields).contains("progress"))
        #expect(labels(fields).contains("not"))
        let (inList, _) = try await complete(session, note, at: session.position(of: "(draft, ", in: note, offset: 8))
        #expect(labels(inList) == ["draft", "in-review", "approved", "in-progress", "done", "dropped"])
        let (healths, _) = try await complete(session, note, at: session.position(of: "health in (", in: note, offset: 11))
        #expect(labels(healths) == ["on-track", "at-risk", "off-track"])
        let (people, _) = try await complete(session, note, at: session.position(of: "owner != ", in: note, offset: 9))
        #expect(labels(people).first == "aisha")
    }

    @Test func rangesInUTF8AfterNonASCIIText() async throws {
        let session = try await ServerSession(encodings: ["utf-8"])
        let prefix = "Zahlung über 🎉 "
        try write(session, brief, replacing: "## Rollout\n", with: "## Rollout\n\(prefix)[[g-2027-q1-ds\n")
        try await session.open(brief)
        let line = try #require(session.position(of: "[[g-2027-q1-ds", in: brief)["line"])
        let start = prefix.utf8.count + 2
        let (items, _) = try await complete(session, brief, at: ["line": line, "character": start + 12])
        #expect(labels(items) == ["g-2027-q1-dso"])
        let edit = try #require(items.first?["textEdit"] as? [String: Any])
        #expect(edit["range"] as? [String: [String: Int]] == ["start": ["line": line, "character": start], "end": ["line": line, "character": start + 12]])
    }

    @Test func aLongListIsCutAndSaysSo() async throws {
        let session = try await ServerSession()
        for number in 0..<150 {
            try "# Bulk \(number)\n".write(toFile: session.root + "/notes/bulk-\(number).md", atomically: true, encoding: .utf8)
        }
        await session.notify("workspace/didChangeWatchedFiles", ["changes": (0..<150).map { ["uri": session.uri("notes/bulk-\($0).md"), "type": 1] }])
        try write(session, brief, replacing: "## Rollout\n", with: "## Rollout\n[[bulk-\n[[bulk-149\n")
        try await session.open(brief)
        let (many, cut) = try await complete(session, brief, at: session.position(of: "[[bulk-", in: brief, offset: 7))
        #expect(cut)
        #expect(many.count == 100)
        let (one, whole) = try await complete(session, brief, at: session.position(of: "[[bulk-149", in: brief, offset: 10))
        #expect(!whole)
        #expect(labels(one) == ["bulk-149"])
    }

    @Test func nothingOutsideKnownPlaces() async throws {
        let session = try await ServerSession()
        try await session.open(brief)
        let (items, _) = try await complete(session, brief, at: session.position(of: "## Problem", in: brief, offset: 5))
        #expect(items.isEmpty)
        let (past, _) = try await complete(session, brief, at: ["line": 9999, "character": 9999])
        #expect(past.isEmpty)
    }

    // MARK: helpers

    private func complete(_ session: ServerSession, _ path: String, at position: [String: Int]) async throws -> ([[String: Any]], Bool) {
        let result = try await session.request("textDocument/completion", ["textDocument": ["uri": session.uri(path)], "position": position])
        let list = try #require(result as? [String: Any])
        return (try #require(list["items"] as? [[String: Any]]), try #require(list["isIncomplete"] as? Bool))
    }

    private func labels(_ items: [[String: Any]]) -> [String] { items.compactMap { $0["label"] as? String } }

    /// Changes a file on disk before it is opened.
    private func write(_ session: ServerSession, _ path: String, replacing old: String, with new: String) throws {
        let text = try session.text(path)
        #expect(text.contains(old))
        try text.replacingOccurrences(of: old, with: new).write(toFile: session.root + "/" + path, atomically: true, encoding: .utf8)
    }
}
