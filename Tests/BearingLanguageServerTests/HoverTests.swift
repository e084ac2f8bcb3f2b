import Foundation
import Testing
@testable import BearingLanguageServer

/// `textDocument/hover` on the Northwind example, today 2027-02-17.
@Suite struct HoverTests {
    let brief = "briefs/dunning-automation.md"
    let stripe = "0007-use-stripe-for-card-and-ach-payments"

    @Test func aWikilinkShowsTheTargetsTitleStatusAndOpening() async throws {
        let session = try await ServerSession()
        try await session.open(brief)
        let hover = try await hover(session, brief, at: session.position(of: "[[\(stripe)", in: brief, offset: 10))
        let text = try markdown(hover)
        #expect(text.hasPrefix("**Use Stripe for card and ACH payments of invoices**"), "\(text)")
        #expect(text.contains("decision · status **accepted** · decided by Daniel O'Brien, Marco Rossi"), "\(text)")
        #expect(text.contains("`decisions/\(stripe).md`"), "\(text)")
        #expect(!text.contains("# Use Stripe"), "the title heading is not repeated")
        #expect(text.contains("---\n\n"), "the opening of the body follows")
        let start = try session.position(of: "[[\(stripe)", in: brief, offset: 2)
        #expect(try range(hover) == ["start": start, "end": ["line": start["line"]!, "character": start["character"]! + stripe.count]])
    }

    @Test func rangesCountUTF16UnitsAfterNonASCIIText() async throws {
        let session = try await ServerSession()
        let prefix = "Zahlung über 🎉 "
        try write(session, brief, replacing: "[[\(stripe)]]. Portal", with: "\(prefix)[[\(stripe)]]. Portal")
        try await session.open(brief)
        let start = try session.position(of: "[[\(stripe)", in: brief, offset: 2)
        #expect(start["character"] == prefix.utf16.count + 2)
        let hover = try await hover(session, brief, at: ["line": start["line"]!, "character": start["character"]! + 3])
        #expect(try markdown(hover).contains("Use Stripe for card and ACH payments"))
        #expect(try range(hover) == ["start": start, "end": ["line": start["line"]!, "character": start["character"]! + stripe.count]])
    }

    @Test func aGoalShowsItsOwnerAndProgress() async throws {
        let session = try await ServerSession()
        try await session.open(brief)
        let text = try markdown(try await hover(session, brief, at: session.position(of: "g-2027-q1-dso", in: brief, offset: 3)))
        // Key results: (52 − 49) / (52 − 45) and (31 − 22) / (40 − 22), a mean of 46 %.
        #expect(text.contains("goal · status **active** · owner Daniel O'Brien · progress 46%"), "\(text)")
    }

    @Test func anUnresolvedReferenceSuggestsTheNearestId() async throws {
        let session = try await ServerSession()
        try write(session, brief, replacing: "goals: [g-2027-q1-dso]", with: "goals: [g-2027-q1-dsx]")
        try await session.open(brief)
        let text = try markdown(try await hover(session, brief, at: session.position(of: "g-2027-q1-dsx", in: brief, offset: 2)))
        #expect(text.hasPrefix("**Unresolved reference** `g-2027-q1-dsx`: no document has this id.\n\n"), "\(text)")
        #expect(text.contains("g-2027-q1-dso"), "\(text)")
    }

    @Test func aLinkToAMissingFileSaysSo() async throws {
        let session = try await ServerSession()
        try write(session, brief, replacing: "## Rollout\n", with: "## Rollout\nSee [the plan](../plans/rollout.pdf).\n")
        try await session.open(brief)
        let hover = try await hover(session, brief, at: session.position(of: "../plans", in: brief, offset: 4))
        #expect(try markdown(hover) == "**Unresolved reference** `../plans/rollout.pdf`: link to a file that does not exist: '../plans/rollout.pdf'.")
    }

    @Test func aPersonTheStatusAndAKey() async throws {
        let session = try await ServerSession()
        try await session.open(brief)
        let person = try markdown(try await hover(session, brief, at: session.position(of: "owner: fatima", in: brief, offset: 9)))
        #expect(person == "**Fatima Haddad** (`fatima`)\n\nTeam: Finance & Ops\n\nEmail: fatima@northwind.example\n\nOwns 4 documents.")
        let status = try await hover(session, brief, at: session.position(of: "approved", in: brief, offset: 1))
        let statusText = try markdown(status)
        #expect(statusText.contains("1. draft\n2. in-review\n3. **approved** ← current\n4. in-progress\n5. done (terminal)\n6. dropped (terminal)"), "\(statusText)")
        #expect(statusText.contains("Not terminal"), "\(statusText)")
        #expect(try range(status) == ["start": ["line": 2, "character": 8], "end": ["line": 2, "character": 16]])
        let key = try markdown(try await hover(session, brief, at: session.position(of: "review_by", in: brief, offset: 2)))
        #expect(key == "**`review_by`** (date)\n\nThe end of the feedback window.")
    }

    @Test func nothingOnPlainText() async throws {
        let session = try await ServerSession()
        try await session.open(brief)
        let result = try await session.request("textDocument/hover", ["textDocument": ["uri": session.uri(brief)],
                                                                     "position": try session.position(of: "## Problem", in: brief, offset: 4)])
        #expect(result is NSNull)
    }

    // MARK: helpers

    private func hover(_ session: ServerSession, _ path: String, at position: [String: Int]) async throws -> [String: Any] {
        let result = try await session.request("textDocument/hover", ["textDocument": ["uri": session.uri(path)], "position": position])
        return try #require(result as? [String: Any])
    }

    private func markdown(_ hover: [String: Any]) throws -> String {
        let contents = try #require(hover["contents"] as? [String: Any])
        #expect(contents["kind"] as? String == "markdown")
        return try #require(contents["value"] as? String)
    }

    private func range(_ hover: [String: Any]) throws -> [String: [String: Int]] { try #require(hover["range"] as? [String: [String: Int]]) }

    /// Changes a file on disk before it is opened.
    private func write(_ session: ServerSession, _ path: String, replacing old: String, with new: String) throws {
        let text = try session.text(path)
        #expect(text.contains(old))
        try text.replacingOccurrences(of: old, with: new).write(toFile: session.root + "/" + path, atomically: true, encoding: .utf8)
    }
}
