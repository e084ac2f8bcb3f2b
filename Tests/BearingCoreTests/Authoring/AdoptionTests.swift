import Foundation
import Testing
@testable import BearingCore

/// `bearing adopt`: the summary of an existing decision log and the bearing.yml written for it.
@Suite struct AdoptionTests {
    /// A decision log as teams keep them: front matter, MADR 2 bullets, Nygard sections, words of
    /// other ecosystems (`Final`, `In Review.`), words nothing knows (`Queued`, a typo), no status,
    /// a folder of templates and a template file nothing links to, one template a note links to.
    static let log: [String: String] = [
        "docs/adr/0001-use-postgres.md": "---\nstatus: accepted\n---\n# 1. Use Postgres\n",
        "docs/adr/0002-final.md": "---\nstatus: Final\n---\n# 2. Final\n",
        "docs/adr/0003-in-review.md": "# 3. In review\n\n## Status\n\nIn Review.\n",
        "docs/adr/0004-queued.md": "---\nstatus: Queued\n---\n# 4. Queued\n",
        "docs/adr/0005-queued-too.md": "# 5. Queued too\n\n* Status: queued until Q3\n",
        "docs/adr/0006-typo.md": "---\nstatus: imlpemented\n---\n# 6. Typo\n",
        "docs/adr/0007-nothing-stated.md": "# 7. Nothing stated\n",
        "docs/adr/0008-replaces.md": "---\nstatus: accepted; supersedes ADR-0001\n---\n# 8. Replaces\n",
        "docs/adr/0009-living.md": "---\nstatus: Living\n---\n# 9. Living\n",
        "docs/adr/0000-template.md": "---\nstatus: \"{proposed | accepted}\"\n---\n# {title}\n\nSee [the example](0000-example.md).\n",
        "docs/adr/templates/madr/adr-template.md": "---\nstatus: \"{proposed | accepted}\"\n---\n# {title}\n\nSee [xxx](xxxx-x.md).\n",
        "docs/adr/templates/madr/README.md": "# How to use the template\n",
        "briefs/launch.md": "---\nstatus: reviewing\n---\n# Launch\n",
        "notes/readme.md": "# Read me\n\nStart from [the note template](template.md); see [the plan](plan.md).\n",
        "notes/template.md": "# Note template\n",
    ]

    static func adoption(_ files: [String: String] = log) async -> (Adoption, KnowledgeBase, [Diagnostic]) {
        let (kb, diagnostics) = await Fixtures.build(files)
        return (Adoption(knowledgeBase: kb, diagnostics: diagnostics), kb, diagnostics)
    }

