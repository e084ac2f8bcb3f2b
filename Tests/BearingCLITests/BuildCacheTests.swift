import BearingTestSupport
import Foundation
import Testing

/// `bearing build` keeps the files' parses in `.bearing-cache/` beside the output folder. A build
/// through the cache writes the same bytes as a build without it, after any edit; a bad cache is
/// reported and not used; the cache is never content, never published, and only a build writes it.
@Suite struct BuildCacheTests {
    static let today = ["--today", "2027-02-17"]

    static func build(_ kb: String, _ output: String?, _ extra: [String] = []) throws -> CLITests.Run {
        try CLITests.run(["build", kb] + (output.map { ["-o", $0] } ?? []) + today + extra)
    }

    /// Every file below `folder`, by path, with its bytes.
    static func files(_ folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder)
            if !isFolder.boolValue { files[path] = FileManager.default.contents(atPath: folder + "/" + path) }
        }
        return files
    }

    /// Builds `kb` into `folder/site` through the cache and into a fresh folder without it, and
    /// compares the two sites file by file.
    static func expectCachedEqualsCold(_ kb: String, _ folder: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let cached = try build(kb, folder + "/site")
        #expect(cached.status == 0, "\(cached.stderr)", sourceLocation: sourceLocation)
        let coldFolder = folder + "/cold-\(UUID().uuidString)"
        let cold = try build(kb, coldFolder, ["--no-cache"])
        #expect(cold.status == 0, sourceLocation: sourceLocation)
        let (a, b) = (files(folder + "/site"), files(coldFolder))
        #expect(a.count > 50, sourceLocation: sourceLocation)
        #expect(Set(a.keys) == Set(b.keys), sourceLocation: sourceLocation)
        for (path, bytes) in a where b[path] != bytes {
            Issue.record("\(path) differs between the cached and the cold build", sourceLocation: sourceLocation)
        }
        // --no-cache neither reads nor writes one.
        #expect(!FileManager.default.fileExists(atPath: folder + "/.bearing-cache/" + (coldFolder as NSString).lastPathComponent),
                sourceLocation: sourceLocation)
        TemporaryFolder.remove(coldFolder)
    }

    @Test func aCachedBuildEqualsAColdOneAfterEveryKindOfEdit() throws {
        let folder = try TemporaryFolder.make()
        defer { TemporaryFolder.remove(folder) }
        let kb = folder + "/kb"
        try FileManager.default.copyItem(atPath: CLITests.northwind, toPath: kb)
        try Self.expectCachedEqualsCold(kb, folder)
        #expect(FileManager.default.fileExists(atPath: folder + "/.bearing-cache/site/parse"))
        try Self.expectCachedEqualsCold(kb, folder)

        func edit(_ path: String, _ change: (String) -> String) throws {
            let text = try String(contentsOfFile: kb + "/" + path, encoding: .utf8)
            try change(text).write(toFile: kb + "/" + path, atomically: false, encoding: .utf8)
        }
        // Change a file: its title and a link to another document.
        try edit("briefs/dunning-automation.md") { $0.replacingOccurrences(of: "\n# ", with: "\nSee [[g-2027-q1-infra-cost]].\n\n# ") + "\n## Added\n" }
        try Self.expectCachedEqualsCold(kb, folder)
        // Add one.
        try "---\ntype: brief\nstatus: draft\ngoals: [g-2027-q1-infra-cost]\n---\n# A new brief\n\nText.\n".write(toFile: kb + "/briefs/new-brief.md", atomically: false, encoding: .utf8)
        try Self.expectCachedEqualsCold(kb, folder)
        // Delete one.
        try FileManager.default.removeItem(atPath: kb + "/briefs/office-move-checklist.md")
        try Self.expectCachedEqualsCold(kb, folder)
        // Rename one (its id follows its file name).
        try FileManager.default.moveItem(atPath: kb + "/briefs/new-brief.md", toPath: kb + "/briefs/renamed-brief.md")
        try Self.expectCachedEqualsCold(kb, folder)
        // bearing.yml: the title, and raw HTML let through (a parse option).
        try edit("bearing.yml") { $0.replacingOccurrences(of: "title: Northwind", with: "title: Northwind Renamed\nunsafe_html: true") }
        try edit("briefs/dunning-automation.md") { $0 + "\n<kbd>raw</kbd>\n" }
        try Self.expectCachedEqualsCold(kb, folder)
        // A template override, then a change to it.
        let theme = CLITests.packageRoot.appendingPathComponent("templates/site/document.html.mustache").path
        try FileManager.default.createDirectory(atPath: kb + "/templates/site", withIntermediateDirectories: true)
        try (try String(contentsOfFile: theme, encoding: .utf8) + "<!-- override one -->\n").write(toFile: kb + "/templates/site/document.html.mustache", atomically: false, encoding: .utf8)
        try Self.expectCachedEqualsCold(kb, folder)
        try edit("templates/site/document.html.mustache") { $0.replacingOccurrences(of: "override one", with: "override two") }
        try Self.expectCachedEqualsCold(kb, folder)
    }

    @Test func aDamagedCacheIsReportedAndNotUsed() throws {
        let folder = try TemporaryFolder.make()
        defer { TemporaryFolder.remove(folder) }
        let kb = folder + "/kb"
        try FileManager.default.copyItem(atPath: CLITests.northwind, toPath: kb)
        #expect(try Self.build(kb, folder + "/site").status == 0)
        let cache = folder + "/.bearing-cache/site/parse"
        let good = try #require(FileManager.default.contents(atPath: cache))
        var flipped = [UInt8](good)
        flipped[flipped.count - 40] ^= 0x04
        for (bytes, reason) in [(Data(flipped), "damaged"), (good.prefix(good.count / 2), "truncated"), (Data("{}".utf8), "not a cache")] {
            try bytes.write(to: URL(fileURLWithPath: cache))
            let run = try Self.build(kb, folder + "/site")
            #expect(run.status == 0)
            #expect(run.stderr.contains("note: the build cache '\(cache)' "), "\(run.stderr)")
            #expect(run.stderr.contains(reason), "\(run.stderr)")
            // Replaced by a good one, used by the next build without a note.
            #expect(!(try Self.build(kb, folder + "/site").stderr.contains("note: the build cache")))
            try Self.expectCachedEqualsCold(kb, folder)
        }
    }

    /// The default output is inside the knowledge base (`_site`): its cache, `.bearing-cache/` in the
    /// knowledge base, is not read as content and not published.
    @Test func theCacheInsideTheKnowledgeBaseIsNeitherContentNorPublished() throws {
        let folder = try TemporaryFolder.make()
        defer { TemporaryFolder.remove(folder) }
        let kb = folder + "/kb"
        try FileManager.default.copyItem(atPath: CLITests.northwind, toPath: kb)
        let checkBefore = try CLITests.run(["check", kb] + Self.today)
        #expect(!FileManager.default.fileExists(atPath: kb + "/.bearing-cache"))
        #expect(try Self.build(kb, nil).status == 0)
        #expect(FileManager.default.fileExists(atPath: kb + "/.bearing-cache/_site/parse"))
        let first = Self.files(kb + "/_site")
        #expect(try Self.build(kb, nil).status == 0)
        #expect(Self.files(kb + "/_site") == first)
        #expect(!first.keys.contains { $0.contains("bearing-cache") })
        let checkAfter = try CLITests.run(["check", kb] + Self.today)
        #expect(checkAfter.stdout == checkBefore.stdout)
        #expect(checkAfter.stderr == checkBefore.stderr)
    }

    /// Only a build that wrote its site writes the cache.
    @Test func noBuildNoCache() throws {
        let folder = try TemporaryFolder.make(["not-a-site/file.txt": "mine"])
        defer { TemporaryFolder.remove(folder) }
        let kb = folder + "/kb"
        try FileManager.default.copyItem(atPath: CLITests.northwind, toPath: kb)
        for command in ["check", "report", "export"] { _ = try CLITests.run([command, kb] + Self.today) }
        let refused = try Self.build(kb, folder + "/not-a-site")
        #expect(refused.status == 2)
        #expect(!FileManager.default.fileExists(atPath: folder + "/.bearing-cache"))
        #expect(!FileManager.default.fileExists(atPath: kb + "/.bearing-cache"))
    }
}
