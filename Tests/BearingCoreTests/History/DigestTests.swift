import Foundation
import Testing
@testable import BearingCore

/// `bearing digest`: a scripted week of commits.
@Suite struct DigestTests {
    /// Week 2027-W06 runs from Monday 8 to Sunday 14 February 2027.
    static func repository() throws -> ScriptedRepository {
        let repo = try ScriptedRepository()
        try repo.write("kb/bearing.yml", "title: Acme\n")
        try repo.write("kb/people.yml", "people:\n  ann: {name: Ann Lee}\n  bob: {name: Bob Roe}\n")
        try repo.write("kb/goals/g-grow.md", "---\nstatus: active\nhorizon: year\nkey_results:\n  - {title: Customers, baseline: 0, target: 10, current: 2}\n---\n# Grow\n")
        try repo.write("kb/briefs/b-plan.md", "---\nstatus: draft\nowner: ann\ngoals: [g-grow]\n---\n# Plan\n")
        try repo.write("kb/decisions/0001-use-x.md", "---\nstatus: proposed\ndate: 2027-02-01\ngoals: [g-grow]\ndecision-makers: [bob]\n---\n# Use X\n")
        try repo.commit("before the week", date: "2027-02-03T09:00:00+00:00")
        try repo.write("kb/briefs/b-plan.md", "---\nstatus: in-review\nowner: ann\ngoals: [g-grow]\nreviewers: [bob]\nreview_by: 2027-02-18\n---\n# Plan\n")
        try repo.commit("plan to review", date: "2027-02-09T09:00:00+00:00", author: "Ann Lee <ann@example.com>")
        try repo.write("kb/goals/g-grow.md", "---\nstatus: active\nhorizon: year\nkey_results:\n  - {title: Customers, baseline: 0, target: 10, current: 6}\n---\n# Grow\n")
        try repo.write("kb/decisions/0001-use-x.md", "---\nstatus: accepted\ndate: 2027-02-11\ngoals: [g-grow]\ndecision-makers: [bob]\n---\n# Use X\n")
        try repo.write("kb/notes/n-week.md", "---\nstatus: draft\n---\n# Week notes\n")
        try repo.commit("progress and a decision", date: "2027-02-11T16:00:00+00:00", author: "Bob Roe <bob@example.com>")
        try repo.write("kb/briefs/b-plan.md", "---\nstatus: approved\nowner: ann\ngoals: [g-grow]\n---\n# Plan\n")
        try repo.commit("after the week", date: "2027-02-16T09:00:00+00:00")
        return repo
    }

