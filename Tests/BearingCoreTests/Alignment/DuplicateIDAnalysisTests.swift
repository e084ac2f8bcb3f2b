import Testing
@testable import BearingCore

/// A brief and a top goal with the same id (a `duplicate-id` error): the analysis keyed the goal's
/// empty chain under the brief's id and read its first goal, a trap that killed report, build and
/// serve (found by the random knowledge bases of the property tests).
@Suite struct DuplicateIDAnalysisTests {
    @Test func aBriefSharingItsIDWithATopGoalIsAnalysed() async {
        let files: [String: [UInt8]] = [
            "briefs/b.md": Array("---\ntype: brief\nid: same\ntitle: B\nstatus: draft\n---\n# B\n".utf8),
            "goals/a.md": Array("---\ntype: goal\nid: same\ntitle: A\nstatus: active\n---\n# A\n".utf8),
        ]
        let loaded = await KnowledgeBaseLoader.load(MemoryFiles(files: files), today: Fixtures.today, analyse: true)
        #expect(loaded.analysis != nil)
        #expect(loaded.diagnostics.contains { $0.rule == .duplicateID })
    }
}
