import Foundation
import Testing
@testable import BearingCore
#if canImport(Glibc)
import Glibc
#endif

/// The knowledge base is a boundary (SPEC §1): real folders with real symbolic links, a fifo and a
/// Latin-1 file name, made fresh for each test.
@Suite struct BoundaryTests {
    /// A fresh folder holding `kb/` (the knowledge base, with `files`) and `outside/` beside it.
    struct Place {
        let top: String
        var kb: String { top + "/kb" }
        var outside: String { top + "/outside" }

        init(_ files: [String: String] = [:]) throws {
            top = FileManager.default.temporaryDirectory.appendingPathComponent("bearing-boundary-\(UUID().uuidString)").path
            for (path, text) in files.merging(["../outside/secret.md": "# Secret\nroot:x:0:0\n"], uniquingKeysWith: { a, _ in a }) {
                let url = URL(fileURLWithPath: top + "/kb/" + path).standardizedFileURL
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: url, atomically: false, encoding: .utf8)
            }
            try FileManager.default.createDirectory(atPath: top + "/kb", withIntermediateDirectories: true)
        }

        /// A symbolic link at `path` (inside the KB) to `target`, written as given.
        func link(_ path: String, to target: String) throws {
            let url = URL(fileURLWithPath: kb + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
        }

        func load() async throws -> KnowledgeBaseLoader.Result {
            try await KnowledgeBaseLoader.load(root: kb, today: Fixtures.today, markdown: .init(renderHTML: true))
        }

        func remove() { try? FileManager.default.removeItem(atPath: top) }
    }

    static func warnings(_ result: KnowledgeBaseLoader.Result) -> [String] {
        result.diagnostics.map { "\($0.location.path) \($0.rule.rawValue) \($0.message)" }
    }

