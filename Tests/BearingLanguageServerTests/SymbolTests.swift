import Foundation
import Testing
@testable import BearingLanguageServer

/// `textDocument/documentSymbol` (a document's outline) and `workspace/symbol` (documents by id and title).
@Suite struct SymbolTests {
    @Test func aGoalsOutlineHoldsItsKeyResultsAndHeadings() async throws {
        let session = try await ServerSession()
        let path = "goals/g-2027-q1-dso.md"
        let result = try await session.request("textDocument/documentSymbol", ["textDocument": ["uri": session.uri(path)]])
        let symbols = try #require(result as? [[String: Any]])
        #expect(symbols.count == 1)
        let goal = symbols[0]
        #expect(goal["name"] as? String == "Bring days sales outstanding from 52 to 45")
        #expect(goal["detail"] as? String == "goal · g-2027-q1-dso")
        #expect(goal["kind"] as? Int == 24)
        #expect(session.spot(["uri": session.uri(path), "range": goal["selectionRange"] as Any]) == Spot(path, 1, 7, 49))
        let children = try #require(goal["children"] as? [[String: Any]])
        #expect(children.map { $0["name"] as? String } == ["Key results", "Context", "Work", "Filed under this goal"])
        let keyResults = try #require(children[0]["children"] as? [[String: Any]])
        #expect(keyResults.map { $0["name"] as? String } == ["Days sales outstanding", "Invoices paid online through the portal"])
        #expect(keyResults.map { $0["detail"] as? String } == ["52 → 45 days, now 49", "22 → 40%, now 31"])
        #expect(session.spot(["uri": session.uri(path), "range": keyResults[0]["selectionRange"] as Any]) == Spot(path, 10, 11, 33))
        let context = children[1]
        #expect((context["range"] as? [String: [String: Int]])?["start"] == ["line": 24, "character": 0])
        #expect((context["range"] as? [String: [String: Int]])?["end"]?["line"] == 30, "up to the line before ## Work")
    }

    @Test func aDecisionsHeadingsNestByLevel() async throws {
        let session = try await ServerSession()
        let path = "decisions/0007-use-stripe-for-card-and-ach-payments.md"
        let result = try await session.request("textDocument/documentSymbol", ["textDocument": ["uri": session.uri(path)]])
        let decision = try #require((result as? [[String: Any]])?.first)
        #expect(decision["kind"] as? Int == 11)
        #expect(session.spot(["uri": session.uri(path), "range": decision["selectionRange"] as Any]) == Spot(path, 11, 2, 50))
        let title = try #require((decision["children"] as? [[String: Any]])?.first)
        #expect(title["name"] as? String == "Use Stripe for card and ACH payments of invoices")
        let sections = try #require(title["children"] as? [[String: Any]])
        #expect(sections.map { $0["name"] as? String } == ["Context and Problem Statement", "Considered Options", "Decision Outcome"])
        #expect((sections[2]["children"] as? [[String: Any]])?.map { $0["name"] as? String } == ["Consequences"])
        #expect(sections[0]["children"] == nil)
    }

    @Test func aNumberedRecordsTitleIsFoundInItsHeading() async throws {
        let session = try await ServerSession()
        let path = "decisions/0007-use-stripe-for-card-and-ach-payments.md"
        try await session.open(path)
        await session.change(path, to: try session.text(path).replacingOccurrences(of: "# Use Stripe", with: "# 7. Use Stripe"))
        let stripe = try await session.result("workspace/symbol", ["query": "stripe"], as: [[String: Any]].self)
        #expect(stripe.first?["name"] as? String == "Use Stripe for card and ACH payments of invoices")
        #expect(session.spot(stripe.first?["location"]) == Spot(path, 11, 0, 0))
        let outline = try await session.result("textDocument/documentSymbol", ["textDocument": ["uri": session.uri(path)]], as: [[String: Any]].self)
        #expect(session.spot(["uri": session.uri(path), "range": outline.first?["selectionRange"] as Any]) == Spot(path, 11, 5, 53))
    }

    @Test func workspaceSymbolsMatchIdsAndTitlesIgnoringCase() async throws {
        let session = try await ServerSession()
        let dso = try await session.result("workspace/symbol", ["query": "DSO"], as: [[String: Any]].self)
        #expect(dso.map { $0["containerName"] as? String } == ["g-2027-q1-dso"])
        #expect(dso.first?["name"] as? String == "Bring days sales outstanding from 52 to 45")
        #expect(session.spot(dso.first?["location"]) == Spot("goals/g-2027-q1-dso.md", 1, 0, 0))

        let stripe = try await session.result("workspace/symbol", ["query": "stripe"], as: [[String: Any]].self)
        #expect(stripe.map { $0["containerName"] as? String } == ["0007-use-stripe-for-card-and-ach-payments"])
        #expect(stripe.first?["kind"] as? Int == 11)

        // A title match: "Automated dunning for overdue invoices".
        let dunning = try await session.result("workspace/symbol", ["query": "overdue inv"], as: [[String: Any]].self)
        #expect(dunning.map { $0["containerName"] as? String } == ["dunning-automation"])
    }

    @Test func anEmptyQueryListsEveryDocumentInAStableOrder() async throws {
        let session = try await ServerSession()
        let first = try await session.result("workspace/symbol", ["query": ""], as: [[String: Any]].self)
        let again = try await session.result("workspace/symbol", ["query": ""], as: [[String: Any]].self)
        #expect(first.count == 47, "18 goals, 12 briefs, 12 decisions, 4 notes and the README")
        #expect(first.map { $0["containerName"] as? String } == again.map { $0["containerName"] as? String })
        let names = first.compactMap { ($0["name"] as? String)?.lowercased() }
        #expect(names == names.sorted())
    }
}
