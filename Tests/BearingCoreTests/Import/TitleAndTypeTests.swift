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
