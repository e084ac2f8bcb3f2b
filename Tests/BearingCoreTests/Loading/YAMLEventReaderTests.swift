import Testing
@testable import BearingCore

/// The event reader against Yams' path: whatever it reads, it reads as Yams' path does (values,
/// styles, positions); whatever needs a diagnostic or Yams' own rules, it leaves to Yams.
@Suite struct YAMLEventReaderTests {
    /// Inputs the event reader must read itself, each the same as Yams' path.
    static let clean: [String] = [
        "",
        "# only a comment\n",
        "title: A\ntags:\n  - x\n  - y\n",
        "number: 0037\ndate: 2025-01-02\nflag: yes\nquoted: \"12\"\nsingle: 'it''s'\nnull1: ~\nnull2:\nnull3: null\n",
        "date: {YYYY-MM-DD when decided}\nTechnical Story: abc\n",
        "base: &b {x: 1, y: [a, b]}\ncopy: *b\nlist: &l [1, 2]\nagain: *l\nscalar: &s word\nthat: *s\n",
        "&k key: v\nother: *k\n",
        "shadow: &a first\nuse1: *a\nredefine: &a second\nuse2: *a\n",
        "literal: |\n  line one\n  line two\nfolded: >\n  folded\n  text\nkeep: |+\n  kept\n\nstrip: |-\n  stripped\n",
        "multi: this is\n  a plain scalar\n  on three lines\nquoted: \"double\n  quoted\"\n",
        "tagged: !!str 12\ncustom: !thing value\nseq: !!seq [a]\nmap: !!map {a: b}\n",
        "? explicit key\n: explicit value\n",
        "unicode: café ✓ 日本\nemoji: \"\\u263A\"\nescaped: \"tab\\tnew\\nline\"\n",
        "---\ntitle: explicit start\n...\n",
        "---\n",
        "- just\n- a\n- list\n",
        "just a scalar\n",
        "nested:\n  deeper:\n    deepest: [1, {a: [2, 3]}]\n  sibling: {}\nempty: []\n",
        "title: A\r\ntags:\r\n  - x\r\n",
        "\"quoted key\": 1\n'single key': 2\n",
        "deep: " + String(repeating: "[", count: 60) + String(repeating: "]", count: 60) + "\n",
    ]

    /// Inputs the event reader must leave to Yams (errors, duplicate keys, Yams' own rules).
    static let deferred: [String] = [
        "title: A\nbad: [unclosed\n",
        "a: 1\nb: 2\na: 3\n",
        "a: 1\n'a': 2\n",
        "n: 5\n!!int n: 6\n",
        "[complex, key]: value\n",
        "{a: b}: value\n",
        "use: *missing\n",
        "&a x: 1\n*a : 2\n",
        "one: 1\n---\ntwo: 2\n",
        "key: value\n  bad indent: x\n",
        "tab:\n\t- x\n",
        "a: b: c\n",
        "%YAML 1.1\n%YAML 1.1\n---\na: 1\n",
        "deep: " + String(repeating: "[", count: 64) + "x" + String(repeating: "]", count: 64) + "\n",
        (0..<20_001).map { "k\($0): v" }.joined(separator: "\n") + "\n",
    ]

    @Test(arguments: clean)
    func readsCleanBlocksAsYamsDoes(_ yaml: String) {
        let expected = YAMLReader.parseWithYams(yaml, firstLine: 3)
        guard case .read(let node) = YAMLEventReader.read(yaml, firstLine: 3) else {
            Issue.record("deferred: \(yaml.debugDescription)"); return
        }
        #expect(Result<YAMLNode?, YAMLReader.Failure>.success(node) == expected, "\(yaml.debugDescription)")
    }

    @Test(arguments: deferred)
    func leavesProblemsToYams(_ yaml: String) {
        #expect(YAMLEventReader.read(yaml, firstLine: 3) == .deferred, "\(yaml.debugDescription)")
        // And the reader as a whole says what Yams' path says.
        #expect(YAMLReader.parse(yaml, firstLine: 3) == YAMLReader.parseWithYams(yaml, firstLine: 3))
    }

    /// libyaml starts an anchored value at its anchor (`&x`), as Yams reported it.
    @Test func anAliasToAnAnchoredValueKeepsTheValuesPositions() throws {
        guard case .read(let root?) = YAMLEventReader.read("a: &x [1, 2]\nb: *x\n", firstLine: 2) else {
            Issue.record("expected a value"); return
        }
        let pairs = try #require(root.mapping)
        #expect(pairs[1].value == pairs[0].value)
        #expect(pairs[1].value.line == 2 && pairs[1].value.column == 4)
        #expect(pairs[1].keyLine == 3)
    }

    @Test func aliasesCountAgainstTheValueBudgetAsBefore() {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...4 { yaml += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        #expect(YAMLEventReader.read(yaml, firstLine: 1) == .deferred)
        guard case .failure(let failure) = YAMLReader.parse(yaml, firstLine: 1) else {
            Issue.record("expected the alias bomb to be refused"); return
        }
        #expect(failure.message.contains("aliases"))
    }

    /// Random front matter built from the pieces people write (and some they should not): every
    /// block reads the same through the reader as through Yams' path alone. (No list or mapping
    /// keys: when one is written twice beside another duplicate, Yams names the two in an order
    /// that varies from run to run.)
    @Test func randomBlocksReadAsYamsReadsThem() {
        var random = SeededRandom(seed: 15)
        let keys = ["title", "status", "tags", "owner", "a", "b", "date", "x y", "\"q\"", "'s'", "&k1 anchored", "*k1"]
        let scalars = ["A", "0037", "2025-01-02", "yes", "~", "", "\"quoted\"", "'single'", "café", "a: b", "[x, y]",
                       "{p: q}", "&v1 anchored", "*v1", "*k1", "!!str 5", "|\n    block\n    text", ">\n    folded", "[unclosed",
                       "{YYYY-MM-DD}", "multi\n    line", "- item", "\"esc\\u00e9\""]
        var read = 0
        for _ in 0..<2_000 {
            var yaml = ""
            for _ in 0..<random.int(0...6) {
                let key = random.pick(keys)
                if random.chance(25) {
                    yaml += "\(key):\n"
                    for _ in 0..<random.int(0...3) { yaml += "  - \(random.pick(scalars).replacingOccurrences(of: "\n", with: "\n  "))\n" }
                } else if random.chance(15) {
                    yaml += "\(key):\n  \(random.pick(keys)): \(random.pick(scalars))\n  \(random.pick(keys)): \(random.pick(scalars))\n"
                } else {
                    yaml += "\(key): \(random.pick(scalars))\n"
                }
            }
            if random.chance(5) { yaml = "---\n" + yaml }
            if random.chance(5) { yaml = yaml.replacingOccurrences(of: "\n", with: "\r\n") }
            let expected = YAMLReader.parseWithYams(yaml, firstLine: 2)
            switch YAMLEventReader.read(yaml, firstLine: 2) {
            case .read(let node):
                read += 1
                #expect(Result<YAMLNode?, YAMLReader.Failure>.success(node) == expected, "\(yaml.debugDescription)")
            case .deferred:
                #expect(YAMLReader.parse(yaml, firstLine: 2) == expected, "\(yaml.debugDescription)")
            }
        }
        // Most blocks are clean; the reader must not defer them all.
        #expect(read > 500)
    }
}
