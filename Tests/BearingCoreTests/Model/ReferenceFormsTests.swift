import Testing
@testable import BearingCore

/// References as real repositories write them (SPEC §1.4, §1.7).
@Suite struct ReferenceFormsTests {
    func build(_ files: [String: String]) async -> (KnowledgeBase, [Diagnostic]) {
        await Fixtures.build(files)
    }

    @Test func successorsByRecordNumberInAnyPrefix() async throws {
        let (kb, diagnostics) = await build([
            "adr/0001-old.md": "# 1. Old\n\n## Status\n\nSuperseded by ADR 10\n",
            "adr/0010-new.md": "# 10. New\n\n## Status\n\naccepted; supersedes ADR-0001\n",
            "proposals/0030-x.md": "# X\n\n* Status: **Withdrawn**\n* Superseded by: SE-0258\n",
            "proposals/0258-y.md": "# Y\n\n* Status: **Implemented (Swift 5.1)**\n* Previous Proposal: [SE-0030](0030-x.md)\n",
            "rfcs/0025-a.md": "---\nsuperseded_by: RFC 44\n---\n# A\n",
            "rfcs/0044-b.md": "---\nsupersedes: [rfc-0025-a]\n---\n# B\n",
        ])
        #expect(kb.document("0001-old")?.targets(.supersededBy) == ["0010-new"])
        #expect(kb.document("0010-new")?.targets(.supersedes) == ["0001-old"])
        #expect(kb.document("0030-x")?.targets(.supersededBy) == ["0258-y"])
        #expect(kb.document("0258-y")?.targets(.supersedes) == ["0030-x"])
        #expect(kb.document("0025-a")?.targets(.supersededBy) == ["0044-b"])
        #expect(!diagnostics.contains { $0.rule == .supersedeMismatch && !$0.message.contains("0025-a") })
    }

    @Test func aSuccessorNamedOnlyOnItsSideIsEnough() async {
        let (_, diagnostics) = await build([
            "keps/sig-a/536-old/README.md": "# Old\n",
            "keps/sig-a/536-old/kep.yaml": "",
            "keps/sig-a/2433-new/README.md": "# New\n",
        ].filter { !$0.key.hasSuffix(".yaml") }.merging(["adr/0001-x.md": "# X\n\n## Status\n\nSuperseded\n",
                                                          "adr/0002-y.md": "---\nsupersedes: [0001-x]\n---\n# Y\n"]) { a, _ in a })
        #expect(!diagnostics.contains { $0.rule == .supersedeMismatch })
    }

    @Test func aRecordFolderREADMEIsNamedByItsFolder() async {
        let (kb, _) = await build(["keps/sig-node/281-dynamic-kubelet-config/README.md": "# KEP-281: Dynamic Kubelet Configuration\n",
                                   "keps/sig-cli/README.md": "# SIG CLI\n"])
        #expect(kb.document("281-dynamic-kubelet-config")?.number == 281)
        #expect(kb.document("README") != nil)
    }

    @Test func wikilinksWithAnchorsInEitherHalfAndDendronVaults() async {
        let (kb, diagnostics) = await build([
            "notes/a.md": "# A\n\n[[The label|b#part]] [[b#part|The label]] [[dendron://main/b]] [[Shown|dendron://main/b#part]]\n",
            "notes/b.md": "# B\n\n## Part\n",
        ])
        #expect(diagnostics.filter { $0.rule == .unresolvedReference }.isEmpty, "\(diagnostics)")
        #expect(kb.document("a")?.targets(.mentions) == ["b", "b", "b", "b"])
    }

    @Test func oneBrokenLinkIsOneDiagnostic() async {
        let (_, diagnostics) = await build(["adr/0001-x.md": "# 1. X\n\n## Status\n\nSuperseded by [2. Y](0002-y.md)\n"])
        #expect(diagnostics.filter { $0.rule == .unresolvedReference }.count == 1, "\(diagnostics)")
    }
}

extension ReferenceFormsTests {
    @Test func aLinkToAFolderCountsWhereTheSiteHasAPageForIt() async {
        let (kb, diagnostics) = await build([
            "notes/a.md": "# A\n\n[KEP](../keps/281-x/) and [pictures](../img/)\n",
            "keps/281-x/README.md": "# KEP-281: X\n",
            "img/README.txt.md": "# not an index\n",
        ])
        #expect(kb.document("a")?.targets(.mentions) == ["281-x"])
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
    }
}

extension ReferenceFormsTests {
    @Test func labelsNameTheRecordsKind() async {
        let (kb, _) = await build([
            "EIPS/eip-1559.md": "---\nstatus: Final\n---\n# Fee market\n",
            "keps/sig-node/281-dynamic/README.md": "# KEP-281: Dynamic\n",
            "rfcs/0044-b.md": "# B\n\n* Status: accepted\n",
            "docs/adr/0007-use-x.md": "# 7. Use X\n",
            "adr/ADR-10.md": "# ADR-10: Ten\n",
        ])
        #expect(kb.documents.compactMap(\.label).sorted() == ["ADR-0007", "ADR-0010", "EIP-1559", "KEP-0281", "RFC-0044"])
    }
}

extension ReferenceFormsTests {
    @Test func extensionlessLinksAndBareRecordNumbersResolve() async {
        let (kb, diagnostics) = await build([
            "adr/README.md": "# Decisions\n\n- [gRPC API](adr-106-grpc-api)\n",
            "adr/adr-106-grpc-api.md": "# ADR 106: gRPC API\n\n## Status\n\nAccepted\n",
            "keps/sig-a/6035-new/README.md": "# KEP-6035: New\n",
            "keps/sig-a/6035-new/kep.yaml": "",
        ].filter { !$0.key.hasSuffix(".yaml") }.merging(["keps/sig-a/6090-old/README.md": "# KEP-6090: Old\n",
                                                          "keps/sig-b/7000-x/README.md": "---\nsupersedes: [\"6090\"]\n---\n# X\n"]) { a, _ in a })
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        #expect(kb.document("README")?.targets(.mentions) == ["adr-106-grpc-api"])
        #expect(kb.document("7000-x")?.targets(.supersedes) == ["6090-old"])
    }
}
