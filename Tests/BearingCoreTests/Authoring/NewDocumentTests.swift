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
                                              goals: type == .goal ? [] : ["g-top"], owner: "ann", today: Self.today)
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
