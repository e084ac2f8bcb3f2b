import Foundation
import Testing

/// A mistyped command, option, person, id or folder is an error (status 2) that says what was
/// probably meant.
@Suite struct SuggestionTests {
    @Test(arguments: [["chek"], ["chek", "."], ["chek", "--strict"]])
    func aMistypedCommandIsNamedWithTheClosestOne(arguments: [String]) throws {
        let result = try CLITests.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: unknown command 'chek'; did you mean 'check'?\n"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func anUnknownCommandListsTheCommands() throws {
        let result = try CLITests.run(["frobnicate"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: unknown command 'frobnicate' (the commands are init, adopt, new, check, report"), "\(result.stderr)")
        // help, and what ArgumentParser handles itself, still work.
        #expect(try CLITests.run(["help", "check"]).status == 0)
        #expect(try CLITests.run(["--version"]).status == 0)
    }

    @Test(arguments: [(["check", ".", "--strcit"], "--strict"), (["report", ".", "--persno", "x"], "--person"),
                      (["new", "goal", "G", "--parnet", "g"], "--parent")])
    func aMistypedOptionIsNamedWithTheClosestOne(arguments: [String], meant: String) throws {
        let result = try CLITests.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.lowercased().contains("did you mean '\(meant)'?"), "\(result.stderr)")
    }

    @Test func anUnknownPersonIsAnErrorWithASuggestion() throws {
        let nobody = try CLITests.run(["report", CLITests.northwind, "--today", "2027-02-17", "--person", "nobody"])
        #expect(nobody.status == 2)
        #expect(nobody.stdout.isEmpty)
        #expect(nobody.stderr == "error: no person or team has the id 'nobody' (people.yml lists them)\n", "\(nobody.stderr)")
        let close = try CLITests.run(["report", CLITests.northwind, "--today", "2027-02-17", "--person", "mari"])
        #expect(close.status == 2)
        #expect(close.stderr == "error: no person or team has the id 'mari'; did you mean 'maria'?\n", "\(close.stderr)")
        // Any case; a team too.
        #expect(try CLITests.run(["report", CLITests.northwind, "--today", "2027-02-17", "--person", "MARIA"]).status == 0)
        #expect(try CLITests.run(["report", CLITests.northwind, "--today", "2027-02-17", "--person", "growth"]).status == 0)
        // Without people.yml, the people are those the documents name.
        let named = try CLITests.run(["report", CLITests.mixed, "--today", "2027-02-17", "--person", "maria"])
        #expect(named.status == 0, "\(named.stderr)")
        #expect(try CLITests.run(["report", CLITests.mixed, "--today", "2027-02-17", "--person", "zed"]).status == 2)
    }

    @Test func anUnknownFolderIsAnErrorWithASuggestion() throws {
        let fixtures = CLITests.testsRoot.appendingPathComponent("Fixtures").path
        for arguments in [["check"], ["report"], ["export"], ["graph"], ["digest"], ["serve"]] {
            let noGit = ["check", "report", "export"].contains(arguments[0]) ? [] : ["--no-git"]   // run adds it to those
            let result = try CLITests.run(arguments + [fixtures + "/mixd"] + noGit)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr == "error: '\(fixtures)/mixd' is not a folder: give the path of a knowledge base; did you mean '\(fixtures)/mixed'?\n",
                    "\(arguments): \(result.stderr)")
        }
        // Relative paths are suggested as written, a mistake further up too.
        let relative = try CLITests.run(["check", "Tests/BearingCLITests/Fixturs/mixed"], in: CLITests.packageRoot.path)
        #expect(relative.stderr.hasSuffix("did you mean 'Tests/BearingCLITests/Fixtures/mixed'?\n"), "\(relative.stderr)")
        let kb = try CLITests.run(["new", "note", "N", "-C", fixtures + "/mixd"])
        #expect(kb.status == 2 && kb.stderr.hasSuffix("did you mean '\(fixtures)/mixed'?\n"), "\(kb.stderr)")
        let nothingClose = try CLITests.run(["check", "/no/such/folder"])
        #expect(nothingClose.stderr == "error: '/no/such/folder' is not a folder: give the path of a knowledge base\n")
    }

    /// Every place that takes a document id takes every form front matter accepts.
    @Test func idsAreTakenInEveryForm() throws {
        let kb = try TemporaryFolder.copy(of: CLITests.northwind)
        defer { TemporaryFolder.remove(kb) }
        for (written, expected) in [("ADR-3", "0003-sync-driver-app-with-rest-polling"), ("0004", "0004-use-sqlite-on-device-for-offline-queue"),
                                    ("adr 5", "0005-nightly-csv-export-to-erp")] {
            let result = try CLITests.run(["status", written, "deprecated", "-C", kb, "--today", "2027-02-17"])
            #expect(result.status == 0, "\(written): \(result.stderr)")
            #expect(result.stdout.hasPrefix("decisions/\(expected).md: "), "\(written): \(result.stdout)")
        }
        let added = try CLITests.run(["new", "goal", "Faster checkout", "--parent", "G-2027-RETENTION", "-C", kb, "--today", "2027-02-17"])
        #expect(added.status == 0, "\(added.stderr)")
        let brief = try CLITests.run(["new", "brief", "Card vault", "--goals", "g-2027-q1-portal, g-2027-q1-DSO", "-C", kb, "--today", "2027-02-17"])
        #expect(brief.status == 0, "\(brief.stderr)")
        let text = try String(contentsOfFile: brief.stdout.trimmingCharacters(in: .newlines), encoding: .utf8)
        #expect(text.contains("goals: [g-2027-q1-portal-reliability, g-2027-q1-dso]\n"), "\(text)")
        let goal = try String(contentsOfFile: added.stdout.trimmingCharacters(in: .newlines), encoding: .utf8)
        #expect(goal.contains("parent: g-2027-retention\n"), "\(goal)")
    }
}
