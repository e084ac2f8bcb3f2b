import Testing
@testable import BearingCore

@Suite struct IgnoreRulesTests {
    @Test(arguments: [
        ("drafts/", "drafts", true, true),
        ("drafts/", "drafts", false, false),
        ("*.tmp.md", "notes/a.tmp.md", false, true),
        ("/archive", "archive", true, true),
        ("/archive", "notes/archive", true, false),
        ("docs/**/old", "docs/a/b/old", true, true),
        ("**/secret.md", "x/y/secret.md", false, true),
        ("notes/*.md", "notes/sub/a.md", false, false),
    ])
    func matches(pattern: String, path: String, isDirectory: Bool, expected: Bool) {
        #expect(IgnoreRules([pattern]).isIgnored(path, isDirectory: isDirectory) == expected)
    }

    @Test func negationReincludes() {
        let rules = IgnoreRules(["*.md", "!keep.md"])
        #expect(rules.isIgnored("a.md", isDirectory: false))
        #expect(!rules.isIgnored("keep.md", isDirectory: false))
    }
}
