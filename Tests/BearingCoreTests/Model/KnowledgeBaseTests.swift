import Testing
@testable import BearingCore

/// The model stage on in-memory files: ids, resolution, backlinks, progress.
@Suite struct KnowledgeBaseTests {
    @Test func collidingFileNamesGetTheirFolderAsPrefix() async {
        let (kb, diagnostics) = await Fixtures.build([
            "decisions/backend/0001-use-x.md": "---\nstatus: rejected\n---\n",
            "decisions/frontend/0001-use-x.md": "---\nstatus: rejected\n---\n",
            "notes/unique.md": "See [[backend/0001-use-x]].\n",
        ])
        #expect(kb.documents.map(\.id) == ["backend/0001-use-x", "frontend/0001-use-x", "unique"])
        #expect(diagnostics.isEmpty)
        #expect(kb.backlinks["backend/0001-use-x"] == [Backlink(source: "unique", kind: .mentions)])
    }

    @Test func referencesResolveByIdNumberPathAndLabel() async {
        let (kb, diagnostics) = await Fixtures.build([
            "goals/G-Growth.md": "---\nstatus: active\n---\n# Grow revenue\n",
            "decisions/0005-use-y.md": "---\nstatus: accepted\ngoals: [g-growth]\n---\n",
            "notes/n.md": "[[ADR-0005]] [[Grow revenue]] [[nothing|g-growth]] [x](../goals/G-Growth.md#kr)\n",
        ])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let note = kb.document("n")!
        #expect(note.references.map(\.target) == ["0005-use-y", "G-Growth", "G-Growth", "G-Growth"])
        #expect(note.references.last?.anchor == "kr")
        #expect(kb.document("0005-USE-Y")?.label == "ADR-0005")
        let sources = kb.backlinks["G-Growth"]?.map(\.source)
        #expect(sources == ["0005-use-y", "n"])
    }

    @Test func progressRollsUpAndUnknownStaysUnknown() async {
        let (kb, _) = await Fixtures.build([
            "goals/year.md": "---\nstatus: active\n---\n",
            "goals/a.md": "---\nstatus: active\nparent: year\nprogress: \"40%\"\n---\n",
            "goals/b.md": "---\nstatus: active\nparent: year\nkey_results:\n  - {title: Churn, baseline: 4, target: 2, current: 3}\n  - {title: Unknown, target: 10}\n---\n",
            "goals/c.md": "---\nstatus: active\nparent: year\n---\n",
        ])
        let progress = kb.goalProgressTable()
        #expect(progress["a"]?.value == 0.4)
        #expect(progress["b"]?.value == 0.5)   // decreasing target; unknown KR left out
        #expect(progress["c"]?.value == nil)
        #expect(progress["year"]?.value == 0.45)
    }

    @Test func nygardAndMADR2RecordsAreImported() async {
        let (kb, _) = await Fixtures.build([
            "adr/0001-a.md": "# 1. Record decisions\n\nDate: 2016-02-12\n\n## Status\n\nSuperceded by [2. B](0002-b.md)\n",
            "adr/0002-b.md": "# B\n\n* Status: accepted\n* Deciders: Ann, Bo\n* Date: 2020-01-01\n\n## Context\n\nSupersedes text here.\n",
        ])
        let a = kb.document("0001-a")!
        #expect(a.title == "Record decisions")
        #expect(a.status == "superseded")
        #expect(a.decision?.date?.description == "2016-02-12")
        #expect(a.targets(.supersededBy) == ["0002-b"])
        let b = kb.document("0002-b")!
        #expect(b.status == "accepted")
        #expect(b.decision?.decisionMakers == ["Ann", "Bo"])
        #expect(b.decision?.date?.description == "2020-01-01")
    }
}

@Suite struct PathJoinTests {
    @Test(arguments: [
        ("briefs/b.md", "../goals/g.md", "goals/g.md" as String?),
        ("briefs/b.md", "./c.md", "briefs/c.md"),
        ("b.md", "notes/./x/../y.md", "notes/y.md"),
        ("a/b/c.md", "/root.md", "root.md"),
        ("a/b.md", "../../outside.md", nil),
        ("b.md", "../x.md", nil),
        ("a/b.md", "img//pic.png", "a/img/pic.png"),
    ])
    func joinsRelativeToTheFolder(path: String, target: String, expected: String?) {
        #expect(ReferenceResolver.join(folderOf: path, target) == expected)
    }

    @Test func stemsAndMarkdownPaths() {
        #expect(DocumentReader.stem(of: "decisions/0001-Use-X.MD") == "0001-Use-X")
        #expect(DocumentReader.stem(of: "top") == "top")
        #expect("a/B.Md".isMarkdownPath && !"a/b.mdx".isMarkdownPath && !"md".isMarkdownPath)
    }
}

extension KnowledgeBaseTests {
    /// Ids are matched without regard to case, so names that differ only in case are one id twice:
    /// `duplicate-id`, and a reference by that name finds the first, not a misleading "unresolved".
    @Test func fileNamesDifferingOnlyInCaseAreDuplicateIDs() async {
        let (kb, diagnostics) = await Fixtures.build([
            "goals/g.md": "---\nstatus: active\n---\n# A\n",
            "Goals/g.md": "---\nstatus: active\n---\n# B\n",
            "decisions/Decision.md": "---\nstatus: accepted\ngoals: [g]\n---\n# C\n",
            "decisions/decision.md": "---\nstatus: accepted\ngoals: [G]\n---\nSee [[decision]] and [[DECISION]].\n",
        ])
        #expect(diagnostics.map(\.rule) == [.duplicateID, .duplicateID, .duplicateID, .duplicateID], "\(diagnostics)")
        #expect(Set(diagnostics.map(\.location.path)) == ["goals/g.md", "Goals/g.md", "decisions/Decision.md", "decisions/decision.md"])
        #expect(kb.document(atPath: "decisions/decision.md")?.references.compactMap(\.target) == ["Goals/g", "Decision", "Decision"])
    }

    @Test func aNameOfSeveralDocumentsIsAmbiguousAndSaysWhichIDsToWrite() async {
        let (_, diagnostics) = await Fixtures.build([
            "backend/notes.md": "# B\n", "frontend/notes.md": "# F\n",
            "index.md": "See [[notes]] and [gone](missing/notes.md).\n",
        ])
        #expect(diagnostics.map(\.message) == ["ambiguous reference '[[notes]]': 2 documents have that file name", "unresolved reference 'missing/notes.md'"])
        #expect(diagnostics.first?.hint == "write one of their ids: backend/notes, frontend/notes")
    }
}
