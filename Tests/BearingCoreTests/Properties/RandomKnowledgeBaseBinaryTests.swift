import BearingTestSupport
import Foundation
import Testing
@testable import BearingCore

/// The same property through the real `bearing` binary on random knowledge bases written to disk:
/// every command ends with exit status 0 or 1 (never a signal or a trap) and `check --format json`
/// places every diagnostic inside its file.
@Suite struct RandomKnowledgeBaseBinaryTests {
    static let seeds: [UInt64] = [18, 0xDEAD_BEEF]


    @Test(arguments: seeds) func everyCommandEndsCleanly(seed: UInt64) throws {
        let files = RandomKnowledgeBaseTests.files(seed: seed)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bearing-random-\(seed)-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        for (path, bytes) in files {
            let url = URL(fileURLWithPath: root + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        // Run inside the knowledge base, so that diagnostics' paths are the files' own.
        let common = [".", "--today", "2027-02-17", "--no-git"]
        let commands: [[String]] = [
            ["check", "--format", "text"], ["check", "--format", "github"],
            ["report", "--format", "md"], ["report", "--format", "html"], ["report", "--format", "json"],
            ["export"], ["build", "-o", root + "-site"],
        ]
        defer { try? FileManager.default.removeItem(atPath: root + "-site") }
        for command in commands {
            let run = try Self.run(command + common, in: root)
            #expect(run.exited && (run.status == 0 || run.status == 1), "seed \(seed): bearing \(command.joined(separator: " ")) ended with \(run.status): \(run.stderr.suffix(600))")
        }
        let check = try Self.run(["check", "--format", "json"] + common, in: root)
        let records = try JSONDecoder().decode([DiagnosticRecord].self, from: Data(check.stdout.utf8))
        let diagnostics = records.map {
            Diagnostic($0.severity, RuleID(rawValue: $0.rule), $0.message, at: SourceLocation(path: $0.path, line: $0.line, column: $0.column), related: $0.related)
        }
        let misplaced = DiagnosticPlacement.misplaced(diagnostics, files: files)
        #expect(misplaced.isEmpty, "seed \(seed): \(misplaced.joined(separator: "\n"))")
    }

    static func run(_ arguments: [String], in folder: String) throws -> Program.Run {
        try Program.run(Program.bearing, arguments, in: folder)
    }
}
