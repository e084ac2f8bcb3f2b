import Foundation

/// Runs `git` as a child process and returns its standard output. Every command that reads
/// history spawns a fixed, small number of these (never one per document); `count` says how many.
public final class GitRunner: @unchecked Sendable {
    public let executable: String
    private let lock = NSLock()
    private var spawned = 0

    public init(executable: String = "/usr/bin/git") {
        self.executable = executable
    }

    /// How many git processes this runner has started.
    public var count: Int { lock.withLock { spawned } }

    /// Whether git can be run at all.
    public var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: executable) }

    /// Runs `git -C folder arguments…`; nil when git is missing or exits with a failure.
    /// The environment is kept but for what would change git's output (pager, colours, locale).
    /// `input` is written to git's standard input (from another thread, so that neither side
    /// waits on a full pipe).
    public func run(_ arguments: [String], in folder: String, input: [UInt8]? = nil) -> [UInt8]? {
        guard isAvailable else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-C", folder, "-c", "core.quotepath=off", "-c", "color.ui=never"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_PAGER"] = "cat"
        environment["LC_ALL"] = "C"
        environment["GIT_OPTIONAL_LOCKS"] = "0"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let inputPipe = input.map { _ in Pipe() }
        process.standardInput = inputPipe ?? FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return nil
        }
        lock.withLock { spawned += 1 }
        if let inputPipe, let input {
            let writer = inputPipe.fileHandleForWriting
            Thread.detachNewThread {
                writer.write(Data(input))
                try? writer.close()
            }
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return [UInt8](data)
    }
}
