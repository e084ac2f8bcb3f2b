import Foundation
import Testing
@testable import BearingCore

/// The same property through the real `bearing` binary on random knowledge bases written to disk:
/// every command ends with exit status 0 or 1 (never a signal or a trap) and `check --format json`
/// places every diagnostic inside its file.
@Suite struct RandomKnowledgeBaseBinaryTests {
    static let seeds: [UInt64] = [18, 0xDEAD_BEEF]

    /// The `bearing` built beside these tests, else .build/debug's; BEARING_BINARY names another.
    static let binary: String = {
        if let other = ProcessInfo.processInfo.environment["BEARING_BINARY"] { return other }
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("bearing").path
        return FileManager.default.isExecutableFile(atPath: beside) ? beside : Fixtures.packageRoot.appendingPathComponent(".build/debug/bearing").path
    }()

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

    struct Run {
        var exited: Bool
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], in folder: String) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(exited: process.terminationReason == .exit, status: process.terminationStatus,
                   stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }
}