    @Test func summaryAndConfigurationOfADecisionLog() async throws {
        let (adoption, _, _) = await Self.adoption()
        Golden.assert(adoption.summary, matches: "adopt/summary.txt")
        Golden.assert(adoption.configurationText(title: "acme", today: Fixtures.today), matches: "adopt/configuration.yml")
        #expect(adoption.templates.map(\.pattern) == ["/docs/adr/templates/", "/docs/adr/0000-template.md"])
        #expect(adoption.mapped.map { "\($0.written) → \($0.stage)" } == ["Final → accepted", "In Review → proposed", "Living → accepted"])
        #expect(adoption.unknown.map { "\($0.type.rawValue) \($0.word) → \($0.stage)" }
            == ["brief reviewing → draft", "decision queued → proposed", "decision imlpemented → accepted"])
    }

    /// What adopt writes reads back without a diagnostic; loaded with it, the log has no
    /// `unknown-status`, its templates are left out, and `check` reports what the summary foresaw.
    @Test func theConfigurationReadsBackAndLeavesWhatTheSummaryForesaw() async throws {
        let (adoption, _, _) = await Self.adoption()
        let text = adoption.configurationText(title: "acme", today: Fixtures.today)
        let node = try YAMLReader.parse(text, firstLine: 1).get()
        let (configuration, problems) = Configuration.read(node)
        #expect(problems.isEmpty, "\(problems)")
        #expect(configuration.title == "acme")
        #expect(configuration.statusAliases[.decision] == ["queued": "proposed", "imlpemented": "accepted"])
        #expect(configuration.statusAliases[.brief] == ["reviewing": "draft"])
        #expect(configuration.rules.isEmpty)
        let ignore = IgnoreRules(configuration.ignore)
        #expect(Self.log.keys.filter { !MemoryFiles.isIncluded($0, ignore: ignore, excludedTopLevel: []) }.sorted()
            == ["docs/adr/0000-template.md", "docs/adr/templates/madr/README.md", "docs/adr/templates/madr/adr-template.md"])
        let after = await Adoption.diagnostics(with: text, files: Self.memory(Self.log), today: Fixtures.today)
        #expect(!after.contains { $0.rule == .unknownStatus })
        #expect(adoption.checked(after) == adoption)
    }

    /// A word mapped to `proposed` makes a dated decision pending: only loading again shows it.
    @Test func whatCheckReportsComesFromLoadingAgain() async throws {
        let files = ["adr/0001-x.md": "---\nstatus: Queued\ndate: 2026-01-05\n---\n# 1. X\n"]
        let (adoption, _, _) = await Self.adoption(files)
        #expect(adoption.summary.hasSuffix("Then `bearing check` reports nothing.\n"))
        let text = adoption.configurationText(title: "adr", today: Fixtures.today)
        let checked = adoption.checked(await Adoption.diagnostics(with: text, files: Self.memory(files), today: Fixtures.today))
        #expect(checked.summary.hasSuffix("Then `bearing check` reports: 1 pending-decision (warning)\n"))
    }

    static func memory(_ files: [String: String]) -> MemoryFiles {
        MemoryFiles(files: files.mapValues { Array($0.utf8) })
    }

    /// The stage adopt writes is the one the `unknown-status` hint proposes.
    @Test func aliasesAreTheOnesTheUnknownStatusHintsPropose() async {
        let (adoption, _, diagnostics) = await Self.adoption()
        let hints = diagnostics.filter { $0.rule == .unknownStatus }.compactMap(\.hint).sorted()
        let written = adoption.unknown.map { "map it in bearing.yml: status_aliases: {\($0.type.rawValue): {\($0.word): \($0.stage)}}" }.sorted()
        #expect(hints == written)
        // One entry per word, as the diagnostics report them, with every file that uses it.
        #expect(adoption.unknown.first { $0.word == "queued" }?.files == ["docs/adr/0004-queued.md", "docs/adr/0005-queued-too.md"])
    }

    @Test func aTemplateSomethingLinksToOrThatStatesAStatusIsKept() async {
        let (adoption, _, _) = await Self.adoption([
            "decisions/0001-use-a-template.md": "---\nstatus: accepted\n---\n# 1. Use a template\n",
            "decisions/0002-adr-template.md": "---\nstatus: accepted\n---\n# 2. An ADR template\n",
            "decisions/template/0003-x.md": "---\nstatus: proposed\n---\n# 3. X\n",
            "decisions/template/0004-y.md": "# 4. Y\n",
            "decisions/0005-z.md": "# 5. Z\n\nFrom [the template](../template.md).\n",
            "template.md": "# Template\n",
        ])
        #expect(adoption.templates.isEmpty)
    }

    @Test func anEmptyFolderAndACleanLog() async {
        let (empty, _, _) = await Self.adoption([:])
        #expect(empty.summary == "No documents found.\nThen `bearing check` reports nothing.\n")
        let (clean, _, _) = await Self.adoption(["adr/0001-x.md": "# 1. X\n\n## Status\n\nAccepted\n", "adr/0002-y.md": "# 2. Y\n"])
        #expect(clean.summary == """
            2 decisions in adr: 1 accepted, 1 states no status
            Then `bearing check` reports nothing.

            """)
        let text = clean.configurationText(title: "adr", today: Fixtures.today)
        #expect(!text.contains("status_aliases") && !text.contains("ignore:") && text.hasSuffix("\ntitle: adr\n"))
    }

    @Test(arguments: [
        (["decisions"], "decisions"),
        (["", "rfcs"], "2 folders (the top folder 1, rfcs 1)"),
        (["keps/sig-a/1-x", "keps/sig-b/2-y"], "2 folders under keps"),
        (["docs/adr", "docs/adr/backend"], "docs/adr and 1 folder below it"),
    ])
    func placeNamesTheFoldersOfAType(folders: [String], expected: String) {
        #expect(Adoption.place(Adoption.tallies(folders)) == expected)
    }

    @Test(arguments: ["adr", "no", "Yes", "a: b", "0007", "#x", "it's", "Zürich", "quote\"s", "back\\slash", " lead", "tab\tbed", "- item", "/docs/adr/", "[x]"])
    func titlesReadBackAsWritten(title: String) throws {
        let node = try YAMLReader.parse("title: \(YAMLScalar.text(title))\n", firstLine: 1).get()
        #expect(Configuration.read(node).0.title == title)
    }

    @Test func templateNames() {
        #expect(["0000-template", "adr-template", "TEMPLATE", "NNNN-kep-template", "templates", "eip_template"].allSatisfy { Adoption.isTemplateName($0[...]) })
        #expect(!["use-a-template-engine", "templates-are-bad", "template-adr", "contemplate"].contains { Adoption.isTemplateName($0[...]) })
    }
}
