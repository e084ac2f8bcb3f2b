import Foundation
import Testing
@testable import BearingCore

/// Every input the fuzz targets (Fuzz/, `make fuzz`) found a crash with, replayed: the file's name
/// starts with its target (`query-…`, `document-…`, `front-matter-…`), and the property that
/// target checks holds for it now. `document-…` inputs join the fuzz target's small knowledge
/// base at the folder their first byte picks (FuzzKnowledgeBase.swift, linked from Fuzz/).
@Suite struct FuzzCrashReplayTests {
    static let folder = Fixtures.root.appendingPathComponent("fuzz-crashes")
    static let inputs = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()

    @Test func thereAreInputsToReplay() { #expect(!Self.inputs.isEmpty) }

    @Test(arguments: inputs) func replay(name: String) async throws {
        let bytes = Array(try Data(contentsOf: Self.folder.appendingPathComponent(name)))
        let text = String(decoding: bytes, as: UTF8.self)
        if name.hasPrefix("query-") {
            if case .failure(let error) = QueryParser.parse(text) {
                #expect(DiagnosticPlacement.outside(line: error.line, column: error.column, in: bytes) == nil, "\(name): \(error)")
            }
        } else if name.hasPrefix("document-") {
            // As the fuzz-document target builds its knowledge base: the first byte picks the folder.
            let (path, files) = try #require(FuzzKnowledgeBase.files(for: bytes))
            let loaded = await KnowledgeBaseLoader.load(MemoryFiles(files: files), today: FuzzKnowledgeBase.today,
                                                        markdown: .init(renderHTML: true), analyse: true)
            #expect(DiagnosticPlacement.misplaced(loaded.diagnostics, files: files).isEmpty, "\(name) as \(path)")
        } else {
            // A front matter input is read as bearing.yml too (the YAML reader on the whole text).
            let files = name.hasPrefix("front-matter-") ? ["notes/input.md": bytes, "bearing.yml": bytes] : ["notes/input.md": bytes]
            let loaded = await KnowledgeBaseLoader.load(MemoryFiles(files: files), today: Fixtures.today, markdown: .init(renderHTML: true))
            #expect(DiagnosticPlacement.misplaced(loaded.diagnostics, files: files).isEmpty, "\(name)")
        }
    }
}
