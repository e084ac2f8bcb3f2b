import Foundation
import Testing
@testable import BearingCore

/// Property tests (issue 14 §7): random knowledge bases from fixed seeds never crash any stage
/// (load, check in every format, report in every format, export, a whole site, diff) and every
/// diagnostic points inside its file. A failure names its seed: `RandomKnowledgeBase(seed:)`
/// gives the same files again.
@Suite struct RandomKnowledgeBaseTests {
    static let seeds: [UInt64] = Array(1...18) + [0xDEAD_BEEF, 42_424_242]

    static func files(seed: UInt64) -> [String: [UInt8]] {
        RandomKnowledgeBase(seed: seed).files.mapValues { Array($0.utf8) }
    }

    @Test(arguments: seeds) func everyStageRunsAndEveryDiagnosticIsInsideItsFile(seed: UInt64) async throws {
        let files = Self.files(seed: seed)
        let loaded = await KnowledgeBaseLoader.load(MemoryFiles(files: files), today: Fixtures.today, markdown: .init(renderHTML: true), analyse: true)
        let misplaced = DiagnosticPlacement.misplaced(loaded.diagnostics, files: files)
        #expect(misplaced.isEmpty, "seed \(seed): \(misplaced.joined(separator: "\n"))")
        for format in DiagnosticFormat.allCases { #expect(!format.render(loaded.diagnostics).isEmpty || loaded.diagnostics.isEmpty) }

        let kb = loaded.knowledgeBase
        let analysis = try #require(loaded.analysis)
        let report = await ReportBuilder(kb: kb, analysis: analysis, diagnostics: loaded.diagnostics).build()
        for format in ReportFormat.allCases { #expect(try !ReportRenderer().render(report, as: format).isEmpty, "seed \(seed): \(format) report") }
        #expect(try KnowledgeBaseExport.json(KnowledgeBaseExport.make(kb, diagnostics: loaded.diagnostics, today: Fixtures.today)).hasPrefix("{"))

        let site = SiteFiles()
        _ = try await SiteBuilder(kb: kb, analysis: analysis, diagnostics: loaded.diagnostics, templates: .defaults, source: "/nonexistent").build(into: site)
        #expect(site["index.html"] != nil, "seed \(seed): no index.html")
        for document in kb.documents { #expect(site[SitePaths.page(forPath: document.path)] != nil, "seed \(seed): no page for \(document.path)") }
    }

    /// `bearing diff`'s comparison between two unrelated random knowledge bases, both ways.
    @Test(arguments: seeds.prefix(6)) func diffBetweenRandomKnowledgeBasesRuns(seed: UInt64) async throws {
        let before = await KnowledgeBaseChange.State.load(MemoryFiles(files: Self.files(seed: seed)), label: "before", today: Fixtures.today)
        let after = await KnowledgeBaseChange.State.load(MemoryFiles(files: Self.files(seed: seed + 1000)), label: "after", today: Fixtures.today)
        for change in [KnowledgeBaseChange(from: before, to: after), KnowledgeBaseChange(from: after, to: before)] {
            #expect(!ChangeRenderer.markdown(change).isEmpty)
            #expect(try ChangeRenderer.json(change).hasPrefix("{"))
            _ = ChangeRenderer.github(change)
        }
    }

    @Test func theGeneratorIsDeterministicAndVaried() {
        #expect(RandomKnowledgeBase(seed: 7).files == RandomKnowledgeBase(seed: 7).files)
        #expect(RandomKnowledgeBase(seed: 7).files != RandomKnowledgeBase(seed: 8).files)
        let all = Self.seeds.map { RandomKnowledgeBase(seed: $0).files }
        let texts = all.flatMap(\.values).joined()
        for shape in ["[[", "](", "| ", "```bearing", "> ", "\r\n", "\u{FEFF}", "- [ ]"] { #expect(texts.contains(shape), "no seed writes \(shape)") }
        #expect(all.flatMap(\.keys).contains { $0.contains(" ") }, "no file name with a space")
    }
}
