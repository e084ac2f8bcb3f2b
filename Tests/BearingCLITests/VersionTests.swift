import Foundation
import Testing

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

    @Test(arguments: ["bearing 1.2.0 (abc1234)\n", "bearing 1.2.0-3-gabc1234 (abc1234)\n", "bearing 0.1.0-dev (unknown commit)\n"])
    func theVersionLineFormAcceptsStampedAndUnstampedBuilds(line: String) {
        #expect(line.wholeMatch(of: Self.versionLine()) != nil)
    }
}
