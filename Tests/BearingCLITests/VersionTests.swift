import Foundation
import Testing
import BearingTestSupport

/// `bearing --version` prints `bearing <version> (<commit>)`: the tests' build is not stamped, so
/// it is the next release's version from Bearing.swift with `-dev` and `unknown commit`; a build
/// by `make dist` prints the tag's version and the short commit (scripts/dist-test.sh checks that).
@Suite struct VersionTests {
    /// The form of every version line, stamped or not (a function: a Regex is not Sendable).
    static func versionLine() -> Regex<(Substring, Substring, Substring)> {
        #/bearing (\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?) \(([0-9a-f]{7,40}|unknown commit)\)\n/#
    }

    @Test func versionPrintsTheVersionAndTheCommit() throws {
        let result = try CLITests.run(["--version"])
        #expect(result.status == 0)
        let match = try #require(result.stdout.wholeMatch(of: Self.versionLine()), "\(result.stdout)")
        // Unstamped: the version Bearing.swift names, marked as a development build.
        let source = try String(contentsOf: CLITests.packageRoot.appendingPathComponent("Sources/bearing/Bearing.swift"), encoding: .utf8)
        let base = try #require(source.firstMatch(of: #/static let baseVersion = "([^"]+)"/#)).1
        #expect(match.1 == "\(base)-dev")
        #expect(match.2 == "unknown commit")
    }

    /// scripts/dist-version.sh in a repository of its own, with scripted commits and tags: the
    /// base version with `-dev` before any release tag, the tag's version on it, `describe`'s
    /// form after it; a tag that is not a version (`vscode-ext`) is not one.
    @Test func theStampedVersionComesFromTheLatestReleaseTag() throws {
        let script = try String(contentsOf: CLITests.packageRoot.appendingPathComponent("scripts/dist-version.sh"), encoding: .utf8)
        let folder = try TemporaryFolder.make(["scripts/dist-version.sh": script,
                                               "Sources/bearing/Bearing.swift": "    static let baseVersion = \"3.4.0\"\n"])
        defer { TemporaryFolder.remove(folder) }
        func git(_ arguments: String...) throws {
            let run = try Program.run("/usr/bin/env", ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"] + arguments, in: folder)
            try #require(run.status == 0, "git \(arguments): \(run.stderr)")
        }
        func version() throws -> String {
            let run = try Program.run("/bin/bash", ["scripts/dist-version.sh"], in: folder)
            try #require(run.status == 0, "\(run.stderr)")
            return run.stdout.trimmingCharacters(in: .newlines)
        }
        try git("init", "-q")
        try git("add", "-A")
        try git("commit", "-qm", "first")
        #expect(try version() == "3.4.0-dev")
        try git("tag", "vscode-ext")
        #expect(try version() == "3.4.0-dev", "a tag that is not a version is not a release")
        try git("tag", "v1.2.0")
        #expect(try version() == "1.2.0")
        try git("commit", "-q", "--allow-empty", "-m", "second")
        let after = try version()
        #expect(after.wholeMatch(of: #/1\.2\.0-1-g[0-9a-f]{7,40}/#) != nil, "\(after)")
    }

    @Test(arguments: ["bearing 1.2.0 (abc1234)\n", "bearing 1.2.0-3-gabc1234 (abc1234)\n", "bearing 0.1.0-dev (unknown commit)\n"])
    func theVersionLineFormAcceptsStampedAndUnstampedBuilds(line: String) {
        #expect(line.wholeMatch(of: Self.versionLine()) != nil)
    }
}
