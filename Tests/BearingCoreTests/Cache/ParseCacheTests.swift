import Foundation
import Testing
@testable import BearingCore

/// `bearing build` keeps each file's parse in `.bearing-cache/` (ParseCache). A load through the
/// cache must equal a load without it, whatever was edited since, and a cache that is damaged,
/// truncated or another Bearing's is not used at all.
@Suite struct ParseCacheTests {
    static let identity = "bearing test"

    static func load(_ root: String, cache: ParseCache?, markdown: MarkdownParser.Options = .init(renderHTML: true),
                     history: GitHistory? = nil) async -> KnowledgeBaseLoader.Result {
        await KnowledgeBaseLoader.load(FolderFiles(root: root), today: Fixtures.today, markdown: markdown, history: history,
                                       analyse: true, parseCache: cache)
    }

    /// A copy of the northwind example and a cache file path outside it.
    static func knowledgeBase() throws -> (root: String, cache: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bearing-parse-cache-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Fixtures.packageRoot.appendingPathComponent("examples/northwind").path, toPath: folder + "/kb")
        return (folder + "/kb", folder + "/.bearing-cache/site/parse")
    }

    static func expectSame(_ a: KnowledgeBaseLoader.Result, _ b: KnowledgeBaseLoader.Result, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(a.knowledgeBase.documents == b.knowledgeBase.documents, sourceLocation: sourceLocation)
        #expect(a.diagnostics == b.diagnostics, sourceLocation: sourceLocation)
    }

    @Test func everyFixtureSurvivesTheBinaryForm() throws {
        var count = 0
        for base in [Fixtures.root.path, Fixtures.packageRoot.appendingPathComponent("examples").path] {
            for path in FileManager.default.subpaths(atPath: base) ?? [] where path.hasSuffix(".md") {
                guard let bytes = FileReader.read(base + "/" + path) else { continue }
                let text = String(decoding: bytes, as: UTF8.self)
                for options in [MarkdownParser.Options(renderHTML: true), MarkdownParser.Options()] {
                    var parsed = DocumentParser.parse(SourceFile(path: path, text: text), markdownOptions: options)
                    parsed.sidecar = ParsedDocument.Sidecar(path: "kep.yaml", fields: parsed.fields)
                    var writer = BinaryWriter()
                    parsed.write(to: &writer)
                    let decoded = try writer.bytes.withUnsafeBytes { buffer in
                        var reader = BinaryReader(buffer)
                        let document = try ParsedDocument(from: &reader)
                        #expect(reader.isAtEnd)
                        return document
                    }
                    #expect(decoded == parsed, "\(path)")
                }
                count += 1
            }
        }
        #expect(count > 100)
    }

    /// The binary form writes these stored properties; one added to a type must be added to
    /// ParsedDocument+Binary (and ParseCache.format raised), then here.
    @Test func theBinaryFormKnowsEveryStoredProperty() {
        func labels(_ value: Any) -> [String] { Mirror(reflecting: value).children.compactMap(\.label) }
        let location = SourceLocation(path: "a.md", line: 1, column: 1)
        let node = YAMLNode(.scalar("x", plain: true), line: 1, column: 1)
        let parsed = ParsedDocument(path: "a.md", fields: [], markdown: MarkdownDocument(), diagnostics: [])
        #expect(labels(parsed) == ["path", "fields", "markdown", "diagnostics", "sidecar"])
        #expect(labels(ParsedDocument.Sidecar(path: "kep.yaml", fields: [])) == ["path", "fields"])
        #expect(labels(YAMLPair(key: "k", keyLine: 1, keyColumn: 1, value: node)) == ["key", "keyLine", "keyColumn", "value"])
        #expect(labels(node) == ["value", "line", "column"])
        #expect(labels(MarkdownDocument()) == ["html", "title", "headings", "links", "blocks", "codeBlocks", "cut"])
        #expect(labels(MarkdownHeading(level: 1, text: "", anchor: "", line: 1)) == ["level", "text", "anchor", "line"])
        #expect(labels(MarkdownLink(kind: .link, destination: "", label: nil, anchor: nil, line: 1, column: 1))
                == ["kind", "destination", "label", "anchor", "line", "column"])
        #expect(labels(MarkdownBlock(kind: .paragraph, text: "", line: 1, links: 0..<0)) == ["kind", "text", "line", "links", "cells"])
        #expect(labels(MarkdownCodeBlock(info: "", literal: "", line: 1)) == ["info", "literal", "line", "column"])
        #expect(labels(MarkdownLimits.Cut(message: "", line: 1)) == ["message", "line"])
        #expect(labels(Diagnostic(.error, .frontMatter, "m", at: location)) == ["severity", "rule", "message", "location", "related", "hint"])
        #expect(labels(location) == ["path", "line", "column"])
    }

    @Test func aSecondLoadParsesNothingAndEqualsAColdOne() async throws {
        let (root, path) = try Self.knowledgeBase()
        let first = ParseCache(path: path, identity: Self.identity)
        let cold = await Self.load(root, cache: first)
        #expect(first.reusedCount == 0)
        #expect(first.save())
        let second = ParseCache(path: path, identity: Self.identity)
        #expect(second.rejection == nil)
        let warm = await Self.load(root, cache: second)
        #expect(second.reusedCount == cold.knowledgeBase.documents.count)
        Self.expectSame(warm, cold)
    }

    @Test func editsAreParsedAgainAndTheRestReused() async throws {
        let (root, path) = try Self.knowledgeBase()
        _ = await Self.load(root, cache: ParseCache(path: path, identity: Self.identity))
        let files = LoadCacheTests.markdownFiles(root)
        #expect(ParseCache(path: path, identity: Self.identity).rejection == nil)
        var random = SeededRandom(seed: 15)
        for step in 0..<12 {
            let before = ParseCache(path: path, identity: Self.identity)
            let cached = await Self.load(root, cache: before)
            before.save()
            Self.expectSame(cached, await Self.load(root, cache: nil))
            _ = try LoadCacheTests.edit(root, step: step, &random)
        }
        // A changed file is parsed again: the front matter's title changes with its bytes.
        let first = root + "/" + files[0]
        let text = try String(contentsOfFile: first, encoding: .utf8)
        try (text + "\n## A heading added\n").write(toFile: first, atomically: false, encoding: .utf8)
        let cache = ParseCache(path: path, identity: Self.identity)
        let warm = await Self.load(root, cache: cache)
        Self.expectSame(warm, await Self.load(root, cache: nil))
        #expect(warm.knowledgeBase.documents.first { $0.path == files[0] }?.body.headings.contains { $0.text == "A heading added" } == true)
    }

    @Test func otherOptionsAreNotReused() async throws {
        let (root, path) = try Self.knowledgeBase()
        let first = ParseCache(path: path, identity: Self.identity)
        _ = await Self.load(root, cache: first)
        first.save()
        let second = ParseCache(path: path, identity: Self.identity)
        let plain = await Self.load(root, cache: second, markdown: .init())
        #expect(second.reusedCount == 0)
        Self.expectSame(plain, await Self.load(root, cache: nil, markdown: .init()))
    }

    /// Damaged, truncated, foreign and other-identity caches: each rejected with its reason, nothing
    /// reused, the load that of no cache.
    @Test func aBadCacheIsNeverTrusted() async throws {
        let (root, path) = try Self.knowledgeBase()
        let first = ParseCache(path: path, identity: Self.identity)
        let cold = await Self.load(root, cache: first)
        first.save()
        let good = try #require(FileReader.read(path))
        var flipped = good
        flipped[good.count / 2] ^= 0x10
        var flippedHeader = good
        flippedHeader[3] ^= 0x01
        let cases: [(bytes: [UInt8], identity: String, reason: CacheFile.Rejection)] = [
            (flipped, Self.identity, .damaged),
            (Array(good.prefix(good.count - 100)), Self.identity, .truncated),
            (Array(good.prefix(30)), Self.identity, .truncated),
            (Array(good.prefix(5)), Self.identity, .foreign),
            (flippedHeader, Self.identity, .foreign),
            (Array("not a cache at all".utf8), Self.identity, .foreign),
            (good + [0], Self.identity, .truncated),
            (good, "bearing 9.9", .otherIdentity),
        ]
        for (bytes, identity, reason) in cases {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let cache = ParseCache(path: path, identity: identity)
            #expect(cache.rejection == reason.description)
            let loaded = await Self.load(root, cache: cache)
            #expect(cache.reusedCount == 0)
            Self.expectSame(loaded, cold)
        }
    }

    /// Dates and authors from git are applied after the parse: a file whose bytes are unchanged but
    /// which was committed again gets its new date, not the cached one.
    @Test func gitDatesAreNotFrozen() async throws {
        let repo = try ScriptedRepository()
        try repo.write("goals/g.md", "---\ntype: goal\nstatus: active\n---\n# G\n")
        try repo.commit("start", date: "2027-01-04T09:00:00+00:00")
        let root = repo.root.path
        let path = repo.root.deletingLastPathComponent().path + "/.bearing-cache/\(UUID().uuidString)/parse"
        let first = ParseCache(path: path, identity: Self.identity)
        let before = await Self.load(root, cache: first, history: GitHistoryTests.history(repo.root))
        first.save()
        #expect(before.knowledgeBase.documents.first?.updated == Day(year: 2027, month: 1, day: 4))
        // Changed and changed back: the same bytes, a later commit, another author.
        try repo.write("goals/g.md", "---\ntype: goal\nstatus: active\n---\n# G edited\n")
        try repo.commit("edit", date: "2027-01-09T09:00:00+00:00", author: "Bob Roe <bob@example.com>")
        try repo.write("goals/g.md", "---\ntype: goal\nstatus: active\n---\n# G\n")
        try repo.commit("back", date: "2027-01-12T09:00:00+00:00", author: "Bob Roe <bob@example.com>")
        let second = ParseCache(path: path, identity: Self.identity)
        let after = await Self.load(root, cache: second, history: GitHistoryTests.history(repo.root))
        #expect(second.reusedCount == 1)
        #expect(after.knowledgeBase.documents.first?.updated == Day(year: 2027, month: 1, day: 12))
        #expect(after.knowledgeBase.documents.first?.authors.contains("Bob Roe") == true)
        Self.expectSame(after, await Self.load(root, cache: nil, history: GitHistoryTests.history(repo.root)))
    }
}
