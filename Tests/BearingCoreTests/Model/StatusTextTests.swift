import Testing
@testable import BearingCore

@Suite struct StatusTextTests {
    let decision = Workflow.defaults[.decision]!

    @Test(arguments: [
        ("Accepted", "accepted", true, nil as String?),
        ("accepted; supersedes ADR-0045", "accepted", true, nil),
        ("Superseded by ADR-0005", "superseded", true, "ADR-0005"),
        ("Superceded by [2. Use X](0002-use-x.md)", "superseded", true, "0002-use-x.md"),
        ("on hold", "proposed", true, nil),
        ("Final", "accepted", true, nil),
        ("superseded by ADR 10", "superseded", true, "ADR 10"),
        ("Implemented (Swift 5.1)", "accepted", true, nil),
        ("Returned for revision", "proposed", true, nil),
        ("Rejected in favour of ADR 111", "rejected", true, nil),
        ("Partially Implemented", "accepted", true, nil),
        ("Status: Active Review (Aug 10...Aug 24, 2026)", "proposed", true, nil),
        ("this proposal was adopted for the Go 1.4 release", "accepted", true, nil),
        ("Shelved until Q3", "shelved", false, nil),
    ])
    func readsStatuses(raw: String, status: String, known: Bool, successor: String?) throws {
        let parsed = try #require(StatusText.read(raw, type: .decision, workflow: decision))
        #expect(parsed.status == status)
        #expect(parsed.known == known)
        #expect(parsed.supersededBy == successor)
    }

    @Test(arguments: ["{proposed | accepted}", "[draft | proposed | accepted]", "", "  ", "provisional|implementable|implemented",
                      "{{ page.status }}", "(TBD)", "n/a"])
    func placeholdersAreNoStatus(raw: String) {
        #expect(StatusText.read(raw, type: .decision, workflow: decision) == nil)
    }

    @Test func multiWordStatusesMatchHyphenated() {
        #expect(StatusText.read("In review", type: .brief, workflow: Workflow.defaults[.brief]!)?.status == "in-review")
    }

    @Test func aliasesWinAndMapEveryUseOfTheWord() {
        let aliases = ["shelved": "rejected", "on hold": "accepted"]
        #expect(StatusText.read("Shelved until Q3", type: .decision, workflow: decision, aliases: aliases)?.status == "rejected")
        #expect(StatusText.read("On hold", type: .decision, workflow: decision, aliases: aliases)?.status == "accepted")
    }

    @Test func onlyWaitingStatusesAwaitADecision() {
        #expect(StatusText.read("Proposed", type: .decision, workflow: decision)?.awaitsDecision == true)
        #expect(StatusText.read("Last Call", type: .decision, workflow: decision)?.awaitsDecision == true)
        #expect(StatusText.read("Draft", type: .decision, workflow: decision)?.awaitsDecision == false)
        #expect(StatusText.read("Deferred", type: .decision, workflow: decision)?.awaitsDecision == false)
        #expect(StatusText.read("Stagnant", type: .decision, workflow: decision)?.awaitsDecision == false)
    }

    @Test func vocabulariesAreForDecisionsOnly() {
        #expect(StatusText.read("Final", type: .note, workflow: Workflow.defaults[.note]!)?.known == false)
    }
}

extension StatusTextTests {
    @Test func anAliasForSettingAsideDoesNotAwaitADecision() {
        let aliases = ["shelved": "proposed", "open for comment": "proposed"]
        #expect(StatusText.read("Shelved", type: .decision, workflow: decision, aliases: aliases)?.awaitsDecision == false)
        #expect(StatusText.read("Open for comment", type: .decision, workflow: decision, aliases: aliases)?.awaitsDecision == true)
    }

    @Test func aStageWordDeepInProseIsNotTheStatus() {
        #expect(StatusText.read("shelved until the ledger is settled", type: .decision, workflow: decision)?.known == false)
    }
}
