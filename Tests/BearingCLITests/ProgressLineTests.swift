import BearingTestSupport
import Foundation
import Testing

/// The progress line of a long command appears on a terminal only: never in a pipe, in CI or with
/// -q. BEARING_PROGRESS_AFTER_MS=0 shows it at once, so a small knowledge base is enough.
@Suite struct ProgressLineTests {
    static let erase = "\u{1B}[K"

    /// Runs `bearing arguments` with `environment` set and CI unset, stderr a pipe.
    static func piped(_ arguments: [String], _ environment: [String]) throws -> CLITests.Run {
        try Program.run("/usr/bin/env", ["-u", "CI"] + environment + [Program.bearing] + arguments)
    }

    /// The same on a terminal: `script` gives the command a pseudo-terminal and copies what it shows.
    static func onTerminal(_ arguments: [String], _ environment: [String]) throws -> CLITests.Run {
        let command = ([Program.bearing] + arguments).map { "'\($0)'" }.joined(separator: " ")
        return try Program.run("/usr/bin/env", ["-u", "CI"] + environment + ["script", "-qec", command, "/dev/null"])
    }

    @Test func onlyATerminalGetsTheLine() throws {
        let folder = try TemporaryFolder.make()
        defer { TemporaryFolder.remove(folder) }
        let build = ["build", CLITests.northwind, "-o", folder + "/site", "--no-git", "--today", "2027-02-17"]
        let now = ["BEARING_PROGRESS_AFTER_MS=0"]
        let terminal = try Self.onTerminal(build, now)
        #expect(terminal.status == 0)
        #expect(terminal.stdout.contains("\rparsing "), "\(terminal.stdout.debugDescription)")
        #expect(terminal.stdout.contains("\rrendering pages "))
        #expect(terminal.stdout.contains("\r" + Self.erase + "built "))
        let pipe = try Self.piped(build, now)
        #expect(pipe.status == 0)
        #expect(!pipe.stderr.contains("\r") && !pipe.stderr.contains(Self.erase))
        for (arguments, environment) in [(build + ["-q"], now), (build, now + ["CI=true"])] {
            let run = try Self.onTerminal(arguments, environment)
            #expect(run.status == 0)
            #expect(!run.stdout.contains(Self.erase), "\(arguments) \(environment)")
        }
        // Without the setting, a command shorter than a second shows none.
        #expect(!(try Self.onTerminal(build, [])).stdout.contains(Self.erase))
    }
}
