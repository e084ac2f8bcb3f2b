import Foundation
import Testing

/// Server and I/O failures are sentences that say what to change, not a library's error value.
@Suite struct FailureMessageTests {
    @Test func aFileThatCannotBeWrittenSaysWhy() throws {
        let missing = try CLITests.run(["report", CLITests.mixed, "--today", "2027-02-17", "-o", "/nonexistent/folder/report.md"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "error: cannot write '/nonexistent/folder/report.md': the folder '/nonexistent/folder' does not exist\n", "\(missing.stderr)")
        let folder = try TemporaryFolder.make()
        defer { TemporaryFolder.remove(folder) }
        let isFolder = try CLITests.run(["graph", CLITests.mixed, "--no-git", "-o", folder])
        #expect(isFolder.stderr == "error: cannot write '\(folder)': it is a folder\n", "\(isFolder.stderr)")
    }

    @Test func aHostThatIsNoAddressSaysSo() throws {
        let name = try CLITests.run(["serve", CLITests.northwind, "--no-git", "--digest-weeks", "0", "--port", "0", "--host", "localhost.example"])
        #expect(name.status == 2)
        #expect(name.stderr == "error: 'localhost.example' is not an IP address: give one such as 127.0.0.1 or ::1 with --host\n", "\(name.stderr)")
        // An address of another machine (TEST-NET-1, RFC 5737: never assigned).
        let other = try CLITests.run(["serve", CLITests.northwind, "--no-git", "--digest-weeks", "0", "--port", "0", "--host", "192.0.2.1"])
        #expect(other.status == 2)
        #expect(other.stderr == "error: '192.0.2.1' is not an address of this machine: choose another with --host (127.0.0.1 by default)\n", "\(other.stderr)")
    }
}
