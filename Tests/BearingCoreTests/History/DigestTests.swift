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

    /// Week 2027-W06 as a team lives it, with what made digests noisy: a brief serving a quarter goal
    /// and its year goal, a decision accepted on Wednesday and edited on Friday, the decision it
    /// supersedes, a note whose only change is `updated:`, a brief removed, an overdue review one
    /// reviewer has signed off. The first commit is on Wednesday 3 February (2027-W05).
    static func mondayRepository(baseURL: String? = nil) throws -> ScriptedRepository {
        let repo = try ScriptedRepository()
        try repo.write("kb/bearing.yml", "title: Acme\n" + (baseURL.map { "base_url: \($0)\n" } ?? ""))
        try repo.write("kb/people.yml", "people:\n  ann: {name: Ann Lee}\n  bob: {name: Bob Roe}\n  cy: {name: Cy Diaz}\n")
        try repo.write("kb/goals/g-year.md", "---\nstatus: active\nhorizon: year\n---\n# Grow the business\n")
        try repo.write("kb/goals/g-q1.md", "---\nstatus: active\nhorizon: quarter\nparent: g-year\n---\n# Win ten customers\n")
        try repo.write("kb/briefs/b-plan.md", "---\nstatus: draft\nowner: ann\ngoals: [g-q1, g-year]\n---\n# Plan\n")
        try repo.write("kb/briefs/b-gone.md", "---\nstatus: draft\nowner: ann\ngoals: [g-q1]\n---\n# Old idea\n")
        try repo.write("kb/decisions/0001-old.md", "---\nstatus: accepted\ndate: 2027-01-10\ngoals: [g-q1]\n---\n# Use the old way\n")
        try repo.write("kb/decisions/0002-new.md", "---\nstatus: proposed\ndate: 2027-01-20\ngoals: [g-q1]\ndecision-makers: [bob]\n---\n# Use the new way\n")
        try repo.write("kb/notes/n-log.md", "---\nupdated: 2027-02-03\n---\n# Log\n\nWhat we do.\n")
        try repo.commit("first", date: "2027-02-03T09:00:00+00:00")
        try repo.write("kb/briefs/b-plan.md", "---\nstatus: in-review\nowner: ann\ngoals: [g-q1, g-year]\nreviewers: [bob, cy]\nreview_by: 2027-02-10\n---\n# Plan\n")
        try repo.write("kb/notes/n-log.md", "---\nupdated: 2027-02-09\n---\n# Log\n\nWhat we do.\n")
        try repo.commit("plan to review", date: "2027-02-09T09:00:00+00:00")
        try repo.write("kb/decisions/0001-old.md", "---\nstatus: superseded\nsuperseded_by: 0002-new\ndate: 2027-01-10\ngoals: [g-q1]\n---\n# Use the old way\n")
        try repo.write("kb/decisions/0002-new.md", "---\nstatus: accepted\nsupersedes: [0001-old]\ndate: 2027-01-20\ngoals: [g-q1]\ndecision-makers: [bob]\n---\n# Use the new way\n")
        try repo.git("rm", "-q", "kb/briefs/b-gone.md")
        try repo.commit("the new way", date: "2027-02-10T10:00:00+00:00", author: "Bob Roe <bob@example.com>")
        try repo.write("kb/briefs/b-plan.md", "---\nstatus: in-review\nowner: ann\ngoals: [g-q1, g-year]\nreviewers: [bob, cy]\nreview_by: 2027-02-10\napprovals:\n  - {by: cy, date: 2027-02-11}\n---\n# Plan\n")
        try repo.commit("cy signs off", date: "2027-02-11T15:00:00+00:00", author: "Cy Diaz <cy@example.com>")
        try repo.write("kb/decisions/0002-new.md", "---\nstatus: accepted\nsupersedes: [0001-old]\ndate: 2027-01-20\ngoals: [g-q1]\ndecision-makers: [bob]\n---\n# Use the new way\n\n## Consequences\n\nFaster.\n")
        try repo.commit("consequences", date: "2027-02-12T11:00:00+00:00", author: "Bob Roe <bob@example.com>")
        try repo.write("kb/briefs/b-plan.md", "---\nstatus: approved\nowner: ann\ngoals: [g-q1, g-year]\n---\n# Plan\n")
        try repo.commit("after the week", date: "2027-02-16T09:00:00+00:00")
        return repo
    }

    static func mondayDigest(_ repo: ScriptedRepository, week: String = "2027-W06", git: GitRunner = GitRunner()) async throws -> WeeklyDigest {
        let period = try #require(Period.parse(week))
        return await DigestBuilder.build(root: repo.root.appendingPathComponent("kb").path, since: period.start, until: period.end,
                                         period: period.text, git: git)
    }

    @Test func eachItemIsListedOnceUnderItsNearestGoal() async throws {
        let digest = try await Self.mondayDigest(try Self.mondayRepository())
        let listed = digest.groups.flatMap(\.changes).map(\.document.id)
        #expect(listed.sorted() == Array(Set(listed)).sorted(), "listed twice: \(listed)")
        let quarter = try #require(digest.groups.first { $0.goal?.id == "g-q1" })
        #expect(quarter.changes.map(\.document.id).contains("b-plan"))
        #expect(!digest.groups.contains { $0.goal?.id == "g-year" })
    }

    @Test func decisionsMadeAreThoseAcceptedInTheWindowDatedByTheChange() async throws {
        let git = GitRunner()
        let digest = try await Self.mondayDigest(try Self.mondayRepository(), git: git)
        // 0001 was only superseded; 0002 was accepted on Wednesday (its `date:` says January) and edited on Friday.
        #expect(digest.decisions.map(\.document.id) == ["0002-new"])
        #expect(digest.decisions.first?.note == "2027-02-10")
        #expect(git.count == 11)   // one `cat-file --batch` reads 0002's two versions of the week
        #expect(!DigestRenderer.markdown(digest).contains("Use the old way** (decision, superseded) on"))
    }

    @Test func nobodyIsAskedTwiceForTheSameItem() async throws {
        let digest = try await Self.mondayDigest(try Self.mondayRepository())
        for person in digest.needs_action {
            let items = person.overdue.map(\.id) + person.reviews.map(\.id) + person.decides.map(\.id)
            #expect(items.count == Set(items).count, "\(person.id): \(items)")
        }
        // Bob owes the overdue review; Cy has signed it off and owes nothing.
        #expect(digest.needs_action.map(\.id) == ["ann", "bob"])
    }

    @Test func bookkeepingFieldsAreNotChanges() async throws {
        let digest = try await Self.mondayDigest(try Self.mondayRepository())
        let lines = digest.groups.flatMap(\.changes)
        #expect(!lines.contains { $0.document.id == "n-log" }, "a note whose only change is updated: is listed")
        #expect(!lines.contains { $0.what.contains("updated") || $0.what.contains("created") })
    }

    @Test func noDigestBeforeTheFirstCommit() async throws {
        let repo = try Self.mondayRepository()
        let root = repo.root.appendingPathComponent("kb").path
        let today = Day(year: 2027, month: 2, day: 17)!
        let current = await KnowledgeBaseChange.State.load(FolderFiles(root: root), label: "files", today: today)
        let digests = await DigestBuilder.build(root: root, periods: DigestBuilder.recentWeeks(4, before: today), git: GitRunner(), current: current)
        // The first commit is on 3 February: W05 is the first week with history, W04 and W03 have none.
        #expect(digests.map(\.period) == ["2027-W06", "2027-W05"])
    }

    /// The site's list of digests, its dashboard and its feed said "1 decisions made": the digest
    /// gives its counts in words, in the right number, for every form and page to use.
    @Test func countsAreInTheRightNumber() async throws {
        let one = try await Self.mondayDigest(try Self.repository())   // one decision made in 2027-W06
        #expect(one.summary == "4 changes, 1 decision made, 2 status changes")
        #expect(DigestRenderer.markdown(one).contains("\n4 changes, 1 decision made, 2 status changes.\n"))
        let monday = try await Self.mondayDigest(try Self.mondayRepository())
        #expect(monday.summary == "4 changes, 1 decision made, 3 status changes, 1 sign-off")
    }

    @Test func withoutBaseURLTheDigestLinksNothingAndWithItEveryForm() async throws {
        let plain = try await Self.mondayDigest(try Self.mondayRepository())
        #expect(!DigestRenderer.markdown(plain).contains("](") && !DigestRenderer.html(plain).contains("<a "))
        #expect(!(try DigestRenderer.json(plain)).contains("\"link\""))
        let repo = try Self.mondayRepository(baseURL: "https://example.com/kb")
        let linked = try await Self.mondayDigest(repo)
        let markdown = DigestRenderer.markdown(linked)
        #expect(markdown.contains("- **[Plan](https://example.com/kb/briefs/b-plan.html)** (brief, in-review): approvals, review_by, reviewers, status"
            + " · also serves [Grow the business](https://example.com/kb/goals/g-year.html)\n"))
        #expect(markdown.contains("**Bob Roe**: overdue: [Plan](https://example.com/kb/briefs/b-plan.html)\n"))
        #expect(DigestRenderer.html(linked).contains("<a href=\"https://example.com/kb/briefs/b-plan.html\">Plan</a>"))
        #expect(try DigestRenderer.json(linked).contains("\"link\": \"https://example.com/kb/briefs/b-plan.html\""))
        // A document removed has no page to link to: named, not linked (nor in the week it was added, now that it is gone).
        #expect(markdown.contains("- **Old idea** (brief, draft): removed\n"))
        let added = try await Self.mondayDigest(repo, week: "2027-W05")
        #expect(DigestRenderer.markdown(added).contains("- **Old idea** (brief, draft): added\n"))
        #expect(DigestRenderer.markdown(added).contains("[Plan](https://example.com/kb/briefs/b-plan.html)"))
    }

    @Test func signOffsMadeInTheWeekAndReviewsStillOwed() async throws {
        let digest = try await Self.mondayDigest(try Self.mondayRepository())
        #expect(digest.sign_offs.map { "\($0.document.id) \($0.by.id) \($0.date?.description ?? "-")" } == ["b-plan cy 2027-02-11"])
        let late = try #require(digest.late.first { $0.document.id == "b-plan" })
        #expect(late.awaiting?.map(\.id) == ["bob"] && late.signed_off?.map(\.id) == ["cy"])
        let markdown = DigestRenderer.markdown(digest)
        #expect(markdown.contains("## Sign-offs\n\n- **Plan** (brief, in-review): Cy Diaz on 2027-02-11\n"))
        #expect(markdown.contains("- **Plan** (brief, in-review): review overdue 4 d · awaiting Bob Roe; signed off: Cy Diaz\n"))
    }

    /// The newest weekly page is the last complete week; a week asked for while it lasts says so.
    @Test func theWeekInProgressIsMarked() async throws {
        let repo = try Self.mondayRepository()
        let today = Day(year: 2027, month: 2, day: 17)!
        #expect(DigestBuilder.recentWeeks(1, before: today).map(\.text) == ["2027-W06"])
        let week = try #require(Period.parse("2027-W07"))
        let digest = await DigestBuilder.build(root: repo.root.appendingPathComponent("kb").path, since: week.start, until: week.end,
                                               period: week.text, git: GitRunner(), today: today)
        #expect(digest.in_progress && digest.as_of == today)
        let markdown = DigestRenderer.markdown(digest)
        #expect(markdown.hasPrefix("# Acme: week 2027-W07 (in progress)\n\n*2027-02-15 to 2027-02-21, so far (to 2027-02-17)*\n"))
        #expect(DigestRenderer.html(digest).contains("<title>Acme: week 2027-W07 (in progress)</title>"))
        let past = try await Self.mondayDigest(repo)
        #expect(!past.in_progress && past.as_of == past.until)
    }

    /// `history: off`: the repository around the knowledge base is another project's.
    @Test func historyOffReadsNoCommits() async throws {
        let repo = try Self.mondayRepository()
        try repo.write("kb/bearing.yml", "title: Acme\nhistory: off\n")
        let git = GitRunner()
        let week = try #require(Period.parse("2027-W06"))
        let digest = await DigestBuilder.build(root: repo.root.appendingPathComponent("kb").path, since: week.start, until: week.end,
                                               period: week.text, git: git)
        #expect(git.count == 0 && digest.source == "dates" && digest.contributors.isEmpty)
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
        // The first commit is on 3 February: 2027-W04 has no digest.
        #expect(digests.map(\.period) == ["2027-W06", "2027-W05"])
        #expect(files["digests/index.html"] != nil && files["digests/2027-w06.html"] != nil && files["digests/2027-w05.html"] != nil)
        #expect(files["digests/2027-w04.html"] == nil)
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
