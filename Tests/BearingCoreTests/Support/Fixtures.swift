import Foundation
import Testing
@testable import BearingCore

/// Test fixtures live in the source checkout; tests always run from one.
enum Fixtures {
    static let testsRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let root = testsRoot.appendingPathComponent("Fixtures")
    static let packageRoot = testsRoot.deletingLastPathComponent().deletingLastPathComponent()
    static let today = Day(year: 2027, month: 2, day: 17)!

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static func load(_ relative: String) async throws -> KnowledgeBaseLoader.Result {
        try await KnowledgeBaseLoader.load(root: path(relative), today: today)
    }

    /// Loads a KB made of in-memory files (path → text), without touching the disk.
    static func build(_ files: [String: String], configuration: Configuration = Configuration(),
                      people: PeopleDirectory = PeopleDirectory()) async -> (KnowledgeBase, [Diagnostic]) {
        let parsed = files.keys.sorted().map { DocumentParser.parse(SourceFile(path: $0, text: files[$0]!)) }
        let (kb, diagnostics) = await KnowledgeBase.build(parsed: parsed, configuration: configuration, people: people)
        return (kb, Validator.configure(diagnostics + (await Validator.validate(kb, today: today)), with: configuration))
    }
}

/// Golden files: compares `actual` with the file; with BEARING_RECORD=1 it writes the file
/// and fails, so a recording run can never pass by accident.
enum Golden {
    static func assert(_ actual: String, matches relative: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let url = Fixtures.root.appendingPathComponent(relative)
        if ProcessInfo.processInfo.environment["BEARING_RECORD"] == "1" {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: url)
            Issue.record("recorded \(relative); run again without BEARING_RECORD", sourceLocation: sourceLocation)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file \(relative); run with BEARING_RECORD=1", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "output differs from \(relative)", sourceLocation: sourceLocation)
    }
}
