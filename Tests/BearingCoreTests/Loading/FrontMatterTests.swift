import Testing
@testable import BearingCore

@Suite struct FrontMatterTests {
    @Test func splitsAndKeepsBodyLineOffset() {
        let split = FrontMatter.split("---\ntitle: A\nstatus: draft\n---\n# Body\n")
        #expect(split.yaml == "title: A\nstatus: draft\n")
        #expect(split.yamlFirstLine == 2)
        #expect(split.body == "# Body\n")
        #expect(split.bodyFirstLine == 5)
    }

    @Test func acceptsDotsCloserBOMAndCRLF() {
        let split = FrontMatter.split("\u{FEFF}---\r\ntitle: A\r\n...\r\nbody\r\n")
        #expect(split.yaml == "title: A\r\n")
        #expect(split.body == "body\r\n")
        #expect(split.bodyFirstLine == 4)
        #expect(split.unclosedAtLine == nil)
    }

    @Test func emptyBlockAndMissingFinalNewline() {
        let split = FrontMatter.split("---\n---")
        #expect(split.yaml == "")
        #expect(split.body == "")
        #expect(split.bodyFirstLine == 3)
    }

    @Test func unclosedBlockIsReportedAndBodyKept() {
        let split = FrontMatter.split("---\ntitle: A\n# never closed\n")
        #expect(split.yaml == nil)
        #expect(split.unclosedAtLine == 1)
        #expect(split.body.hasPrefix("---"))
    }

    @Test func noFrontMatterWhenFirstLineIsNotAFence() {
        let split = FrontMatter.split("# Title\n---\nnot: yaml\n---\n")
        #expect(split.yaml == nil)
        #expect(split.bodyFirstLine == 1)
    }

    @Test func dashesInsideYAMLValuesDoNotClose() {
        let split = FrontMatter.split("---\ntitle: a --- b\n---\nx\n")
        #expect(split.yaml == "title: a --- b\n")
    }

    @Test func parsedDocumentDiagnostics() {
        let cases: [(String, RuleID, Int, Int)] = [
            ("---\n- a\n- b\n---\n", .frontMatter, 2, 1),                 // YAML that is a list
            ("---\ntitle: A\n\tstatus: x\n---\n", .yamlSyntax, 3, 1),      // tab indentation
            ("---\ntitle: A\ntitle: B\n---\n", .yamlSyntax, 2, 1),        // duplicate keys
            ("---\ntitle: A\n", .frontMatter, 1, 1),                        // never closed
        ]
        for (text, rule, line, column) in cases {
            let parsed = DocumentParser.parse(SourceFile(path: "x.md", text: text))
            #expect(parsed.diagnostics.map(\.rule) == [rule], "\(text.debugDescription)")
            #expect(parsed.diagnostics.first?.location == SourceLocation(path: "x.md", line: line, column: column), "\(text.debugDescription)")
        }
    }
}

@Suite struct FrontMatterAfterHeaderTests {
    @Test func frontMatterAfterALicenceCommentIsRead() {
        let text = "<!--\nSPDX-License-Identifier: MIT\n-->\n\n---\nstatus: accepted\ndate: 2021-01-02\n---\n# Title\n"
        let parsed = DocumentParser.parse(SourceFile(path: "adr/0001-x.md", text: text))
        #expect(parsed.fields.map(\.key) == ["status", "date"])
        #expect(parsed.fields.first?.keyLine == 6)
        #expect(parsed.markdown.title == "Title")
        #expect(parsed.markdown.headings.first?.line == 9)
    }

    @Test func aRuleAfterACommentIsMarkdown() {
        let text = "<!-- note -->\n---\nSome text\n\nMore\n---\n# After\n"
        let parsed = DocumentParser.parse(SourceFile(path: "a.md", text: text))
        #expect(parsed.fields.isEmpty)
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.markdown.headings.map(\.line) == [5, 7])
    }
}

extension FrontMatterAfterHeaderTests {
    @Test func aYAMLErrorAfterALicenceCommentIsReported() {
        let text = "<!-- SPDX-License-Identifier: MIT -->\n---\nstatus: [accepted\n---\n# Title\n"
        let parsed = DocumentParser.parse(SourceFile(path: "a.md", text: text))
        #expect(parsed.diagnostics.map(\.rule) == [.yamlSyntax])
    }
}
