import Testing
@testable import BearingCore

@Suite struct StatusTextTests {
    let decision = Workflow.defaults[.decision]!

    @Test(arguments: [
        ("Accepted", "accepted", true, nil as String?),
        ("accepted; supersedes ADR-0045", "accepted", true, nil),
        ("Superseded by ADR-0005", "superseded", true, "ADR-0005"),
        ("Superceded by [2. Use X](0002-use-x.md)", "superseded", true, "0002-use-x.md"),
        ("on hold", "on hold", false, nil),
        ("Final", "final", false, nil),
    ])
    func readsStatuses(raw: String, status: String, known: Bool, successor: String?) throws {
        let parsed = try #require(StatusText.read(raw, workflow: decision))
        #expect(parsed.status == status)
        #expect(parsed.known == known)
        #expect(parsed.supersededBy == successor)
    }

    @Test(arguments: ["{proposed | accepted}", "[draft | proposed | accepted]", "", "  "])
    func placeholdersAreNoStatus(raw: String) {
        #expect(StatusText.read(raw, workflow: decision) == nil)
    }

    @Test func multiWordStatusesMatchHyphenated() {
        #expect(StatusText.read("In review", workflow: Workflow.defaults[.brief]!)?.status == "in-review")
    }
}
