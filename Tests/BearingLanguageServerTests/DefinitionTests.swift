import Foundation
import Testing
@testable import BearingLanguageServer

/// `textDocument/definition` on every form of reference in the Northwind example.
@Suite struct DefinitionTests {
    @Test func aGoalIdInFrontMatterLeadsToTheGoalsFile() async throws {
        let session = try await ServerSession()
        let result = try await session.request("textDocument/definition", session.at("g-2027-q1-dso", in: "briefs/dunning-automation.md", offset: 4))
        #expect(session.spots(result) == [Spot("goals/g-2027-q1-dso.md", 0, 0, 0)])
    }

    @Test func aWikilinkAndALabelledWikilinkLeadToTheirDecisions() async throws {
        let session = try await ServerSession()
        let plain = try await session.request("textDocument/definition",
                                              session.at("[[0007-use-stripe", in: "briefs/dunning-automation.md", offset: 5))
        #expect(session.spots(plain) == [Spot("decisions/0007-use-stripe-for-card-and-ach-payments.md", 0, 0, 0)])
        let labelled = try await session.request("textDocument/definition",
                                                 session.at("[[0011-offer", in: "goals/g-2027-q1-dso.md", offset: 2))
        #expect(session.spots(labelled) == [Spot("decisions/0011-offer-annual-prepay-discount.md", 0, 0, 0)])
    }

    @Test func aRelativeLinkWithAnAnchorLeadsToTheHeading() async throws {
        let session = try await ServerSession()
        let result = try await session.request("textDocument/definition",
                                               session.at("../briefs/dunning-automation.md#rollout", in: "goals/g-2027-w07-dunning-emails.md", offset: 12))
        #expect(session.spots(result) == [Spot("briefs/dunning-automation.md", 37, 0, 0)], "## Rollout is line 38")
    }

    @Test func aDecisionLabelResolvesAsTheModelResolvesIt() async throws {
        let session = try await ServerSession()
        let path = "decisions/0009-sync-driver-app-via-event-log.md"
        try await session.open(path)
        let text = try session.text(path).replacingOccurrences(of: "supersedes: [0003-sync-driver-app-with-rest-polling]", with: "supersedes: [ADR-0003]")
        await session.change(path, to: text)
        let result = try await session.request("textDocument/definition",
                                               ["textDocument": ["uri": session.uri(path)], "position": ["line": 6, "character": 15]])
        #expect(session.spots(result) == [Spot("decisions/0003-sync-driver-app-with-rest-polling.md", 0, 0, 0)])
    }

    @Test func aPersonLeadsToTheirEntryInPeopleYml() async throws {
        let session = try await ServerSession()
        let owner = try await session.request("textDocument/definition", session.at("owner: fatima", in: "briefs/dunning-automation.md", offset: 9))
        #expect(session.spots(owner) == [Spot("people.yml", 18, 2, 8)])
        let team = try await session.request("textDocument/definition",
                                             session.at("finance-ops", in: "decisions/0007-use-stripe-for-card-and-ach-payments.md", offset: 1))
        #expect(session.spots(team) == [Spot("people.yml", 25, 2, 13)])
    }

    @Test func aLinkToAHeadingOfTheSamePageLeadsToIt() async throws {
        let session = try await ServerSession()
        let path = "briefs/dunning-automation.md"
        try await session.open(path)
        await session.change(path, to: try session.text(path) + "\nSee [the rollout](#rollout) and [[#problem]].\n")
        let line = try session.text(path).components(separatedBy: "\n").count + 1
        let link = try await session.request("textDocument/definition", ["textDocument": ["uri": session.uri(path)], "position": ["line": line - 1, "character": 20]])
        #expect(session.spots(link) == [Spot(path, 37, 0, 0)])
        let wikilink = try await session.request("textDocument/definition", ["textDocument": ["uri": session.uri(path)], "position": ["line": line - 1, "character": 39]])
        #expect(session.spots(wikilink) == [Spot(path, 12, 0, 0)], "## Problem")
    }

    @Test func plainTextHasNoDefinition() async throws {
        let session = try await ServerSession()
        let result = try await session.request("textDocument/definition", session.at("Reminders for overdue", in: "briefs/dunning-automation.md"))
        #expect(result is NSNull)
    }
}
