import Foundation
import Testing
@testable import BearingCore

/// `bearing status` through the document editor: the edit touches only the lines it must and
/// keeps everything else byte for byte; what would not read back as intended is refused.
@Suite struct DocumentEditorTests {
    static func plan(_ files: [String: String], id: String, status: String, by: String? = nil) async throws -> [String: String] {
        let (kb, _) = await Fixtures.build(files)
        let plan = try StatusChangePlan.make(kb: kb, id: id, status: status, by: by, today: Fixtures.today) { files[$0] }
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
        #expect(edits["decisions/0002-use-z.md"] == "---\nstatus: accepted # new\nsupersedes: [0001-use-x]\ndate: 2026-01-02\n---\n# Use Z\n")
    }

    @Test func unknownStatusesAndIdsAreRefusedWithTheValidOnes() async throws {
        let files = ["briefs/plan.md": "---\nstatus: draft\n---\n# Plan\n"]
        await #expect(throws: DocumentEditor.Failure.unknownStatus("shipped", valid: ["draft", "in-review", "approved", "in-progress", "done", "dropped"])) {
            _ = try await Self.plan(files, id: "plan", status: "shipped")
        }
        await #expect(throws: DocumentEditor.Failure.noDocument("nope", hint: nil)) { _ = try await Self.plan(files, id: "nope", status: "done") }
        await #expect(throws: DocumentEditor.Failure.noDocument("plam", hint: "did you mean 'plan'?")) { _ = try await Self.plan(files, id: "plam", status: "done") }
    }

    @Test func aFileWithNoStatusGetsFrontMatter() async throws {
        let edited = try await Self.plan(["notes/n.md": "# Just a note\n"], id: "n", status: "published")
        #expect(edited["notes/n.md"] == "---\nstatus: published\n---\n# Just a note\n")
    }

    // MARK: Superseding (issue: a second `supersedes:` key destroyed the successor)

    @Test(arguments: [
        ("supersedes: [0000-a]\n", "supersedes: [0000-a, 0001-x]\n"),
        ("supersedes: 0000-a\n", "supersedes: [0000-a, 0001-x]\n"),
        ("supersedes:\n  - 0000-a\n", "supersedes:\n  - 0000-a\n  - 0001-x\n"),
        ("supersedes: []\n", "supersedes: [0001-x]\n"),
        ("supersedes:\n", "supersedes: [0001-x]\n"),
    ])
    func supersedingMergesIntoTheSuccessorsList(existing: String, expected: String) async throws {
        let old = "---\nstatus: accepted\n---\n# X\n"
        let new = "---\nstatus: accepted\n\(existing)date: 2026-01-02\n---\n# Z\n"
        var files = ["decisions/0001-x.md": old, "decisions/0002-z.md": new]
        let listed = existing.contains("0000-a")
        if listed { files["decisions/0000-a.md"] = "---\nstatus: superseded\nsuperseded_by: 0002-z\n---\n# A\n" }
        let edits = try await Self.plan(files, id: "0001-x", status: "superseded", by: "0002-z")
        #expect(edits["decisions/0002-z.md"] == new.replacingOccurrences(of: existing, with: expected))
        // And the knowledge base reads as intended: no duplicate key, no supersede-mismatch.
        var after = files
        for (path, text) in edits { after[path] = text }
        let (kb, diagnostics) = await Fixtures.build(after)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(kb.document("0002-z")?.targets(.supersedes).sorted() == (listed ? ["0000-a", "0001-x"] : ["0001-x"]))
    }

    @Test func supersedingANygardRecordWritesBothLinks() async throws {
        let old = "# 1. Use X\n\nDate: 2025-01-02\n\n## Status\n\nAccepted\n\n## Context\n\nText.\n"
        let new = "# 2. Use Z\n\nDate: 2026-01-02\n\n## Status\n\nAccepted\n\n## Context\n\nMore.\n"
        let files = ["doc/adr/0001-use-x.md": old, "doc/adr/0002-use-z.md": new]
        let edits = try await Self.plan(files, id: "ADR-1", status: "superseded", by: "2")
        #expect(edits["doc/adr/0001-use-x.md"] == old.replacingOccurrences(of: "\nAccepted\n", with: "\nSuperseded by [2. Use Z](0002-use-z.md)\n"))
        #expect(edits["doc/adr/0002-use-z.md"] == new.replacingOccurrences(of: "\nAccepted\n", with: "\nAccepted\n\nSupersedes [1. Use X](0001-use-x.md)\n"))
        var after = files
        for (path, text) in edits { after[path] = text }
        let (_, diagnostics) = await Fixtures.build(after)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }

    @Test func madr2BulletsGetTheirSupersessionBullets() async throws {
        let old = "# Use X\n\n* Status: accepted\n* Date: 2020-01-01\n\n## Context\n"
        let new = "# Use Z\n\n* Status: accepted\n* Date: 2021-01-01\n\n## Context\n"
        let edits = try await Self.plan(["adr/0001-use-x.md": old, "adr/0002-use-z.md": new], id: "0001", status: "superseded", by: "adr-0002")
        #expect(edits["adr/0001-use-x.md"] == old.replacingOccurrences(of: "* Status: accepted", with: "* Status: superseded by [2. Use Z](0002-use-z.md)"))
        #expect(edits["adr/0002-use-z.md"] == new.replacingOccurrences(of: "* Status: accepted\n", with: "* Status: accepted\n* Supersedes: [1. Use X](0001-use-x.md)\n"))
    }

    @Test func idsAreAcceptedInEveryFormFrontMatterAccepts() async throws {
        let files = ["decisions/0003-use-x.md": "---\nstatus: proposed\n---\n# X\n", "decisions/0004-use-y.md": "---\nstatus: proposed\n---\n# Y\n"]
        for id in ["ADR-3", "adr 3", "0003", "3", "0003-USE-X", "0003-use"] {
            let edits = try await Self.plan(files, id: id, status: "accepted")
            #expect(edits.keys.sorted() == ["decisions/0003-use-x.md"], "\(id)")
        }
        await #expect(throws: DocumentEditor.Failure.self) { _ = try await Self.plan(files, id: "00", status: "accepted") }  // two match
    }

    @Test func updatedIsSetWhereTheFileKeepsIt() async throws {
        let text = "---\nstatus: draft\nupdated: 2026-01-01\n---\n# Plan\n"
        let edited = try await Self.plan(["briefs/plan.md": text], id: "plan", status: "in-review")
        #expect(edited["briefs/plan.md"] == "---\nstatus: in-review\nupdated: 2027-02-17\n---\n# Plan\n")
    }

    @Test func aFormItCannotEditIsRefusedNotGuessed() async throws {
        let text = "---\nstatus:\n  - draft\n---\n# Plan\n"
        await #expect(throws: DocumentEditor.Failure.self) { _ = try await Self.plan(["briefs/plan.md": text], id: "plan", status: "approved") }
    }

    @Test func verificationRefusesAnEditThatChangesMoreThanAsked() {
        let before = "---\nstatus: draft\nowner: ann\n---\n# Plan\n"
        let after = "---\nstatus: done\nowner: bob\n---\n# Plan\n"
        let intent = DocumentEditor.Intent(keys: ["status"], body: false) { _ in nil }
        #expect(throws: DocumentEditor.Failure.wouldDamage("p.md", reason: "changed 'owner'")) {
            try DocumentEditor.verify(path: "p.md", before: before, after: after, intent: intent, configuration: Configuration())
        }
        let broken = "---\nstatus: done\nstatus: done\nowner: ann\n---\n# Plan\n"
        #expect(throws: DocumentEditor.Failure.self) {
            try DocumentEditor.verify(path: "p.md", before: before, after: broken, intent: intent, configuration: Configuration())
        }
    }

    /// Random records in every form × random status changes and supersessions: each plan either
    /// refuses, or its files parse, change only what was asked, and read as intended.
    @Test(arguments: [11, 12, 13]) func randomEditsNeverDamageAFile(seed: UInt64) async throws {
        var random = SeededRandom(seed: seed)
        var applied = 0
        defer { #expect(applied >= 20, "only \(applied) of 25 plans were made") }
        for round in 0..<25 {
            let files = Self.randomDecisions(count: 4, &random, round: round)
            let ids = files.keys.sorted().map { DocumentReader.stem(of: $0) }
            let id = ids.randomElement(using: &random)!
            let by = Bool.random(using: &random) ? ids.filter { $0 != id }.randomElement(using: &random) : nil
            let status = by != nil ? "superseded" : ["proposed", "accepted", "rejected", "deprecated"].randomElement(using: &random)!
            let edits: [String: String]
            do { edits = try await Self.plan(files, id: id, status: status, by: by) } catch let failure as DocumentEditor.Failure {
                Issue.record("refused: \(failure) for \(id) → \(status) by \(by ?? "-")")
                continue
            }
            applied += 1
            var after = files
            for (path, text) in edits { after[path] = text }
            let (before, old) = await Fixtures.build(files)
            let (kb, diagnostics) = await Fixtures.build(after)
            let new = diagnostics.filter { d in d.severity == .error && !old.contains { $0.message == d.message } }
            #expect(new.isEmpty, "\(new)\n\(edits)")
            let changed = try #require(kb.document(id))
            #expect(changed.status == status)
            if let by {
                #expect(changed.targets(.supersededBy).contains(by) || changed.references.contains { $0.kind == .supersededBy && $0.written.contains(by) })
                #expect(kb.document(by)?.targets(.supersedes).contains(id) == true, "\(edits)")
            }
            for document in before.documents where document.id != id && document.id != by {
                #expect(after[document.path] == files[document.path])
            }
            for (path, text) in edits {
                let old = try #require(files[path]).split(separator: "\n", omittingEmptySubsequences: false)
                let new = text.split(separator: "\n", omittingEmptySubsequences: false)
                // Only inserted or changed lines: all but at most two old lines (the status and
                // updated) are still there, in order, and at most three lines are new.
                var rest = new[...]
                var missing = 0
                for line in old {
                    if let at = rest.firstIndex(of: line) { rest = rest[(at + 1)...] } else { missing += 1 }
                }
                #expect(missing <= 2, "\(path): \(missing) lines changed")
                #expect(new.count - old.count <= 3, "\(path)")
            }
        }
    }

    static func randomDecisions(count: Int, _ random: inout SeededRandom, round: Int) -> [String: String] {
        var files: [String: String] = [:]
        for n in 1...count {
            let title = "Use thing \(n)"
            let status = ["Accepted", "proposed", "Deprecated"].randomElement(using: &random)!
            let text: String
            switch Int.random(in: 0..<5, using: &random) {
            case 0: text = "---\nstatus: \(status.lowercased())\ndate: 2026-01-0\(n)\n---\n# \(title)\n\nBody \(round).\n"
            case 1: text = "---\ntitle: \"\(title)\"   # quoted\nstatus: '\(status.lowercased())'\nsupersedes: []\ntags: [a, b]\n---\n\nBody.\n"
            case 2: text = "# \(n). \(title)\n\nDate: 2026-01-0\(n)\n\n## Status\n\n\(status)\n\n## Context\n\nWhy.\n"
            case 3: text = "# \(title)\n\n* Status: \(status.lowercased())\n* Date: 2026-01-0\(n)\n\n## Context\n"
            default: text = "---\r\nstatus: \(status.lowercased())\r\nsupersedes:\r\n  - other\r\n---\r\n# \(title)\r\n"
            }
            files["decisions/000\(n)-thing-\(n).md"] = text
        }
        return files
    }

    @Test func aBriefIsApprovedOnlyWhenEveryReviewerSignedOff() async throws {
        let text = "---\nstatus: in-review\nreviewers: [ann, bo]\nreview_by: 2027-03-01\napprovals:\n  - {by: ann, date: 2027-02-15, note: fine}\n---\n# Plan\n"
        let (kb, _) = await Fixtures.build(["briefs/plan.md": text])
        #expect(kb.document("plan")?.brief?.awaitedReviewers == ["bo"])
        #expect(throws: DocumentEditor.Failure.awaitingSignOff("plan", reviewers: ["bo"])) {
            _ = try StatusChangePlan.make(kb: kb, id: "plan", status: "approved", by: nil, today: Fixtures.today) { _ in text }
        }
        let forced = try StatusChangePlan.make(kb: kb, id: "plan", status: "approved", by: nil, today: Fixtures.today, force: true) { _ in text }
        #expect(forced.edits.first?.text == text.replacingOccurrences(of: "status: in-review", with: "status: approved"))
        let signed = text.replacingOccurrences(of: "fine}\n", with: "fine}\n  - bo\n")
        let (both, _) = await Fixtures.build(["briefs/plan.md": signed])
        #expect(both.document("plan")?.brief?.awaitedReviewers == [])
        #expect(both.document("plan")?.brief?.approvals.map(\.by) == ["ann", "bo"])
    }

    // MARK: What the review of the editor found

    @Test func aStatusInAFormTheEditorDoesNotWriteIsRefused() async throws {
        for text in ["# Use X\n\n**Status:** Proposed\n\n## Context\n", "# Use X\n\n| Metadata | Value |\n|---|---|\n| Status | Proposed |\n"] {
            await #expect(throws: DocumentEditor.Failure.self) { _ = try await Self.plan(["adr/0001-use-x.md": text], id: "0001-use-x", status: "accepted") }
        }
    }

    @Test func aStatusOverSeveralLinesIsRefusedNotHalfReplaced() async throws {
        let text = "---\nstatus: superseded by\n  ADR-0005\n---\n# X\n"
        await #expect(throws: DocumentEditor.Failure.self) { _ = try await Self.plan(["adr/0001-x.md": text], id: "0001-x", status: "accepted") }
    }

    @Test func aTemplateCommentInTheStatusSectionIsNotTheStatus() async throws {
        let text = "# 1. X\n\n## Status\n\n<!-- proposed | accepted\n | rejected -->\nProposed\n\n## Context\n"
        let edited = try await Self.plan(["adr/0001-x.md": text], id: "0001-x", status: "accepted")
        #expect(edited["adr/0001-x.md"] == text.replacingOccurrences(of: "\nProposed\n", with: "\nAccepted\n"))
    }

    @Test func bySupersededOnly() async throws {
        let files = ["adr/0001-x.md": "---\nstatus: accepted\n---\n# X\n", "adr/0002-y.md": "---\nstatus: accepted\n---\n# Y\n"]
        await #expect(throws: DocumentEditor.Failure.self) { _ = try await Self.plan(files, id: "0001-x", status: "deprecated", by: "0002-y") }
    }

    @Test func writingThroughASymbolicLinkKeepsTheLinkAndTheMode() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bearing-edit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let target = folder.appendingPathComponent("real.md"), link = folder.appendingPathComponent("link.md")
        try "old\n".write(to: target, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: target.path)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        try DocumentEditor.write("new\n", to: link, replacing: "old\n", displayPath: "link.md")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        #expect(try String(contentsOf: target, encoding: .utf8) == "new\n")
        #expect((try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int) == 0o640)
        // A file that changed since it was read is left as it is.
        #expect(throws: DocumentEditor.Failure.self) { try DocumentEditor.write("newer\n", to: link, replacing: "old\n", displayPath: "link.md") }
        #expect(try String(contentsOf: target, encoding: .utf8) == "new\n")
    }

    // MARK: What the review of issue 13 found

    @Test func aKeyIsAddedAfterAValueWrittenOverSeveralLinesNotInsideIt() async throws {
        let text = "---\nmeta:\n  b:\n    - x\n    - y\n---\n# Plan\n"
        let fields = DocumentParser.parse(SourceFile(path: "p.md", text: text)).fields
        let edited = try #require(FrontMatterEdit.setting("owner", to: "bob", in: text, fields: fields))
        #expect(edited == "---\nmeta:\n  b:\n    - x\n    - y\nowner: bob\n---\n# Plan\n")
        let status = "---\nstatus: draft\nlist:\n  - a\n---\n# P\n"
        let withKey = try #require(FrontMatterEdit.setting("owner", to: "bob", in: status, fields: DocumentParser.parse(SourceFile(path: "p.md", text: status)).fields))
        #expect(withKey == "---\nstatus: draft\nowner: bob\nlist:\n  - a\n---\n# P\n")
    }

    @Test func supersessionsThatWouldContradictThemselvesAreRefused() async throws {
        let files = ["decisions/0001-x.md": "---\nstatus: superseded\nsuperseded_by: 0002-y\n---\n# X\n",
                     "decisions/0002-y.md": "---\nstatus: accepted\nsupersedes: [0001-x]\n---\n# Y\n",
                     "decisions/0003-z.md": "---\nstatus: accepted\n---\n# Z\n", "goals/g.md": "---\nstatus: active\n---\n# G\n"]
        for (id, by) in [("0003-z", "0003-z"), ("0003-z", "g"), ("0001-x", "0003-z")] {
            await #expect(throws: DocumentEditor.Failure.self, "\(id) by \(by)") { _ = try await Self.plan(files, id: id, status: "superseded", by: by) }
        }
        // No longer superseded: its successor is removed with the status.
        let edits = try await Self.plan(files, id: "0001-x", status: "accepted")
        #expect(edits["decisions/0001-x.md"] == "---\nstatus: accepted\n---\n# X\n")
    }

    @Test func aFailedSecondWritePutsTheFirstBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bearing-edit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let a = folder.appendingPathComponent("a.md"), b = folder.appendingPathComponent("b.md")
        try "a\n".write(to: a, atomically: false, encoding: .utf8)
        try "b changed meanwhile\n".write(to: b, atomically: false, encoding: .utf8)
        #expect(throws: DocumentEditor.Failure.self) {
            try DocumentEditor.write([("a2\n", a, "a\n", "a.md"), ("b2\n", b, "b\n", "b.md")])
        }
        #expect(try String(contentsOf: a, encoding: .utf8) == "a\n")
    }

    @Test func theByteOrderMarkIsKept() async throws {
        let text = "\u{FEFF}---\nstatus: draft\n---\n# Plan\n"
        #expect(DocumentEditor.text(of: Data(text.utf8)) == text)
        let edited = try await Self.plan(["briefs/plan.md": text], id: "plan", status: "in-review")
        #expect(edited["briefs/plan.md"] == "\u{FEFF}---\nstatus: in-review\n---\n# Plan\n")
        #expect(DocumentEditor.text(of: Data([0x61, 0xFF, 0x62])) == nil)
    }

    @Test func aTeamAskedToReviewSignsOffThroughAMember() async throws {
        let people = PeopleDirectory.read(try #require({ () -> YAMLNode? in
            if case .success(let node) = YAMLReader.parse("people: {ann: {name: Ann}}\nteams: {growth: {name: Growth, members: [ann]}}\n", firstLine: 1) { return node }
            return nil
        }())).0
        let text = "---\nstatus: in-review\nreviewers: [growth]\nreview_by: 2027-03-01\napprovals: [{by: ann, date: 2027-02-16}]\n---\n# Plan\n"
        let (kb, _) = await Fixtures.build(["briefs/plan.md": text], people: people)
        #expect(kb.document("plan")?.brief?.awaitedReviewers == [])
        #expect(throws: Never.self) { _ = try StatusChangePlan.make(kb: kb, id: "plan", status: "approved", by: nil, today: Fixtures.today) { _ in text } }
    }
}

extension DocumentEditorTests {
    @Test func anAmbiguousPrefixSaysWhichIdsItStarts() async throws {
        let files = ["goals/g-2027-q1-dso.md": "---\nstatus: active\n---\n# A\n", "goals/g-2027-q1-dau.md": "---\nstatus: active\n---\n# B\n"]
        await #expect(throws: DocumentEditor.Failure.noDocument("g-2027-q1-d", hint: "it starts 2 ids: g-2027-q1-dau, g-2027-q1-dso")) {
            _ = try await Self.plan(files, id: "g-2027-q1-d", status: "achieved")
        }
    }
}
