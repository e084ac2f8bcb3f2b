import Testing
@testable import BearingCore

/// `bearing status`: the edit touches one line and keeps everything else byte for byte.
@Suite struct StatusEditorTests {
    static func plan(_ files: [String: String], id: String, status: String, by: String? = nil) async throws -> [String: String] {
        let (kb, _) = await Fixtures.build(files)
        let plan = try StatusChangePlan.make(kb: kb, id: id, status: status, by: by) { files[$0] }
        return Dictionary(uniqueKeysWithValues: plan.edits.map { ($0.path, $0.text) })
    }

    /// The lines of `a` and `b` that differ.
    static func changedLines(_ a: String, _ b: String) -> [String] {
        let x = a.split(separator: "\n", omittingEmptySubsequences: false), y = b.split(separator: "\n", omittingEmptySubsequences: false)
        guard x.count == y.count else { return ["line count \(x.count) → \(y.count)"] }
        return zip(x, y).filter { $0 != $1 }.map { "\($0) → \($1)" }
    }

    @Test(arguments: [
        ("status: draft\n", "status: in-review\n"),
        ("status: draft   # set by the author\n", "status: in-review   # set by the author\n"),
        ("status: \"draft\"\n", "status: \"in-review\"\n"),
        ("status: 'draft' # quoted\n", "status: 'in-review' # quoted\n"),
        ("status:    draft\n", "status:    in-review\n"),
    ])
    func theStatusValueChangesAndNothingElse(line: String, expected: String) async throws {
        let text = "---\n# a comment\ntitle: Plan   # keep me\n\(line)goals: [g]\nowner:  ann\n---\n# Plan\n\nBody.\n"
        let edited = try #require(try await Self.plan(["briefs/plan.md": text, "goals/g.md": "# G\n"], id: "plan", status: "In-Review")["briefs/plan.md"])
        #expect(edited == text.replacingOccurrences(of: line, with: expected))
        #expect(Self.changedLines(text, edited).count == 1)
    }

    @Test func crlfLineEndingsAndAMissingFinalNewlineAreKept() async throws {
        let text = "---\r\nstatus: draft\r\ngoals: [g]\r\n---\r\n# Plan\r\n\r\nNo final newline"
        let edited = try #require(try await Self.plan(["briefs/plan.md": text, "goals/g.md": "# G\n"], id: "plan", status: "approved")["briefs/plan.md"])
        #expect(edited == "---\r\nstatus: approved\r\ngoals: [g]\r\n---\r\n# Plan\r\n\r\nNo final newline")
    }

    @Test func nygardAndMADR2RecordsChangeTheirBody() async throws {
        let nygard = "# 3. Use X\n\nDate: 2025-01-02\n\n## Status\n\nAccepted\n\n## Context\n\nThe status of the app is fine.\n"
        let edited = try #require(try await Self.plan(["decisions/0003-use-x.md": nygard], id: "0003-use-x", status: "deprecated")["decisions/0003-use-x.md"])
        #expect(edited == nygard.replacingOccurrences(of: "\nAccepted\n", with: "\nDeprecated\n"))
        let madr2 = "# Use Y\n\n* Status: proposed\n* Date: 2025-01-02\n\n## Context\n"
        let madr = try #require(try await Self.plan(["decisions/0004-use-y.md": madr2], id: "0004-use-y", status: "accepted")["decisions/0004-use-y.md"])
        #expect(madr == madr2.replacingOccurrences(of: "* Status: proposed", with: "* Status: accepted"))
    }

    @Test func supersedingUpdatesBothRecords() async throws {
        let old = "---\nstatus: accepted\ndate: 2025-01-02\n---\n# Use X\n"
        let new = "---\nstatus: accepted # new\ndate: 2026-01-02\n---\n# Use Z\n"
        let edits = try await Self.plan(["decisions/0001-use-x.md": old, "decisions/0002-use-z.md": new],
                                        id: "0001-use-x", status: "superseded", by: "0002-use-z")
        #expect(edits["decisions/0001-use-x.md"] == "---\nstatus: superseded\nsuperseded_by: 0002-use-z\ndate: 2025-01-02\n---\n# Use X\n")
        #expect(edits["decisions/0002-use-z.md"] == "---\nstatus: accepted # new\nsupersedes: 0001-use-x\ndate: 2026-01-02\n---\n# Use Z\n")
    }

    @Test func unknownStatusesAndIdsAreRefusedWithTheValidOnes() async throws {
        let files = ["briefs/plan.md": "---\nstatus: draft\n---\n# Plan\n"]
        await #expect(throws: StatusEditor.Failure.unknownStatus("shipped", valid: ["draft", "in-review", "approved", "in-progress", "done", "dropped"])) {
            _ = try await Self.plan(files, id: "plan", status: "shipped")
        }
        await #expect(throws: StatusEditor.Failure.noDocument("nope")) { _ = try await Self.plan(files, id: "nope", status: "done") }
        await #expect(throws: StatusEditor.Failure.noStatus("notes/n.md")) {
            _ = try await Self.plan(["notes/n.md": "# Just a note\n"], id: "n", status: "published")
        }
    }
}
