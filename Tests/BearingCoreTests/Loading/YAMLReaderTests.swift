import Testing
@testable import BearingCore

@Suite struct YAMLReaderTests {
    func fields(_ yaml: String, firstLine: Int = 2) throws -> [YAMLPair] {
        let node = try YAMLReader.parse(yaml, firstLine: firstLine).get()
        return try #require(node?.mapping)
    }

    @Test func positionsAreFileLinesAndColumns() throws {
        let pairs = try fields("title: A\ntags:\n  - x\n  - y\n")
        #expect(pairs[0].keyLine == 2 && pairs[0].keyColumn == 1)
        #expect(pairs[0].value.line == 2 && pairs[0].value.column == 8)
        let tags = try #require(pairs[1].value.sequence)
        #expect(tags.map(\.line) == [4, 5])
        #expect(tags.map(\.column) == [5, 5])
    }

    @Test func scalarsAreKeptAsWritten() throws {
        let pairs = try fields("number: 0037\ndate: 2025-01-02\nflag: yes\nquoted: \"12\"\n")
        #expect(pairs.map { $0.value.string } == ["0037", "2025-01-02", "yes", "12"])
        #expect(JSONValue(pairs[0].value) == .string("0037"))
        #expect(JSONValue(pairs[3].value) == .string("12"))
    }

    @Test func placeholdersAndKeysWithSpaces() throws {
        let pairs = try fields("date: {YYYY-MM-DD when decided}\nTechnical Story: abc\n")
        #expect(pairs[0].value.isPlaceholder)
        #expect(pairs[1].key == "Technical Story")
    }

    @Test func syntaxErrorIsLocatedInTheFile() {
        guard case .failure(let failure) = YAMLReader.parse("title: A\nbad: [unclosed\n", firstLine: 2) else {
            Issue.record("expected a failure"); return
        }
        #expect(failure.line >= 3)
    }

    @Test func aliasExpansionIsBounded() {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...6 { yaml += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        guard case .failure(let failure) = YAMLReader.parse(yaml, firstLine: 1) else {
            Issue.record("expected the alias bomb to be refused"); return
        }
        #expect(failure.message.contains("aliases"))
    }

    @Test func aVeryLongFrontMatterIsALimitBeforeTheYAMLReaderSeesIt() {
        let yaml = (0..<50_000).map { "k\($0): v" }.joined(separator: "\n") + "\n"
        guard case .failure(let failure) = YAMLReader.parse(yaml, firstLine: 2) else {
            Issue.record("expected the limit"); return
        }
        #expect(failure.rule == .limit)
        #expect(failure.message.contains("lines and commas"))
        #expect(failure.line == 2)
    }

    @Test func manyValuesWithoutAliasesAreNotCalledAliases() {
        let yaml = (0..<25_000).map { "k\($0): v" }.joined(separator: "\n") + "\n"
        guard case .failure(let failure) = YAMLReader.parse(yaml, firstLine: 2) else {
            Issue.record("expected the limit"); return
        }
        #expect(failure.rule == .limit)
        #expect(failure.message == "more than 20000 values (aliases expanded)")
        #expect(failure.line > 2)
    }

    @Test(arguments: [
        "x: " + String(repeating: "[", count: 2_000) + String(repeating: "]", count: 2_000) + "\n",
        "x: " + String(repeating: "{a: ", count: 2_000) + "b" + String(repeating: "}", count: 2_000) + "\n",
        (0..<1_100).map { String(repeating: " ", count: $0) + "- " }.joined(separator: "\n") + "x\n",
        (0..<100).map { String(repeating: " ", count: $0 * 2) + "k\($0):" }.joined(separator: "\n") + " x\n",
    ])
    func deepNestingIsALimitInOurWords(yaml: String) {
        guard case .failure(let failure) = YAMLReader.parse(yaml, firstLine: 2) else {
            Issue.record("expected the nesting limit"); return
        }
        #expect(failure.rule == .limit)
        #expect(failure.message.contains("nest"))
        #expect(!failure.message.contains("yaml_"))
        #expect(failure.line >= 2)
    }

    @Test func nestingWithinTheLimitIsRead() {
        let yaml = "x: " + String(repeating: "[", count: 30) + "a" + String(repeating: "]", count: 30) + "\ntitle: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[['\n"
        guard case .success(let node) = YAMLReader.parse(yaml, firstLine: 1) else {
            Issue.record("expected the YAML to be read"); return
        }
        #expect(node?["title"]?.string?.hasPrefix("[[[") == true)
    }

    /// Found by fuzz-front-matter: the nesting limit's column counted UTF-8 bytes, so after a
    /// multi-byte character it pointed past the end of its line.
    @Test func theNestingLimitsColumnCountsCharacters() {
        let yaml = "t: é" + String(repeating: "[", count: YAMLReader.maxDepth + 1)
        #expect(YAMLReader.deepFlow(yaml)?.column == 4 + YAMLReader.maxDepth + 1)
    }
}