    @Test func linksLeavingTheKnowledgeBaseAreSkippedWithAWarning() async throws {
        let place = try Place(["notes/a.md": "# A\n"])
        defer { place.remove() }
        try place.link("notes/outside", to: "/etc")
        try place.link("passwd.md", to: "/etc/passwd")
        try place.link("sibling", to: "../outside")
        try place.link("secret.md", to: place.outside + "/secret.md")
        let result = try await place.load()
        #expect(result.knowledgeBase.documents.map(\.path) == ["notes/a.md"])
        #expect(result.knowledgeBase.assets.isEmpty, "\(result.knowledgeBase.assets.prefix(5))")
        #expect(Self.warnings(result) == [
            "notes/outside unsafe-link symbolic link to '/etc' leaves the knowledge base: skipped",
            "passwd.md unsafe-link symbolic link to '/etc/passwd' leaves the knowledge base: skipped",
            "secret.md unsafe-link symbolic link to '\(KnowledgeBaseBoundary.realPath(place.outside)!)/secret.md' leaves the knowledge base: skipped",
            "sibling unsafe-link symbolic link to '\(KnowledgeBaseBoundary.realPath(place.outside)!)' leaves the knowledge base: skipped",
        ])
        #expect(result.diagnostics.allSatisfy { $0.severity == .warning && $0.location.line == 1 })
    }

    @Test func linksThatStayInsideAreFollowedThroughChains() async throws {
        let place = try Place(["notes/a.md": "# A\n", "images/logo.png": "png"])
        defer { place.remove() }
        try place.link("alias.md", to: "notes/a.md")
        try place.link("first.md", to: "second.md")
        try place.link("second.md", to: "notes/../notes/a.md")
        try place.link("pictures", to: place.kb + "/images")
        try place.link("out1", to: "out2")
        try place.link("out2", to: "/etc/hostname")
        let result = try await place.load()
        #expect(result.knowledgeBase.documents.map(\.path).sorted() == ["alias.md", "first.md", "notes/a.md", "second.md"])
        #expect(result.knowledgeBase.assets == ["images/logo.png"])  // the folder is walked once, under its first name
        #expect(Self.warnings(result).filter { !$0.contains("duplicate-id") && !$0.contains("orphan") } == [
            "out1 unsafe-link symbolic link to '/etc/hostname' leaves the knowledge base: skipped",
            "out2 unsafe-link symbolic link to '/etc/hostname' leaves the knowledge base: skipped",
        ])
    }

    @Test func loopsOfLinksEndTheWalk() async throws {
        let place = try Place(["notes/a.md": "# A\n"])
        defer { place.remove() }
        try place.link("self", to: "self")
        try place.link("ping", to: "pong")
        try place.link("pong", to: "ping")
        try place.link("notes/up", to: "..")
        try place.link("notes/here", to: ".")
        let result = try await place.load()
        #expect(result.knowledgeBase.documents.map(\.path) == ["notes/a.md"])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    @Test func aKnowledgeBaseReachedThroughALinkIsStillItsOwnBoundary() async throws {
        let place = try Place(["notes/a.md": "# A\n"])
        defer { place.remove() }
        try FileManager.default.createSymbolicLink(atPath: place.top + "/alias", withDestinationPath: place.kb)
        try place.link("notes/b.md", to: place.top + "/alias/notes/a.md")
        let result = try await KnowledgeBaseLoader.load(root: place.top + "/alias", today: Fixtures.today)
        #expect(result.knowledgeBase.documents.map(\.path) == ["notes/a.md", "notes/b.md"])
        #expect(!result.diagnostics.contains { $0.rule == .unsafeLink })
    }

    @Test func fifosAreNeitherListedNorOpened() async throws {
        let place = try Place(["notes/a.md": "# A\n"])
        defer { place.remove() }
        // A fifo with no writer: opening it for reading would wait forever.
        #expect(mkfifo(place.kb + "/notes/pipe.md", 0o644) == 0)
        #expect(mkfifo(place.kb + "/bearing.yml", 0o644) == 0)
        #expect(mkfifo(place.kb + "/people.yml", 0o644) == 0)
        #expect(FileReader.read(place.kb + "/notes/pipe.md") == nil)
        #expect(FolderFiles(root: place.kb).read("notes/pipe.md") == nil)
        let result = try await place.load()
        #expect(result.knowledgeBase.documents.map(\.path) == ["notes/a.md"])
        #expect(Self.warnings(result) == [
            "bearing.yml special-file a fifo is not a regular file: skipped",
            "notes/pipe.md special-file a fifo is not a regular file: skipped",
            "people.yml special-file a fifo is not a regular file: skipped",
        ])
    }

    @Test func aFileNameThatIsNotUTF8IsReportedWithItsByteEscaped() async throws {
        let place = try Place(["notes/a.md": "# A\n"])
        defer { place.remove() }
        // `café.md` in Latin-1, and a folder of that name.
        for name in [Array("notes/caf".utf8) + [0xE9] + Array(".md".utf8), Array("caf".utf8) + [0xE9]] {
            let path = Array(place.kb.utf8) + [UInt8(ascii: "/")] + name + [0]
            let made = path.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { name.last == 0xE9 ? mkdir($0.baseAddress!, 0o755) : creat($0.baseAddress!, 0o644) }
            }
            #expect(made >= 0)
        }
        let result = try await place.load()
        #expect(result.knowledgeBase.documents.map(\.path) == ["notes/a.md"])
        #expect(Self.warnings(result) == [
            "caf\\xE9 invalid-file-name file name is not valid UTF-8: skipped (rename it)",
            "notes/caf\\xE9.md invalid-file-name file name is not valid UTF-8: skipped (rename it)",
        ])
        #expect(FileName.escapingInvalidUTF8(Array("é-".utf8) + [0xFF, 0xC3]) == "é-\\xFF\\xC3")
    }

    @Test func configurationAndPeopleLeavingTheKnowledgeBaseAreNotRead() async throws {
        let place = try Place(["notes/a.md": "---\nowner: mallory\n---\n# A\n", "../outside/bearing.yml": "title: Stolen\n",
                               "../outside/people.yml": "people:\n  mallory: {name: Mallory}\n"])
        defer { place.remove() }
        try place.link("bearing.yml", to: "../outside/bearing.yml")
        try place.link("people.yml", to: "../outside/people.yml")
        let result = try await place.load()
        #expect(result.knowledgeBase.configuration.title == nil)
        #expect(!result.knowledgeBase.people.exists)
        #expect(result.diagnostics.map(\.location.path) == ["bearing.yml", "people.yml"])
        #expect(result.diagnostics.allSatisfy { $0.rule == .unsafeLink })
    }

    @Test func aSidecarLeavingTheKnowledgeBaseIsNotRead() async throws {
        let place = try Place(["keps/123-x/README.md": "# X\n", "../outside/kep.yaml": "title: Stolen\nstatus: implemented\n"])
        defer { place.remove() }
        try place.link("keps/123-x/kep.yaml", to: place.outside + "/kep.yaml")
        let scan = FolderFiles(root: place.kb).scan(ignore: IgnoreRules([]), excludedTopLevel: [])
        let parsed = KnowledgeBaseLoader.parseFile("keps/123-x/README.md", files: FolderFiles(root: place.kb), markdown: .init(), assets: Set(scan.assets))
        #expect(parsed.sidecar == nil)
        #expect(scan.diagnostics.map(\.rule) == [.unsafeLink])
        // Even named as an asset, it is not read.
        let named = KnowledgeBaseLoader.parseFile("keps/123-x/README.md", files: FolderFiles(root: place.kb), markdown: .init(), assets: ["keps/123-x/kep.yaml"])
        #expect(named.sidecar == nil)
    }

    @Test func themeOverridesLeavingTheKnowledgeBaseAreNotRead() throws {
        let place = try Place(["templates/site/site.css": "body{}\n", "../outside/layout.html.mustache": "STOLEN {{{content}}}"])
        defer { place.remove() }
        try place.link("templates/site/layout.html.mustache", to: place.outside + "/layout.html.mustache")
        let (set, diagnostics) = TemplateSet.load(knowledgeBase: place.kb)
        #expect(set.overridden == ["site/site.css"])
        #expect(diagnostics.map(\.location.path) == ["templates/site/layout.html.mustache"])
        #expect(diagnostics.map(\.rule) == [.unsafeLink])

        let whole = try Place()
        defer { whole.remove() }
        try whole.link("templates", to: "../outside")
        let (defaults, problems) = TemplateSet.load(knowledgeBase: whole.kb)
        #expect(defaults.overridden.isEmpty)
        #expect(problems.map(\.location.path) == ["templates"])
    }

    @Test func aBuiltSiteHoldsNothingFromOutside() async throws {
        let place = try Place(["notes/a.md": "# A\n![logo](../logo.png)\n", "logo.png": "png"])
        defer { place.remove() }
        try place.link("notes/outside", to: "/etc")
        try place.link("passwd.md", to: "/etc/passwd")
        try place.link("passwd.txt", to: "/etc/passwd")
        let site = try await SiteTests.build(place.kb)
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let files = SiteTests.files(site)
        #expect(files["logo.png"] != nil)
        #expect(!files.keys.contains { $0.hasPrefix("notes/outside") || $0.hasPrefix("passwd") }, "\(files.keys.sorted())")
        #expect(!files.values.contains { String(decoding: $0, as: UTF8.self).contains("root:x:0:0") })
    }

    @Test func anAssetSwappedForALinkAfterTheScanIsNotCopied() async throws {
        let place = try Place(["notes/a.md": "# A\n", "notes/data.txt": "mine\n"])
        defer { place.remove() }
        let result = try await place.load()
        #expect(result.knowledgeBase.assets == ["notes/data.txt"])
        try FileManager.default.removeItem(atPath: place.kb + "/notes/data.txt")
        try place.link("notes/data.txt", to: place.outside + "/secret.md")
        let analysis = await AlignmentAnalysis.make(result.knowledgeBase, diagnostics: result.diagnostics, today: Fixtures.today)
        let output = SiteFiles()
        try await SiteBuilder(kb: result.knowledgeBase, analysis: analysis, diagnostics: [], templates: .defaults, source: place.kb).build(into: output)
        #expect(output["notes/data.txt"] == nil)
        #expect(output["notes/a.html"] != nil)
    }

    @Test func servingLeavesOutLinksMadeWhileItRuns() async throws {
        let place = try Place(["notes/a.md": "# A\n", "notes/data.txt": "mine\n"])
        defer { place.remove() }
        let site = PreviewSite(root: place.kb, clock: .fixed(Fixtures.today), digestWeeks: 0, git: nil)
        try await site.start()
        #expect(PreviewSiteTests.text(await site.response(for: "/notes/data.txt")) == "mine\n")
        try FileManager.default.removeItem(atPath: place.kb + "/notes/data.txt")
        try place.link("notes/data.txt", to: "/etc/passwd")
        try place.link("passwd.md", to: "/etc/passwd")
        _ = await site.rebuild(changed: ["notes/data.txt", "passwd.md"])
        #expect(await site.response(for: "/notes/data.txt") == .notFound)
        #expect(await site.response(for: "/passwd.html") == .notFound)
        #expect(site.leftOut.map(\.location.path) == ["notes/data.txt", "passwd.md"])
    }

    @Test func aNewDocumentIsNotWrittenThroughALinkLeavingTheKnowledgeBase() async throws {
        let place = try Place(["goals/g.md": "---\nstatus: active\n---\n# G\n"])
        defer { place.remove() }
        try place.link("decisions", to: "../outside")
        try place.link("templates/new/brief.md", to: "/etc/passwd")
        let kb = try await place.load().knowledgeBase
        let request = NewDocument.Request(type: .decision, title: "Use X", today: Fixtures.today)
        #expect(throws: NewDocument.Failure.outside("decisions", target: KnowledgeBaseBoundary.realPath(place.outside)!)) {
            _ = try NewDocument.make(request, kb: kb, root: place.kb)
        }
        let brief = try NewDocument.make(NewDocument.Request(type: .brief, title: "Plan", today: Fixtures.today), kb: kb, root: place.kb)
        #expect(!brief.text.contains("root:"))
    }
}
