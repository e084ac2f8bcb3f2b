import Foundation
import Testing
@testable import BearingCore

@Suite struct LoaderTests {
    /// A throwaway KB folder, removed after the test.
    func withTemporaryKB(_ files: [String: Data], _ body: (String) async throws -> Void) async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bearing-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for (path, data) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        try await body(root.path)
    }

    @Test func filesOverEightMiBAreSkippedWithAWarning() async throws {
        let big = Data(repeating: UInt8(ascii: "a"), count: KnowledgeBaseScanner.maxFileSize + 1)
        try await withTemporaryKB(["notes/big.md": big, "notes/small.md": Data("hi\n".utf8)]) { root in
            let result = try await KnowledgeBaseLoader.load(root: root, today: Fixtures.today)
            #expect(result.knowledgeBase.documents.map(\.id) == ["small"])
            #expect(result.diagnostics.map(\.rule) == [.fileTooLarge])
            #expect(result.diagnostics.first?.location.path == "notes/big.md")
        }
    }

    @Test func aConfigThatIsNotAMappingIsAnError() async throws {
        try await withTemporaryKB(["bearing.yml": Data("- a\n- b\n".utf8)]) { root in
            let result = try await KnowledgeBaseLoader.load(root: root, today: Fixtures.today)
            #expect(result.diagnostics.map(\.rule) == [.config])
            #expect(result.diagnostics.first?.location == SourceLocation(path: "bearing.yml", line: 1, column: 1))
        }
    }

    @Test func dotFoldersOutputFolderAndSymlinkLoopsAreSkipped() async throws {
        try await withTemporaryKB([
            ".git/x.md": Data("x".utf8), "_site/y.md": Data("y".utf8), "templates/new/goal.md": Data("t".utf8),
            "notes/kept.md": Data("k".utf8),
        ]) { root in
            try FileManager.default.createSymbolicLink(atPath: root + "/notes/loop", withDestinationPath: root + "/notes")
            let result = try await KnowledgeBaseLoader.load(root: root, today: Fixtures.today)
            #expect(result.knowledgeBase.documents.map(\.path) == ["notes/kept.md"])
        }
    }

    @Test func aMissingFolderIsAnEnvironmentFailure() async {
        await #expect(throws: KnowledgeBaseLoader.Failure.notADirectory("/nonexistent/kb")) {
            _ = try await KnowledgeBaseLoader.load(root: "/nonexistent/kb", today: Fixtures.today)
        }
    }
}
