import Foundation
import Testing
@testable import BearingLanguageServer

/// `textDocument/references`: backlinks at their exact ranges, typed order, the declaration on request.
@Suite struct ReferencesTests {
    private static let dsoBacklinks = [
        // parent
        Spot("goals/g-2027-w07-dunning-emails.md", 4, 8, 21),
        // goals, by path
        Spot("briefs/dunning-automation.md", 4, 8, 21),
        Spot("briefs/portal-card-payments.md", 4, 8, 21),
        Spot("decisions/0001-use-postgres-for-ledger.md", 6, 8, 21),
        Spot("decisions/0002-render-invoices-with-typst.md", 6, 8, 21),
        Spot("decisions/0007-use-stripe-for-card-and-ach-payments.md", 6, 8, 21),
        Spot("decisions/0011-offer-annual-prepay-discount.md", 6, 8, 21),
        // mentions: wikilinks in bodies
        Spot("goals/g-2026-q4-invoicing-v2.md", 33, 2, 15),
        Spot("goals/g-2027-break-even.md", 31, 22, 35),
    ]

    @Test func theReferencesOfAGoalFromItsTitleAreItsBacklinksTyped() async throws {
        let session = try await ServerSession()
        var params = try session.at("Bring days sales", in: "goals/g-2027-q1-dso.md")
        params["context"] = ["includeDeclaration": false]
        let result = try await session.request("textDocument/references", params)
        #expect(session.spots(result) == Self.dsoBacklinks)
    }

    @Test func fromAReferenceTheDeclarationComesFirstWhenAsked() async throws {
        let session = try await ServerSession()
        var params = try session.at("g-2027-q1-dso", in: "briefs/dunning-automation.md", offset: 2)
        params["context"] = ["includeDeclaration": true]
        let result = try await session.request("textDocument/references", params)
        // No `id:` field: the declaration is the title.
        #expect(session.spots(result) == [Spot("goals/g-2027-q1-dso.md", 1, 7, 49)] + Self.dsoBacklinks)
    }

    @Test func referencesOfABriefIncludeRelativeLinks() async throws {
        let session = try await ServerSession()
        var params = try session.at("[[0007-use-stripe", in: "briefs/dunning-automation.md", offset: 4)
        params["context"] = ["includeDeclaration": false]
        let stripe = session.spots(try await session.request("textDocument/references", params))
        #expect(stripe.first == Spot("briefs/dunning-automation.md", 7, 12, 53), "front matter before mentions")
        #expect(stripe.contains(Spot("briefs/dunning-automation.md", 29, 2, 43)))
        #expect(stripe.contains(Spot("briefs/portal-card-payments.md", 24, 29, 70)))

        var brief = try session.at("Automated dunning", in: "briefs/dunning-automation.md")
        brief["context"] = ["includeDeclaration": false]
        let dunning = session.spots(try await session.request("textDocument/references", brief))
        #expect(dunning.contains(Spot("goals/g-2027-w07-dunning-emails.md", 18, 27, 58)), "the link's path, without its anchor")
        #expect(dunning.contains(Spot("decisions/0007-use-stripe-for-card-and-ach-payments.md", 7, 9, 27)))
        #expect(dunning == Array(NavigationRobustnessTests.briefReferences.dropFirst()), "all of them, without the declaration")
    }

    @Test func theReferencesOfAPersonAreEveryPlaceNamingThem() async throws {
        let session = try await ServerSession()
        var params = try session.at("owner: fatima", in: "briefs/dunning-automation.md", offset: 8)
        params["context"] = ["includeDeclaration": true]
        let result = session.spots(try await session.request("textDocument/references", params))
        #expect(result.first == Spot("people.yml", 18, 2, 8))
        #expect(result.contains(Spot("briefs/dunning-automation.md", 3, 7, 13)))
        #expect(result.contains(Spot("decisions/0007-use-stripe-for-card-and-ach-payments.md", 4, 12, 18)))
    }

    @Test func fromAnEntryOfPeopleYmlTheReferencesAreThePlacesNamingThePerson() async throws {
        let session = try await ServerSession()
        var params = try session.at("fatima:", in: "people.yml", offset: 2)
        params["context"] = ["includeDeclaration": false]
        let result = session.spots(try await session.request("textDocument/references", params))
        #expect(result.first == Spot("briefs/dunning-automation.md", 3, 7, 13))
        #expect(result.contains(Spot("goals/g-2027-q1-dso.md", 8, 15, 21)), "contributors: [fatima, platform]")
    }

    @Test func rangesAreCountedInTheAgreedEncoding() async throws {
        let session = try await ServerSession(encodings: ["utf-8"])
        var params = try session.at("Bring days sales", in: "goals/g-2027-q1-dso.md")
        params["context"] = ["includeDeclaration": false]
        let result = session.spots(try await session.request("textDocument/references", params))
        // `- get paid faster — [[g-2027-q1-dso]]`: the dash is three bytes.
        #expect(result.last == Spot("goals/g-2027-break-even.md", 31, 24, 37))
    }

    @Test func anOpenBuffersReferencesCountAtTheirEditedPlace() async throws {
        let session = try await ServerSession()
        let path = "briefs/dunning-automation.md"
        try await session.open(path)
        await session.change(path, to: try session.text(path).replacingOccurrences(of: "goals: [g-2027-q1-dso]", with: "goals: [g-2027-retention, g-2027-q1-dso]"))
        var params = try session.at("Bring days sales", in: "goals/g-2027-q1-dso.md")
        params["context"] = ["includeDeclaration": false]
        let result = session.spots(try await session.request("textDocument/references", params))
        #expect(result.contains(Spot(path, 4, 26, 39)))
        #expect(!result.contains(Spot(path, 4, 8, 21)))
    }
}
