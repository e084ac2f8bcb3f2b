import Testing
@testable import BearingCore

/// The body readers on small records of each form (the corpus suite tries them on real ones).
@Suite struct HeaderReadersTests {
    func stated(_ text: String, sidecar: String? = nil) -> StatedMetadata {
        var parsed = DocumentParser.parse(SourceFile(path: "x/README.md", text: text))
        if let sidecar, case .success(let root?) = YAMLReader.parse(sidecar, firstLine: 1) {
            parsed.sidecar = ParsedDocument.Sidecar(path: "x/kep.yaml", fields: root.mapping ?? [])
        }
        return DocumentReader.stated(parsed)
    }

    @Test func madrBullets() {
        let s = stated("# Use X\n\n* Status: accepted\n* Deciders: Alice, Bob\n* Date: 2020-10-16\n\n## Context\n\n* Status: not this one\n")
        #expect(s.first(.status)?.text == "accepted")
        #expect(s.first(.deciders)?.text == "Alice, Bob")
        #expect(s.first(.date)?.line == 5)
    }

    @Test func rfcBulletsAboveTheTitleAndBoldLabels() {
        let s = stated("- Start Date: 2017-12-08\n- RFC PR: https://example.com/6\n\n# Summary\n\nText.\n")
        #expect(s.first(.date)?.text == "2017-12-08")
        let bold = stated("# Title\n\n**Status**: proposed\n**Author**: Tigran Najaryan, Omnition Inc.\n\n## Motivation\n")
        #expect(bold.first(.status)?.text == "proposed")
        #expect(bold.first(.authors)?.text == "Tigran Najaryan, Omnition Inc.")
    }

    @Test func goHeaderLines() {
        let s = stated("# Proposal: X\n\nAuthor(s): Michael Knyszek \\<m@g.com\\> Last Updated: 2019-02-20\n\n## Abstract\n")
        #expect(s.first(.authors)?.text == "Michael Knyszek <m@g.com>")
        #expect(s.first(.updated)?.text == "2019-02-20")
        let wrapped = stated("# Proposal: X\n\nAuthor: Bryan C. Mills (with input from Russ Cox, and\nMichael Matloob)\n\nLast updated: 2020-02-20\n")
        #expect(wrapped.first(.authors)?.text == "Bryan C. Mills (with input from Russ Cox, and Michael Matloob)")
        let bare = stated("# Type Parameters Proposal\n\nIan Lance Taylor\\\nRobert Griesemer\\\nAugust 20, 2021\n\n## Status\n\nThis is the design.\n")
        #expect(bare.all(.authors).map(\.text) == ["Ian Lance Taylor", "Robert Griesemer"])
        #expect(bare.first(.undatedLine)?.text == "August 20, 2021")
    }

    @Test func swiftStatusWithTheLabelRepeatedAndASuccessorLink() {
        let s = stated("# SE-0030\n\n* Status: **Status: Active Review (Aug 10...Aug 24, 2026)**\n* Superseded by: [SE-0258](0258-property-wrappers.md)\n")
        #expect(s.first(.status)?.text == "Active Review (Aug 10...Aug 24, 2026)")
        #expect(s.first(.supersededBy)?.links == ["0258-property-wrappers.md"])
    }

    @Test func metadataTableButNotARevisionHistory() {
        let s = stated("# ADR-8\n\n| Metadata | Value |\n|---|---|\n| Date | 2020-04-30 |\n| Author | @a, @b |\n| Status | Implemented |\n\n| Revision | Date | Author | Info |\n|---|---|---|---|\n| 1 | 2021-01-01 | @c | x |\n")
        #expect(s.first(.status)?.text == "Implemented")
        #expect(s.first(.date)?.text == "2020-04-30")
        #expect(s.all(.authors).map(\.text) == ["@a, @b"])
    }

    @Test func nygardSectionAndChangelog() {
        let s = stated("# ADR 101: X\n\n## Changelog\n\n- 2023-05-03: Update (@thanethomson)\n- 2022-12-18: First draft (@thanethomson, @b)\n\n## Status\n\nSuperseded by [ADR 102](adr-102.md)\n\nSupersedes [ADR 99](adr-099.md)\n")
        #expect(s.first(.status)?.text == "Superseded by ADR 102")
        #expect(s.first(.supersededBy)?.links == ["adr-102.md"])
        #expect(s.first(.supersedes)?.links == ["adr-099.md"])
        #expect(s.all(.changelog).map(\.text) == ["2023-05-03", "2022-12-18"])
        #expect(s.all(.authors).map(\.text) == ["@thanethomson", "@b"])
    }

    @Test func sidecarFieldsComeFirst() {
        let s = stated("# KEP-281: Dynamic Kubelet Configuration\n\nStatus: not here\n",
                       sidecar: "title: Dynamic Kubelet Configuration\nstatus: implemented # provisional|implementable\ncreation-date: 2017-07-12\nauthors:\n  - \"@mtaufen\"\n")
        #expect(s.first(.status)?.text == "implemented")
        #expect(s.first(.status)?.path == "x/kep.yaml")
        #expect(s.first(.date)?.text == "2017-07-12")
        #expect(s.first(.title)?.text == "Dynamic Kubelet Configuration")
        #expect(s.all(.authors).map(\.text) == ["@mtaufen"])
    }

    @Test func placeholdersAreNotData() {
        let s = stated("# {short title}\n\n* Status: {proposed | rejected | accepted}\n* Date: [YYYY-MM-DD when the decision was last updated]\n* Deciders: [list everyone]\n")
        #expect(s.isEmpty)
    }
}