    @Test func aWeekOfCommitsGroupedByGoal() async throws {
        let repo = try Self.repository()
        let git = GitRunner()
        let week = try #require(Period.parse("2027-W06"))
        let digest = await DigestBuilder.build(root: repo.root.appendingPathComponent("kb").path, since: week.start, until: week.end,
                                               period: week.text, git: git)
        #expect(git.count <= 10)
        #expect(digest.source == "git")
        #expect(digest.title == "Acme")
        #expect(digest.groups.map { $0.goal?.id ?? "-" } == ["g-grow", "-"])
        #expect(digest.groups[0].changes.map { "\($0.document.id): \($0.what)" }.sorted()
            == ["0001-use-x: date, status", "b-plan: review_by, reviewers, status", "g-grow: key_results"])
        #expect(digest.groups[1].changes.map { "\($0.document.id): \($0.what)" } == ["n-week: added"])
        #expect(digest.status_changes.map { "\($0.document.id): \($0.from) → \($0.to)" }.sorted()
            == ["0001-use-x: proposed → accepted", "b-plan: draft → in-review"])
        #expect(digest.progress_changes.map { "\($0.from ?? -1) → \($0.to ?? -1)" } == ["20 → 60"])
        #expect(digest.decisions.map(\.document.id) == ["0001-use-x"])
        // As of the week's end: the plan (in review, due on the 18th) is due next week, Bob reviews it.
        #expect(digest.reviews_due.map(\.document.id) == ["b-plan"])
        #expect(digest.needs_action.map(\.id) == ["bob"])
        #expect(digest.contributors.map { "\($0.name) \($0.commits)" } == ["Ann Lee 1", "Bob Roe 1"])
        Golden.assert(DigestRenderer.markdown(digest), matches: "digest/week.md")
        Golden.assert(try DigestRenderer.json(digest), matches: "digest/week.json")
        let html = DigestRenderer.html(digest)
        #expect(html.contains("<title>Acme: week 2027-W06</title>") && html.contains("<h1 id=") && !html.contains("bearing:"))
    }

    @Test func withoutGitTheDocumentsDatesSay() async throws {
        let repo = try Self.repository()
        try repo.write("kb/notes/n-dated.md", "---\ncreated: 2027-02-10\n---\n# Dated in the week\n")
        try repo.write("kb/notes/n-updated.md", "---\ncreated: 2026-01-01\nupdated: 2027-02-12\n---\n# Updated in the week\n")
        let week = try #require(Period.parse("2027-W06"))
        let digest = await DigestBuilder.build(root: repo.root.appendingPathComponent("kb").path, since: week.start, until: week.end,
                                               period: week.text, git: nil)
        #expect(digest.source == "dates")
        #expect(digest.status_changes.isEmpty && digest.contributors.isEmpty)
        #expect(digest.groups.flatMap(\.changes).map { "\($0.document.id): \($0.what)" }.sorted() == ["n-dated: added", "n-updated: updated"])
        #expect(DigestRenderer.markdown(digest).contains("(no git history: changes found by the documents' dates)"))
    }

    @Test func aShallowCloneFallsBackToTheDocumentsDates() async throws {
        let repo = try Self.repository()
        let clone = FileManager.default.temporaryDirectory.appendingPathComponent("bearing-shallow-\(UUID().uuidString)")
        try repo.git("clone", "-q", "--depth", "1", "file://" + repo.root.path, clone.path)
        let week = try #require(Period.parse("2027-W06"))
        let digest = await DigestBuilder.build(root: clone.appendingPathComponent("kb").path, since: week.start, until: week.end,
                                               period: week.text, git: GitRunner())
        #expect(digest.source == "dates")
        #expect(!digest.groups.flatMap(\.changes).contains { $0.what == "added" && $0.document.id == "g-grow" })
    }

    @Test func aWeekBeforeTheFirstCommitIsEmpty() async throws {
        let repo = try Self.repository()
        let week = try #require(Period.parse("2026-W40"))
        let digest = await DigestBuilder.build(root: repo.root.appendingPathComponent("kb").path, since: week.start, until: week.end,
                                               period: week.text, git: GitRunner())
        #expect(digest.groups.isEmpty && digest.decisions.isEmpty)
        #expect(DigestRenderer.markdown(digest).contains("Nothing changed this week."))
    }

    @Test func theSitePublishesEachWeeksDigestAndTheLatestOnTheDashboard() async throws {
        let repo = try Self.repository()
        let root = repo.root.appendingPathComponent("kb").path
        let today = Day(year: 2027, month: 2, day: 17)!
        let result = try await KnowledgeBaseLoader.load(root: root, today: today, markdown: .init(renderHTML: true), git: GitRunner())
        let analysis = await AlignmentAnalysis.make(result.knowledgeBase, diagnostics: result.diagnostics, today: today)
        let current = KnowledgeBaseChange.State(label: "files", kb: result.knowledgeBase, diagnostics: result.diagnostics, analysis: analysis)
        let weeks = DigestBuilder.recentWeeks(3, before: today)
        #expect(weeks.map(\.text) == ["2027-W06", "2027-W05", "2027-W04"])
        let digests = await DigestBuilder.build(root: root, periods: weeks, git: GitRunner(), current: current)
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("bearing-site-\(UUID().uuidString)/site")
        let writer = try SiteWriter(output: output.path, source: root)
        try await SiteBuilder(kb: result.knowledgeBase, analysis: analysis, diagnostics: result.diagnostics, templates: .defaults,
                              source: root, digests: digests).build(into: writer)
        try writer.commit()
        let files = SiteTests.files(output)
        #expect(files["digests/index.html"] != nil && files["digests/2027-w06.html"] != nil && files["digests/2027-w04.html"] != nil)
        let page = SiteTests.text(output, "digests/2027-w06.html")
        #expect(page.contains("<a href=\"../briefs/b-plan.html\">Plan</a>"))
        #expect(page.contains("rel=\"prev\" href=\"../digests/2027-w05.html\""))
        #expect(SiteTests.text(output, "index.html").contains("<a href=\"digests/2027-w06.html\">Digest of week 2027-W06</a>"))
        #expect(SiteTests.text(output, "feed.xml").contains("<title>Digest: week 2027-W06</title>"))
        // The documents' pages name their authors, from git.
        #expect(SiteTests.text(output, "briefs/b-plan.html").contains("<dt>Authors</dt>"))
        for (path, data) in files where path.hasSuffix(".html") {
            for link in LinkScan.references(in: String(decoding: data, as: UTF8.self)) {
                guard let target = LinkScan.resolve(link, from: path) else { continue }
                #expect(files[target.path] != nil, "\(path): \(link)")
            }
        }
    }
}
