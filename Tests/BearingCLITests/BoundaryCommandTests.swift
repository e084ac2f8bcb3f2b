import Foundation
import Testing

/// The knowledge base is a boundary, end to end: links leaving it are reported by every command
/// and nothing they lead to is published; bearing.yml's `output` cannot point anywhere.
@Suite struct BoundaryCommandTests {
    /// A knowledge base with a folder linked to /etc and a page linked to /etc/passwd.
    static func hostile() throws -> String {
        let kb = try TemporaryFolder.make(["notes/a.md": "# A\n", "logo.txt": "mine\n"], name: "bearing-boundary")
        try FileManager.default.createSymbolicLink(atPath: kb + "/notes/outside", withDestinationPath: "/etc")
        try FileManager.default.createSymbolicLink(atPath: kb + "/passwd.md", withDestinationPath: "/etc/passwd")
        return kb
    }

    static let warnings = """
        notes/outside:1:1: warning: symbolic link to '/etc' leaves the knowledge base: skipped [unsafe-link]
        passwd.md:1:1: warning: symbolic link to '/etc/passwd' leaves the knowledge base: skipped [unsafe-link]

        """

    @Test func buildWarnsAndPublishesNothingFromOutside() throws {
        let kb = try Self.hostile()
        defer { TemporaryFolder.remove(kb) }
        let build = try CLITests.run(["build", "--today", "2027-02-17", "--digest-weeks", "0"], in: kb)
        #expect(build.status == 0)
        #expect(build.stderr.hasPrefix(Self.warnings), "\(build.stderr)")
        let site = kb + "/_site"
        let files = FileManager.default.enumerator(atPath: site)?.allObjects as? [String] ?? []
        #expect(files.contains("logo.txt") && files.contains("notes/a.html"))
        #expect(!files.contains { $0.hasPrefix("notes/outside") || $0.hasPrefix("passwd") }, "\(files)")
        let grep = try CLITests.execute("/usr/bin/grep", ["-rl", "root:", site])
        #expect(grep.status == 1, "files with 'root:': \(grep.stdout)")
    }

    @Test func checkAndExportReportTheLinks() throws {
        let kb = try Self.hostile()
        defer { TemporaryFolder.remove(kb) }
        let check = try CLITests.run(["check", "--today", "2027-02-17"], in: kb)
        #expect(check.status == 0)
        #expect(check.stdout == Self.warnings)
        let export = try CLITests.run(["export", "--today", "2027-02-17"], in: kb)
        #expect(export.status == 0)
        #expect(export.stdout.contains("\"rule\": \"unsafe-link\"") || export.stdout.contains("\"rule\":\"unsafe-link\""))
        #expect(!export.stdout.contains("root:"))
    }

    @Test func serveWarnsBeforeItServes() throws {
        let kb = try Self.hostile()
        defer { TemporaryFolder.remove(kb) }
        let serve = Process()
        serve.executableURL = URL(fileURLWithPath: CLITests.binary)
        serve.arguments = ["serve", kb, "--no-git", "--digest-weeks", "0", "--port", "0"]
        let err = Pipe()
        serve.standardError = err
        try serve.run()
        defer { serve.terminate(); serve.waitUntilExit() }
        var banner = ""
        let deadline = Date().addingTimeInterval(30)
        while !banner.contains("serving"), Date() < deadline {
            banner += String(decoding: err.fileHandleForReading.availableData, as: UTF8.self)
        }
        #expect(banner.hasPrefix(Self.warnings.replacingOccurrences(of: "notes/", with: kb + "/notes/").replacingOccurrences(of: "passwd.md:", with: kb + "/passwd.md:")),
                "\(banner)")
        #expect(banner.contains("serving 1 documents"))
    }

    @Test(arguments: ["/ABSOLUTE", "../../ESCAPED"])
    func anOutputLeavingTheParentFolderBuildsNothing(output: String) throws {
        // The knowledge base two folders down, so that even a build that followed `../../` stays in the temporary folder.
        let top = try TemporaryFolder.make(["a/b/kb/notes/a.md": "# A\n"], name: "bearing-output")
        defer { TemporaryFolder.remove(top) }
        let kb = top + "/a/b/kb"
        let target = output.hasPrefix("/") ? top + "/abs/site" : "../../ESCAPED"
        try "title: Cloned\noutput: \(target)\n".write(toFile: kb + "/bearing.yml", atomically: false, encoding: .utf8)
        let build = try CLITests.run(["build", kb, "--today", "2027-02-17", "--digest-weeks", "0"])
        #expect(build.status == 2)
        #expect(build.stderr.contains("bearing.yml:2:9: error: 'output' must be a relative path inside the knowledge base or beside it"), "\(build.stderr)")
        #expect(build.stderr.contains("error: bearing.yml's output '\(target)' is not a relative path inside the knowledge base's parent folder: nothing built"))
        #expect(!FileManager.default.fileExists(atPath: output.hasPrefix("/") ? top + "/abs" : top + "/a/ESCAPED"))
        #expect(!FileManager.default.fileExists(atPath: kb + "/_site"))
        // -o is the user's own choice: any folder.
        let chosen = top + "/chosen/anywhere"
        let free = try CLITests.run(["build", kb, "-o", chosen, "--today", "2027-02-17", "--digest-weeks", "0"])
        #expect(free.status == 0, "\(free.stderr)")
        #expect(FileManager.default.fileExists(atPath: chosen + "/index.html"))
    }

    @Test func anOutputBesideTheKnowledgeBaseIsBuilt() throws {
        let top = try TemporaryFolder.make(["kb/notes/a.md": "# A\n", "kb/bearing.yml": "output: ../public\n"], name: "bearing-output")
        defer { TemporaryFolder.remove(top) }
        let build = try CLITests.run(["build", top + "/kb", "--today", "2027-02-17", "--digest-weeks", "0", "--quiet"])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(FileManager.default.fileExists(atPath: top + "/public/index.html"))
    }
}
