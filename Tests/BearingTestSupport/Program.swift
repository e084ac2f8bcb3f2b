import Foundation

/// Programs run by the tests of every target: the `bearing` built beside them, and any other to its end.
public enum Program {
    /// How a program ended, with what it printed.
    public struct Run: Sendable {
        /// False when a signal ended it (a trap, a crash).
        public var exited: Bool
        public var status: Int32
        public var stdout: String
        public var stderr: String

        public init(exited: Bool = true, status: Int32, stdout: String, stderr: String) {
            (self.exited, self.status, self.stdout, self.stderr) = (exited, status, stdout, stderr)
        }
    }

    /// The checkout these tests belong to.
    public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `bearing` built beside the tests (in whichever scratch folder built them), else .build/debug's;
    /// BEARING_BINARY names another (an older build, to see a new test fail on it).
    public static let bearing: String = {
        if let other = ProcessInfo.processInfo.environment["BEARING_BINARY"] { return other }
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("bearing").path
        return FileManager.default.isExecutableFile(atPath: beside) ? beside : packageRoot.appendingPathComponent(".build/debug/bearing").path
    }()

    /// Runs `executable` to its end, with its output and status; in `folder` when given; with
    /// `input` written to its standard input, then closed (else it reads the tests' own); with
    /// `environment` added to the tests' own.
    public static func run(_ executable: String, _ arguments: [String], in folder: String? = nil, input: [UInt8]? = nil,
                           environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let inputPipe = input.map { _ in Pipe() }
        if let inputPipe { process.standardInput = inputPipe }
        try process.run()
        if let input, let inputPipe {
            // Written beside the reads below: a large input must not wait on a full output pipe.
            let writer = inputPipe.fileHandleForWriting
            Thread.detachNewThread {
                try? writer.write(contentsOf: input)
                try? writer.close()
            }
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(exited: process.terminationReason == .exit, status: process.terminationStatus,
                   stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }
}
