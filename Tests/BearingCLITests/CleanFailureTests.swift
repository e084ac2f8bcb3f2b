import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Failures of the environment end with exit status 2 and one sentence, never a trap and its
/// backtrace: a full or closed stdout, a reader that has gone; two builds of one output at once.
@Suite struct CleanFailureTests {
    /// Runs the binary through `sh -c script` (`$0` is the binary, `$@` the arguments), with
    /// `stdout` as its standard output when given, else a pipe read to its end.
    static func shell(_ script: String, _ arguments: [String], stdout: FileHandle? = nil) throws -> CLITests.Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, CLITests.binary] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = stdout ?? out
        process.standardError = err
        try process.run()
        if stdout == nil { try out.fileHandleForWriting.close() }
        let printed = stdout == nil ? out.fileHandleForReading.readDataToEndOfFile() : Data()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLITests.Run(status: process.terminationStatus, stdout: String(decoding: printed, as: UTF8.self), stderr: String(decoding: errors, as: UTF8.self))
    }

    static let commands: [[String]] = [
        ["report", CLITests.northwind, "--no-git", "--today", "2027-02-17"],
        ["export", CLITests.northwind, "--no-git", "--today", "2027-02-17"],
        ["check", CLITests.mixed, "--no-git", "--today", "2027-02-17"],
        ["--help"],
    ]

    @Test(arguments: commands) func aFullStandardOutputIsExitTwoAndOneSentence(_ command: [String]) throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let run = try Self.shell("exec \"$0\" \"$@\"", command, stdout: full)
        #expect(run.status == 2)
        #expect(run.stderr.hasSuffix("error: cannot write the output to standard output: no space is left on the device\n"), "\(run.stderr)")
        #expect(!run.stderr.contains("Fatal error") && !run.stderr.contains("Backtrac"))
    }

    @Test func aClosedStandardOutputIsExitTwoAndOneSentence() throws {
        let run = try Self.shell("exec \"$0\" \"$@\" >&-", Self.commands[0])
        #expect(run.status == 2)
        #expect(run.stderr == "error: cannot write the output to standard output: it is closed\n", "\(run.stderr)")
    }

    @Test func aReaderThatHasGoneIsExitTwoWithSIGPIPEIgnoredAndQuietOtherwise() throws {
        // A pipe nobody reads: every write fails at once (EPIPE, or SIGPIPE when not ignored).
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        let ignored = try Self.shell("trap '' PIPE; exec \"$0\" \"$@\"", Self.commands[1], stdout: pipe.fileHandleForWriting)
        #expect(ignored.status == 2)
        #expect(ignored.stderr == "error: cannot write the output to standard output: the program reading it has stopped\n", "\(ignored.stderr)")
        // As cat and grep: `bearing export | head` ends quietly when head has read enough.
        let quiet = try Self.shell("trap - PIPE; exec \"$0\" \"$@\"", Self.commands[1], stdout: pipe.fileHandleForWriting)
        #expect(quiet.status == SIGPIPE)
        #expect(quiet.stderr == "")
    }

    @Test func aDigestOfTheFirstWeeksOfTheCalendarIsMade() throws {
        let run = try CLITests.run(["digest", CLITests.mixed, "--no-git", "--today", "0001-01-05"])
        #expect(run.status == 0, "\(run.stderr)")
    }

    /// Starts `bearing build` of `knowledgeBase` (northwind) into `output`, its stderr in a pipe.
    static func startBuild(_ output: String, of knowledgeBase: String = CLITests.northwind) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLITests.binary)
        process.arguments = ["build", knowledgeBase, "--no-git", "--today", "2027-02-17", "--digest-weeks", "0", "-o", output]
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        return (process, err)
    }

    /// Waits for each build to end; each must have built the whole site.
    static func finish(_ runs: [(Process, Pipe)], output: String) {
        for (process, err) in runs {
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(stderr)")
            #expect(!stderr.contains("No such file or directory"), "\(stderr)")
            #expect(stderr.contains("built "), "\(stderr)")
        }
    }

    static func fileCount(_ folder: String) -> Int {
        (FileManager.default.enumerator(atPath: folder)?.allObjects.count) ?? 0
    }

    @Test func concurrentBuildsOfOneOutputBothSucceed() throws {
        let folder = try TemporaryFolder.make()
        defer { TemporaryFolder.remove(folder) }
        let output = folder + "/site"
        Self.finish([try Self.startBuild(output)], output: output)
        let whole = Self.fileCount(output)
        // Three at once.
        Self.finish(try (0..<3).map { _ in try Self.startBuild(output) }, output: output)
        #expect(Self.fileCount(output) == whole)
        // A second one started while the first writes its staging folder (which a build used to
        // remove as a killed build's leftover).
        let first = try Self.startBuild(output)
        var staging = false
        while first.0.isRunning, !staging {
            staging = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).contains { $0.hasPrefix(".site.partial-") }
            usleep(200)
        }
        let second = try Self.startBuild(output)
        Self.finish([first, second], output: output)
        #expect(Self.fileCount(output) == whole)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == [".bearing-cache", "site"])
    }

    @Test func aSecondBuildSaysItWaitsForTheFirst() throws {
        let folder = try TemporaryFolder.make()
        defer { TemporaryFolder.remove(folder) }
        let output = folder + "/site"
        // This test holds the lock, as a running build would.
        let lock = open(folder + "/.site.lock", O_RDWR | O_CREAT, 0o644)
        #expect(lock >= 0 && flock(lock, LOCK_EX) == 0)
        let (process, err) = try Self.startBuild(output, of: CLITests.mixed)
        var said = ""
        while !said.contains("waiting for it to end") {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            said += String(decoding: chunk, as: UTF8.self)
        }
        #expect(said.contains("note: another build is writing '\(output)': waiting for it to end\n"), "\(said)")
        #expect(!FileManager.default.fileExists(atPath: output))
        close(lock)
        let rest = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0 || process.terminationStatus == 1, "\(rest)")
        #expect(FileManager.default.fileExists(atPath: output + "/index.html"))
    }
}
