import Foundation
import Testing

/// `bearing new` and `bearing init`: options for every field a new document usually needs,
/// references checked before anything is written, notes where notes are.
@Suite struct NewCommandTests {
    static let today = ["--today", "2027-02-17"]

    /// A starter knowledge base made by `bearing init`.
    static func started() throws -> String {
        let kb = try TemporaryFolder.make(name: "bearing-new") + "/kb"
        let result = try CLITests.run(["init", kb] + today)
        #expect(result.status == 0, "\(result.stderr)")
        return kb
    }

    static func read(_ printed: String) throws -> String {
        try String(contentsOfFile: printed.trimmingCharacters(in: .newlines), encoding: .utf8)
    }

    @Test func aGoalTakesItsHorizonPeriodIdAndParent() throws {
        let kb = try Self.started()
        defer { TemporaryFolder.remove((kb as NSString).deletingLastPathComponent) }
        let added = try CLITests.run(["new", "goal", "Ship in March", "--id", "g-march", "--horizon", "month", "--period", "2027-03",
                                      "--parent", "G-FIRST", "--owner", "alex", "-C", kb] + Self.today)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout == kb + "/goals/ship-in-march.md\n")
        let text = try Self.read(added.stdout)
        for line in ["id: g-march\n", "owner: alex\n", "horizon: month\n", "period: \"2027-03\"\n", "parent: g-first-goal\n"] {
            #expect(text.contains(line), "\(line) in \(text)")
        }
        // A period alone gives its horizon.
        let quarter = try Self.read(try CLITests.run(["new", "goal", "Q2", "--period", "2027-Q2", "-C", kb] + Self.today).stdout)
        #expect(quarter.contains("horizon: quarter\n") && quarter.contains("period: \"2027-Q2\"\n"), "\(quarter)")
        let check = try CLITests.run(["check", kb] + Self.today)
        #expect(check.status == 0, "\(check.stdout)")
        #expect(!check.stdout.contains("error"), "\(check.stdout)")
    }

    @Test func aBriefTakesItsReviewersAndReviewDate() throws {
        let kb = try Self.started()
        defer { TemporaryFolder.remove((kb as NSString).deletingLastPathComponent) }
        let added = try CLITests.run(["new", "brief", "Plan the launch", "--goals", "g-first-goal", "--owner", "alex",
                                      "--reviewers", "alex, core", "--review-by", "2027-03-01", "-C", kb] + Self.today)
        #expect(added.status == 0, "\(added.stderr)")
        let text = try Self.read(added.stdout)
        #expect(text.contains("reviewers: [alex, core]\n") && text.contains("review_by: 2027-03-01\n"), "\(text)")
        #expect(try CLITests.run(["check", kb] + Self.today).status == 0)
    }

    /// Nothing is written when an option is wrong; each error says what would be right.
    @Test(arguments: [
        (["goal", "G", "--parent", "g-nope"], "error: no document has the id 'g-nope'"),
        (["goal", "G", "--parent", "g-first-gaol"], "error: no document has the id 'g-first-gaol'; did you mean 'g-first-goal'?"),
        (["brief", "B", "--goals", "g-first-goal,g-other"], "error: no document has the id 'g-other'"),
        (["brief", "B", "--goals", "0001"], "error: --goals names goals, and '0001-record-decisions' is a decision"),
        (["goal", "G", "--parent", "first-brief"], "error: --parent names a goal, and 'first-brief' is a brief"),
        (["brief", "B", "--parent", "g-first-goal"], "error: --parent is for goals (a brief names the goals it serves with --goals)"),
        (["goal", "G", "--horizon", "decade"], "error: unknown horizon 'decade' (the horizons are year, half, quarter, month, week)"),
        (["goal", "G", "--horizon", "quater"], "error: unknown horizon 'quater'; did you mean 'quarter'?"),
        (["goal", "G", "--period", "2027-Q5"], "error: '2027-Q5' is not a period (2027, 2027-H1, 2027-Q1, 2027-03 or 2027-W05)"),
        (["goal", "G", "--horizon", "month", "--period", "2027-Q1"], "error: period '2027-Q1' is a quarter, but the horizon is 'month'"),
        (["brief", "B", "--horizon", "month"], "error: --horizon and --period are for goals"),
        (["goal", "G", "--reviewers", "alex"], "error: --reviewers and --review-by are for briefs"),
        (["brief", "B", "--review-by", "soon"], "error: --review-by must be a date YYYY-MM-DD, got 'soon'"),
        (["brief", "B", "--owner", "alx"], "error: no person or team has the id 'alx'; did you mean 'alex'?"),
        (["brief", "B", "--reviewers", "alex,nobody"], "error: no person or team has the id 'nobody' (people.yml lists them)"),
        (["goal", "G", "--id", "g-first-goal"], "error: the id 'g-first-goal' is taken by goals/g-first-goal.md"),
        (["goal", "G", "--id", "../up"], "error: '../up' is not an id (letters, digits, '.', '_', '/' and '-')"),
    ])
    func wrongOptionsWriteNothing(arguments: [String], message: String) throws {
        let kb = try Self.started()
        defer { TemporaryFolder.remove((kb as NSString).deletingLastPathComponent) }
        let before = try FileManager.default.subpathsOfDirectory(atPath: kb).sorted()
        let result = try CLITests.run(["new"] + arguments + ["-C", kb] + Self.today)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(message), "\(arguments): \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try FileManager.default.subpathsOfDirectory(atPath: kb).sorted() == before)
    }

    @Test func notesGoToTheNotesFolderWhenThereIsOne() throws {
        let kb = try TemporaryFolder.make(["bearing.yml": "title: T\n", "README.md": "# About\n", "docs/guide.md": "# Guide\n",
                                           "docs/faq.md": "# FAQ\n"], folders: ["notes"])
        defer { TemporaryFolder.remove(kb) }
        let added = try CLITests.run(["new", "note", "Weekly sync", "-C", kb] + Self.today)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout == kb + "/notes/weekly-sync.md\n")
        // A README is a folder's index, not where notes go: a new knowledge base gets notes/.
        let started = try Self.started()
        defer { TemporaryFolder.remove((started as NSString).deletingLastPathComponent) }
        #expect(try CLITests.run(["new", "note", "Ideas", "-C", started] + Self.today).stdout == started + "/notes/ideas.md\n")
    }

    @Test func initIgnoresTheSiteInGit() throws {
        let kb = try Self.started()
        defer { TemporaryFolder.remove((kb as NSString).deletingLastPathComponent) }
        let ignore = try String(contentsOfFile: kb + "/.gitignore", encoding: .utf8)
        #expect(ignore.split(separator: "\n").contains("/_site/"), "\(ignore)")
        let built = try CLITests.run(["build", kb, "--quiet"] + Self.today)
        #expect(built.status == 0)
        let status = try CLITests.execute("/usr/bin/git", ["-C", kb, "init", "-q"])
        #expect(status.status == 0)
        let untracked = try CLITests.execute("/usr/bin/git", ["-C", kb, "status", "--porcelain", "--untracked-files=all"])
        #expect(!untracked.stdout.contains("_site"), "\(untracked.stdout)")
        #expect(!untracked.stdout.contains(".bearing-cache"), "\(untracked.stdout)")
        #expect(untracked.stdout.contains(".gitignore"))
    }
}
