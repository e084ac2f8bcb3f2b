import Foundation
import Testing

/// Shell completion of ids, statuses, people and horizons, read from the knowledge base found
/// from the current folder (or `-C`). The shells' scripts call `bearing ---completion
/// SUBCOMMAND -- ARGUMENT WORD-INDEX CURSOR WORDS…`, as these tests do.
@Suite struct CompletionTests {
    static func complete(_ subcommand: String, _ argument: String, words: [String], in folder: String = CLITests.northwind) throws -> [String] {
        let all = ["bearing", subcommand] + words
        let result = try CLITests.execute(CLITests.binary, ["---completion", subcommand, "--", argument, String(all.count - 1),
                                                            String(all.last!.count)] + all, in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test func idsOfEveryDocument() throws {
        let ids = try Self.complete("status", "positional@0", words: ["000"])
        #expect(ids.count == 9 && ids.first == "0001-use-postgres-for-ledger", "\(ids)")
        #expect(try Self.complete("status", "positional@0", words: [""]).count == 47)
        // --by: a decision.
        #expect(try Self.complete("status", "--by", words: ["0001-use-postgres-for-ledger", "superseded", "--by", "0012"])
                == ["0012-self-host-feature-flags-with-unleash"])
    }

    @Test func statusesOfTheDocumentsWorkflow() throws {
        #expect(try Self.complete("status", "positional@1", words: ["portal-card-payments", ""])
                == ["draft", "in-review", "approved", "in-progress", "done", "dropped"])
        #expect(try Self.complete("status", "positional@1", words: ["ADR-7", "s"]) == ["superseded"])
    }

    @Test func goalsForParentAndGoalsAListItemAtATime() throws {
        let parents = try Self.complete("new", "--parent", words: ["goal", "X", "--parent", "g-2027-r"])
        #expect(parents == ["g-2027-retention"])
        let goals = try Self.complete("new", "--goals", words: ["brief", "X", "--goals", "g-2027-q1-dso,g-2027-b"])
        #expect(goals == ["g-2027-q1-dso,g-2027-break-even"])
    }

    @Test func peopleAndTeamsAndHorizons() throws {
        #expect(try Self.complete("report", "--person", words: ["--person", "ma"]) == ["marco", "maria"])
        #expect(try Self.complete("new", "--reviewers", words: ["brief", "X", "--reviewers", "li,pl"]) == ["li,platform"])
        #expect(try Self.complete("new", "--owner", words: ["brief", "X", "--owner", "fin"]) == ["finance-ops"])
        #expect(try Self.complete("report", "--horizon", words: ["--horizon", ""]) == ["year", "half", "quarter", "month", "week"])
    }

    @Test func theKnowledgeBaseOfDashCOrNothingOutsideOne() throws {
        let empty = try TemporaryFolder.make()
        defer { TemporaryFolder.remove(empty) }
        #expect(try Self.complete("status", "positional@0", words: [""], in: empty).isEmpty)
        #expect(try Self.complete("report", "--person", words: ["--person", ""], in: empty).isEmpty)
        #expect(try Self.complete("status", "positional@0", words: ["-C", CLITests.northwind, "g-2027-w07-d"], in: empty)
                == ["g-2027-w07-depot-training", "g-2027-w07-dunning-emails"])
        #expect(try Self.complete("report", "--person", words: [CLITests.northwind, "--person", "rut"], in: empty) == ["ruth"])
    }

    @Test func theScriptsCallTheCompletions() throws {
        let bash = try CLITests.execute(CLITests.binary, ["--generate-completion-script", "bash"])
        #expect(bash.status == 0)
        #expect(bash.stdout.contains("---completion status -- positional@0"), "bash script")
        #expect(bash.stdout.contains("---completion new -- --parent"), "bash script")
    }
}
