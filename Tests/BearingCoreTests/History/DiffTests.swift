import Foundation
import Testing
@testable import BearingCore

/// `bearing diff`: snapshots read from scripted repositories and compared.
@Suite struct DiffTests {
    static let today = Day(year: 2027, month: 2, day: 17)!

    static func state(_ label: String, _ files: some KnowledgeBaseFiles) async -> KnowledgeBaseChange.State {
        await KnowledgeBaseChange.State.load(files, label: label, today: today)
    }

    /// A KB in `kb/` of a repository: a goal, two briefs, a decision; then a second commit.
    static func repository() throws -> ScriptedRepository {
        let repo = try ScriptedRepository()
        try repo.write("README.md", "not part of the knowledge base\n")
        try repo.write("kb/goals/g-grow.md", "---\nstatus: active\nhorizon: year\nkey_results:\n  - {title: Customers, baseline: 0, target: 10, current: 2}\n---\n# Grow\n")
        try repo.write("kb/briefs/b-plan.md", "---\nstatus: draft\ngoals: [g-grow]\nreviewers: [ann]\nreview_by: 2027-02-20\n---\n# Plan\n\nFirst text.\n")
        try repo.write("kb/briefs/b-old.md", "---\nstatus: draft\ngoals: [g-grow]\n---\n# Old\n")
        try repo.write("kb/decisions/0001-use-x.md", "---\nstatus: proposed\ndate: 2027-02-10\ngoals: [g-grow]\n---\n# Use X\n")
        try repo.commit("base", date: "2027-02-01T09:00:00+00:00")
        try repo.write("kb/goals/g-grow.md", "---\nstatus: active\nhorizon: year\nkey_results:\n  - {title: Customers, baseline: 0, target: 10, current: 5}\n---\n# Grow\n")
        try repo.write("kb/briefs/b-plan.md", "---\nstatus: in-review\ngoals: [g-grow]\nreviewers: [ann]\nreview_by: 2027-02-20\n---\n# Plan\n\nSecond text, see [[nowhere]].\n")
        try repo.git("rm", "-q", "kb/briefs/b-old.md")
        try repo.write("kb/briefs/b-lonely.md", "---\nstatus: draft\n---\n# Lonely\n")
        try repo.git("mv", "kb/decisions/0001-use-x.md", "kb/decisions/0001-use-x-now.md")
        try repo.commit("change", date: "2027-02-08T09:00:00+00:00", author: "Bob Roe <bob@example.com>")
        return repo
    }

    @Test func aChangeBetweenTwoRevisionsIsDescribedDocumentByDocument() async throws {
        let repo = try Self.repository()
        let kb = repo.root.appendingPathComponent("kb").path
        let git = GitRunner()
        let base = await Self.state("HEAD~1", try GitSnapshot.files(at: "HEAD~1", root: kb, git: git))
        let head = await Self.state("HEAD", try GitSnapshot.files(at: "HEAD", root: kb, git: git))
        // Three git processes a revision, whatever the number of files.
        #expect(git.count == 6)
        #expect(base.kb.documents.map(\.path).sorted() == ["briefs/b-old.md", "briefs/b-plan.md", "decisions/0001-use-x.md", "goals/g-grow.md"])
        let change = KnowledgeBaseChange(from: base, to: head)
        #expect(change.added.map(\.id) == ["b-lonely"])
        #expect(change.removed.map(\.id) == ["b-old"])
        // The decision's file was renamed (so its id changed) without other change.
        #expect(change.renamed.map { "\($0.from) → \($0.to)" } == ["decisions/0001-use-x.md → decisions/0001-use-x-now.md"])
        #expect(change.status_changes.map { "\($0.document.id): \($0.from) → \($0.to)" } == ["b-plan: draft → in-review"])
        #expect(change.changed.map { "\($0.document.id): \($0.fields)" } == ["b-plan: [\"status\", \"body\"]", "g-grow: [\"key_results\"]"])
        #expect(change.progress_changes.map { "\($0.document.id): \($0.from ?? -1) → \($0.to ?? -1)" } == ["g-grow: 20 → 50"])
        #expect(change.new_orphans.map(\.id) == ["b-lonely"])
        #expect(change.new_diagnostics.map(\.rule).sorted() == ["orphan", "unresolved-reference"])
        #expect(change.newCount(.error) == 1 && change.newCount(.warning) == 1)
        // Work: b-old and b-plan and the decision before; b-plan, the decision and the orphan after.
        #expect(change.coverage.work_before == "3 of 3 (100%)")
        #expect(change.coverage.work_after == "2 of 3 (67%)")
        Golden.assert(ChangeRenderer.markdown(change), matches: "diff/change.md")
        Golden.assert(try ChangeRenderer.json(change), matches: "diff/change.json")
        #expect(ChangeRenderer.github(change, pathPrefix: try GitSnapshot.prefix(root: kb, git: git)).contains("::error file=kb/briefs/b-plan.md,line="))
    }

    @Test func theWorkTreeIsTheHeadWhenNoneIsGivenAndNoChangeSaysSo() async throws {
        let repo = try Self.repository()
        let kb = repo.root.appendingPathComponent("kb").path
        let git = GitRunner()
        let committed = await Self.state("HEAD", try GitSnapshot.files(at: "HEAD", root: kb, git: git))
        let workTree = await Self.state("work tree", FolderFiles(root: kb))
        let same = KnowledgeBaseChange(from: committed, to: workTree)
        #expect(same.isEmpty)
        #expect(ChangeRenderer.markdown(same).contains("No document changed."))
        #expect(ChangeRenderer.github(same).isEmpty)
        try repo.write("kb/briefs/b-lonely.md", "---\nstatus: draft\ngoals: [g-grow]\n---\n# Lonely\n")
        let fixed = KnowledgeBaseChange(from: committed, to: await Self.state("work tree", FolderFiles(root: kb)))
        #expect(fixed.resolved_orphans.map(\.id) == ["b-lonely"])
        #expect(fixed.fixed_diagnostics.map(\.rule) == ["orphan"])
        #expect(fixed.new_diagnostics.isEmpty)
    }

    @Test func unknownRevisionsAndFoldersOutsideGitAreFailures() throws {
        let repo = try Self.repository()
        #expect(throws: GitSnapshot.Failure.unknownRevision("no-such-branch")) {
            try GitSnapshot.files(at: "no-such-branch", root: repo.root.path, git: GitRunner())
        }
        #expect(throws: GitSnapshot.Failure.unknownRevision("--output=x")) {
            try GitSnapshot.files(at: "--output=x", root: repo.root.path, git: GitRunner())
        }
        let plain = FileManager.default.temporaryDirectory.appendingPathComponent("bearing-plain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: plain, withIntermediateDirectories: true)
        #expect(throws: GitSnapshot.Failure.self) { try GitSnapshot.files(at: "HEAD", root: plain.path, git: GitRunner()) }
    }
}
