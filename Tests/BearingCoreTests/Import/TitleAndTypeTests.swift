import Testing
@testable import BearingCore

@Suite struct TitleAndTypeTests {
    func document(_ path: String, _ text: String, configuration: Configuration = Configuration()) -> Document {
        DocumentReader(configuration: configuration).read(DocumentParser.parse(SourceFile(path: path, text: text))).document
    }

    @Test func titleSkipsSectionHeadingsAndTemplates() {
        #expect(document("text/0002-new-version-of-context.md", "# Summary\n\nx\n\n# Plan for adoption\n").title == "New version of context")
        #expect(document("rfcs/0001-x.md", "---\nfeature: rfc-process\n---\n# Summary\n").title == "rfc-process")
        #expect(document("docs/index.md", "## Only an H2 title\n\ntext\n").title == "Only an H2 title")
        #expect(document("adr/template.md", "# [short title of solved problem]\n\n## Context\n").title == "Template")
        #expect(document("a/0007-use-x.md", "# 7. Use X\n\n## Status\n\nAccepted\n").title == "Use X")
    }

    @Test func typeFromFoldersContentAndConfiguration() {
        #expect(document("docs/adr/0001-x.md", "# X\n").type == .decision)
        #expect(document("notes/random.md", "# X\n").type == .note)
        #expect(document("random.md", "# X\n\n## Status\n\nAccepted\n").type == .decision)
        #expect(document("random/0042-thing.md", "# X\n").type == .decision)
        #expect(document("random/01-getting-started.md", "# X\n").type == .note)
        #expect(document("proposals/thing.md", "# X\n").type == .decision)
        #expect(document("docs/adr/README.md", "# Decisions\n\n- [1](0001-x.md)\n").type == .note)
        #expect(document("EIPS/eip-1.md", "---\ntype: Standards Track\nstatus: Final\n---\n# X\n").type == .decision)
        var configuration = Configuration()
        configuration.folderName = "adr"
        #expect(document("0001-x.md", "# X\n", configuration: configuration).type == .decision)
        #expect(document("intro.md", "# X\n", configuration: configuration).type == .decision)
        configuration.types = [("guides/**", .note)]
        #expect(document("guides/0001-x.md", "# X\n\n* Status: accepted\n", configuration: configuration).type == .note)
    }

    @Test func aNearMissOfATypeIsAnError() {
        let draft = DocumentReader(configuration: Configuration()).read(DocumentParser.parse(SourceFile(path: "a.md", text: "---\ntype: decison\n---\n# X\n")))
        #expect(draft.diagnostics.contains { $0.rule == .invalidField && $0.hint == "did you mean 'decision'?" })
        let plain = DocumentReader(configuration: Configuration()).read(DocumentParser.parse(SourceFile(path: "a.md", text: "---\ntype: Standards Track\n---\n# X\n")))
        #expect(plain.diagnostics.isEmpty)
    }

    @Test func aDocumentThatStatesNoStatusHasNone() {
        let decision = document("adr/0001-x.md", "# 1. X\n\nSome text.\n")
        #expect(decision.status == "")
        #expect(decision.statusLabel == "not stated")
    }
}

extension TitleAndTypeTests {
    /// What the review of the readers found, each a misread on a repository outside the corpus.
    @Test func readersDoNotOverreach() {
        // A README's product status is not a decision's.
        #expect(document("README.md", "# Tool\n\nStatus: Beta\n\nUse it.\n").type == .note)
        // "template" inside a record's name does not make it a template.
        let record = document("adr/0001-use-templates-for-emails.md", "# 1. Use templates for emails\n\n* Status: accepted\n* Date: 2021-01-02\n")
        #expect(record.status == "accepted" && record.decision?.date == Day.parse("2021-01-02"))
        // A date-named file is not record number 2021.
        #expect(document("adr/2021-05-10-use-kafka.md", "# Use Kafka\n\n* Status: accepted\n").number == nil)
        // `## History` is a section, not a changelog.
        #expect(document("adr/0002-x.md", "# X\n\n## Status\n\nAccepted\n\n## History\n\n- 1998-02-03: the queue was built\n").decision?.date == nil)
        // A clone named like a proposal folder does not make every top-level file a decision.
        var configuration = Configuration()
        configuration.folderName = "rfcs"
        #expect(document("GOVERNANCE.md", "# Governance\n\nHow we work.\n", configuration: configuration).type == .note)
    }

    @Test func aFolderOfNumberedRecordsHoldsDecisions() {
        var configuration = Configuration()
        configuration.recordFolders = Configuration.recordFolders(of: ["0001-a.md", "0002-b.md", "0003-c.md", "go13compiler.md", "README.md", "img/notes.md"])
        #expect(configuration.recordFolders == [""])
        #expect(document("go13compiler.md", "# Go 1.3 compiler\n", configuration: configuration).type == .decision)
        #expect(document("README.md", "# Proposals\n", configuration: configuration).type == .note)
        #expect(Configuration.recordFolders(of: ["guide/01-intro.md", "guide/02-setup.md", "guide/03-use.md"]).isEmpty)
    }

    @Test func datesAndStatusesFromTheReview() {
        #expect(WrittenDate.parse("15th March 2021") == .day(Day.parse("2021-03-15")!))
        let decision = Workflow.defaults[.decision]!
        #expect(StatusText.read("Not accepted", type: .decision, workflow: decision)?.status == "rejected")
        #expect(StatusText.read("Accepted, replaces the old cache layer", type: .decision, workflow: decision)?.supersedes == nil)
        #expect(StatusText.read("Superseded by [[0004-d]]", type: .decision, workflow: decision)?.supersededBy == "[[0004-d]]")
        #expect(StatusText.read("En attente", type: .decision, workflow: decision)?.status == "en attente")
        #expect(StatusText.read("En vigueur", type: .decision, workflow: decision)?.status == "en vigueur")
    }
}

extension TitleAndTypeTests {
    @Test func placeholdersInFrontMatterAreNotGiven() {
        let draft = DocumentReader(configuration: Configuration()).read(DocumentParser.parse(SourceFile(path: "EIPS/eip-template.md",
            text: "---\ntitle: <The EIP title>\ncreated: <date created on, in ISO 8601 (yyyy-mm-dd) format>\nowner: TBD\n---\n# X\n")))
        #expect(draft.diagnostics.isEmpty, "\(draft.diagnostics)")
        #expect(draft.document.created == nil && draft.document.owner == nil)
    }
}
