import Foundation
import Testing
@testable import BearingCore

/// `bearing new` and `bearing init`.
@Suite struct NewDocumentTests {
    static let today = Day(year: 2027, month: 2, day: 17)!

    static func folder(_ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bearing-new-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: false, encoding: .utf8)
        }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return root.path
    }

    @Test func everyTypeFromItsTemplate() async throws {
        let root = try Self.folder(["decisions/0007-old.md": "# Old\n", "decisions/0003-older.md": "# Older\n", "goals/g-top.md": "# Top\n"])
        let kb = try await KnowledgeBaseLoader.load(root: root, today: Self.today).knowledgeBase
        var outputs: [String] = []
        for (type, title) in [(DocumentType.goal, "Grow in Zürich"), (.brief, "Plan: the first step"), (.decision, "Use Postgres"), (.note, "Weekly notes")] {
            let request = NewDocument.Request(type: type, title: title, parent: type == .goal ? "g-top" : nil,
                                              goals: [.goal, .note].contains(type) ? [] : ["g-top"], owner: "ann", today: Self.today)
            let (path, text) = try NewDocument.make(request, kb: kb, root: root)
            outputs.append("== \(path)\n\(text)")
        }
        #expect(outputs.map { $0.split(separator: "\n")[0] } == ["== goals/grow-in-zurich.md", "== briefs/plan-the-first-step.md",
                                                              "== decisions/0008-use-postgres.md", "== notes/weekly-notes.md"])
        Golden.assert(outputs.joined(separator: "\n"), matches: "authoring/new.md")
        // The goal's placeholder key result reads as one key result with its whole title.
        let goalText = String(outputs[0].split(separator: "\n", maxSplits: 1)[1])
        let (goalKB, _) = await Fixtures.build(["goals/grow-in-zurich.md": goalText])
        #expect(goalKB.documents.first?.goal?.keyResults.map(\.title) == ["What will have changed, and how will we see it?"])
        // Each new file is a valid document of its type.
        for output in outputs {
            let lines = output.split(separator: "\n", maxSplits: 1)
            let parsed = DocumentParser.parse(SourceFile(path: String(lines[0].dropFirst(3)), text: String(lines[1])))
            #expect(parsed.diagnostics.isEmpty, "\(lines[0]): \(parsed.diagnostics)")
        }
    }

    @Test func theStarterKnowledgeBasePassesCheck() async throws {
        let files = try NewDocument.starter(today: Self.today)
        Golden.assert(files.map { "== \($0.path)\n\($0.text)" }.joined(separator: "\n"), matches: "authoring/init.md")
        let root = try Self.folder(Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.text) }))
        let result = try await KnowledgeBaseLoader.load(root: root, today: Self.today)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(Set(result.knowledgeBase.documents.map(\.type)) == [.brief, .decision, .goal, .note])
        // The built site is kept out of git.
        #expect(files.first { $0.path == ".gitignore" }?.text.contains("\n/_site/\n") == true)
    }

    @Test func filesAreNeverOverwrittenAndIdsAreChecked() async throws {
        let root = try Self.folder(["briefs/plan.md": "# Plan\n"])
        let kb = try await KnowledgeBaseLoader.load(root: root, today: Self.today).knowledgeBase
        #expect(throws: NewDocument.Failure.exists("briefs/plan.md")) {
            try NewDocument.make(.init(type: .brief, title: "Plan", today: Self.today), kb: kb, root: root)
        }
        #expect(throws: NewDocument.Failure.invalidID("../x")) {
            try NewDocument.make(.init(type: .brief, title: "Other", goals: ["../x"], today: Self.today), kb: kb, root: root)
        }
        #expect(throws: NewDocument.Failure.emptyTitle) { try NewDocument.make(.init(type: .note, title: "  ", today: Self.today), kb: kb, root: root) }
    }

    @Test func theKnowledgeBasesTemplateAndFolderWin() async throws {
        let root = try Self.folder(["docs/adr/0001-a.md": "# A\n", "docs/adr/0002-b.md": "# B\n",
                                    "templates/new/decision.md": "---\nstatus: proposed\n---\n# ADR {{number}}: {{{title}}}\n"])
        let kb = try await KnowledgeBaseLoader.load(root: root, today: Self.today).knowledgeBase
        let (path, text) = try NewDocument.make(.init(type: .decision, title: "C & D", today: Self.today), kb: kb, root: root)
        #expect(path == "docs/adr/0003-c-d.md")
        #expect(text == "---\nstatus: proposed\n---\n# ADR 3: C & D\n")
    }

    /// Ids in any form front matter accepts, written as their documents have them; people,
    /// horizons and periods checked; nothing made when one is wrong.
    @Test func referencesAndFieldsAreCheckedAndWrittenAsTheDocumentsHaveThem() async throws {
        let root = try Self.folder(["goals/g-top.md": "---\nhorizon: year\n---\n# Top\n", "decisions/0003-x.md": "# X\n",
                                    "people.yml": "people:\n  ann: {name: Ann}\nteams:\n  core: {name: Core, members: [ann]}\n"])
        let kb = try await KnowledgeBaseLoader.load(root: root, today: Self.today).knowledgeBase
        let goal = try NewDocument.make(.init(type: .goal, title: "Q", parent: "G-TOP", today: Self.today, id: "g-q", period: "2027-Q2"), kb: kb, root: root)
        #expect(goal.text.hasPrefix("---\nid: g-q\nstatus: proposed\nhorizon: quarter\nperiod: \"2027-Q2\"\nparent: g-top\n"), "\(goal.text)")
        let brief = try NewDocument.make(.init(type: .brief, title: "B", goals: ["g-t"], owner: "ANN", today: Self.today,
                                               reviewers: ["core"], reviewBy: "2027-03-01"), kb: kb, root: root)
        #expect(brief.text.hasPrefix("---\nstatus: draft\nowner: ann\ngoals: [g-top]\nreviewers: [core]\nreview_by: 2027-03-01\n---\n"), "\(brief.text)")
        let failures: [(NewDocument.Request, NewDocument.Failure)] = [
            (.init(type: .goal, title: "G", parent: "g-tpo", today: Self.today), .noDocument("g-tpo", hint: "did you mean 'g-top'?")),
            (.init(type: .brief, title: "B", goals: ["ADR-3"], today: Self.today), .notAGoal(option: "--goals", id: "0003-x", type: .decision)),
            (.init(type: .brief, title: "B", owner: "bob", today: Self.today), .unknownPerson("bob", hint: nil)),
            (.init(type: .goal, title: "G", today: Self.today, horizon: "month", period: "2027"),
             .periodMismatch(Period.parse("2027")!, horizon: "month")),
            (.init(type: .goal, title: "G", today: Self.today, id: "G-TOP"), .idTaken("G-TOP", path: "goals/g-top.md")),
            (.init(type: .note, title: "N", today: Self.today, reviewBy: "2027-03-01"),
             .notFor(options: "--reviewers and --review-by", types: "briefs", instead: nil)),
        ]
        for (request, failure) in failures {
            #expect(throws: failure) { try NewDocument.make(request, kb: kb, root: root) }
        }
    }

    /// A knowledge base's own template with no place for a field asked for gets it in its front
    /// matter (or a front matter block when it has none).
    @Test func fieldsTheTemplateHasNoPlaceForAreAdded() async throws {
        let root = try Self.folder(["goals/g-top.md": "# Top\n", "templates/new/brief.md": "---\nstatus: draft\ngoals: []\n---\n# {{{title}}}\n",
                                    "templates/new/decision.md": "# {{{title}}}\n", "templates/new/goal.md": "---\nstatus: proposed\nhorizon: year\n---\n# {{{title}}}\n"])
        let kb = try await KnowledgeBaseLoader.load(root: root, today: Self.today).knowledgeBase
        let brief = try NewDocument.make(.init(type: .brief, title: "B", goals: ["g-top"], today: Self.today, id: "b-1", reviewers: ["ann", "li"]), kb: kb, root: root)
        #expect(brief.text == "---\nstatus: draft\nreviewers: [ann, li]\nid: b-1\ngoals: [g-top]\n---\n# B\n")
        let decision = try NewDocument.make(.init(type: .decision, title: "D", goals: ["g-top"], owner: "ann", today: Self.today), kb: kb, root: root)
        #expect(decision.text == "---\ndecision-makers: [ann]\ngoals: [g-top]\n---\n# D\n")
        let goal = try NewDocument.make(.init(type: .goal, title: "G", today: Self.today, period: "2027-03"), kb: kb, root: root)
        #expect(goal.text == "---\nstatus: proposed\nperiod: 2027-03\nhorizon: month\n---\n# G\n")
    }

    @Test func notesGoToNotesWhenThatFolderExistsAndAREADMEIsNoNoteFolder() async throws {
        let withFolder = try Self.folder(["docs/a.md": "# A\n", "docs/b.md": "# B\n", "notes/.keep": ""])
        let kb = try await KnowledgeBaseLoader.load(root: withFolder, today: Self.today).knowledgeBase
        #expect(try NewDocument.make(.init(type: .note, title: "N", today: Self.today), kb: kb, root: withFolder).path == "notes/n.md")
        let readmeOnly = try Self.folder(["README.md": "# About\n", "guide/README.md": "# Guide\n"])
        let other = try await KnowledgeBaseLoader.load(root: readmeOnly, today: Self.today).knowledgeBase
        #expect(try NewDocument.make(.init(type: .note, title: "N", today: Self.today), kb: other, root: readmeOnly).path == "notes/n.md")
        let notesElsewhere = try Self.folder(["docs/a.md": "# A\n", "README.md": "# About\n"])
        let third = try await KnowledgeBaseLoader.load(root: notesElsewhere, today: Self.today).knowledgeBase
        #expect(try NewDocument.make(.init(type: .note, title: "N", today: Self.today), kb: third, root: notesElsewhere).path == "docs/n.md")
    }

    @Test(arguments: [
        ("Use Postgres for the ledger", "use-postgres-for-the-ledger"),
        ("Éléphant über Straße", "elephant-uber-strasse"),
        ("日本語", "ri-ben-yu"),
        ("  --- ", "untitled"),
        (String(repeating: "word ", count: 20), "word-word-word-word-word-word-word-word-word-word-word-word"),
    ])
    func slugs(title: String, slug: String) {
        #expect(NewDocument.slug(title) == slug)
    }
}
