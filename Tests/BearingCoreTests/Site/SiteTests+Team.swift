import Foundation
import Testing
@testable import BearingCore

/// Reader-first pages and "who must act now" (issue 13), on Fixtures/site/team: a year goal, two
/// quarter goals (at risk, off track and stale), a brief in review past its date with one of three
/// sign-offs, retired decisions whose successor is named on either side, a pending decision.
extension SiteTests {
    static let team = Fixtures.path("site/team")

    /// The part of `page` from `start` to the first `end` after it ("" when missing).
    static func part(_ page: String, from start: String, to end: String) -> String {
        guard let a = page.range(of: start) else { return "" }
        let rest = page[a.lowerBound...]
        guard let b = rest.range(of: end) else { return String(rest) }
        return String(rest[..<b.upperBound])
    }

    /// Whether `a` occurs in `text`, before the first `b` (or `b` does not).
    static func isBefore(_ a: String, _ b: String, in text: String) -> Bool {
        guard let first = text.range(of: a) else { return false }
        return text.range(of: b).map { first.lowerBound < $0.lowerBound } ?? true
    }

    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test func teamPagesMatchGolden() async throws {
        let site = try await Self.build(Self.team)
        for page in ["index.html", "briefs/b-review.html", "decisions/0001-use-spreadsheets.html", "goals/g-quarter.html", "boards/brief.html"] {
            Golden.assert(Self.text(site, page), matches: "site/golden/team/\(page)")
        }
    }

    @Test func aRetiredDecisionOpensWithABannerNamingItsSuccessor() async throws {
        let site = try await Self.build(Self.team)
        // Named only on the successor's side (0003 supersedes 0001): linked, above the title.
        let old = Self.text(site, "decisions/0001-use-spreadsheets.html")
        let banner = Self.part(old, from: "<div class=\"banner", to: "</div>")
        #expect(banner.contains("This decision was superseded by</strong> <a href=\"../decisions/0003-use-a-crm.html\">ADR-0003: Use a CRM for leads</a>."))
        #expect(Self.isBefore("class=\"banner", "<h1>", in: old))
        // Named on both sides: once.
        let paper = Self.part(Self.text(site, "decisions/0006-paper-forms.html"), from: "<div class=\"banner", to: "</div>")
        #expect(Self.count("0003-use-a-crm.html", in: paper) == 1)
        // Deprecated and rejected, with no successor: said so.
        #expect(Self.text(site, "decisions/0002-weekly-reports.html").contains("<strong>This decision was deprecated.</strong> No decision replaces it."))
        #expect(Self.text(site, "decisions/0004-build-our-own-crm.html").contains("<strong>This decision was rejected.</strong> No decision replaces it."))
        // Current decisions have none.
        for page in ["decisions/0003-use-a-crm.html", "decisions/0005-hire-a-partner-manager.html"] {
            #expect(!Self.text(site, page).contains("class=\"banner"), "\(page)")
        }
    }

    @Test func everyPageShowsOneChainTopGoalFirst() async throws {
        let site = try await Self.build(Self.team)
        func chain(_ page: String) -> String { Self.part(Self.text(site, page), from: "<nav class=\"chain\"", to: "</nav>") }
        // A brief serving a quarter goal and its year goal: one row, year first.
        let brief = chain("briefs/b-review.html")
        #expect(Self.count("<nav class=\"chain\"", in: Self.text(site, "briefs/b-review.html")) == 1)
        #expect(Self.count("<ol>", in: brief) == 1 && Self.count("Grow the business", in: brief) == 1)
        #expect(brief.contains("<li><a href=\"../goals/g-year.html\">Grow the business</a></li><li><a href=\"../goals/g-quarter.html\">Win ten new customers</a></li><li><span aria-current=\"page\">Partner referral programme</span></li>"))
        // A decision serving two quarter goals of one year goal: the year once, the quarters side by side.
        let decision = chain("decisions/0003-use-a-crm.html")
        #expect(Self.count("Grow the business", in: decision) == 1)
        #expect(decision.contains("<li><a href=\"../goals/g-year.html\">Grow the business</a></li><li><a href=\"../goals/g-quarter.html\">Win ten new customers</a><span class=\"and\"> · </span><a href=\"../goals/g-quarter-two.html\">Cut churn in half</a></li><li><span aria-current=\"page\">"))
        // A goal: its parents, top first.
        #expect(chain("goals/g-quarter.html").contains("<li><a href=\"../goals/g-year.html\">Grow the business</a></li><li><span aria-current=\"page\">Win ten new customers</span></li>"))
        #expect(chain("goals/g-year.html").isEmpty)
        // The example: no page has two chains.
        let northwind = try await Self.build(Self.northwind)
        for (path, data) in Self.files(northwind) where path.hasSuffix(".html") {
            #expect(Self.count("<nav class=\"chain\"", in: String(decoding: data, as: UTF8.self)) <= 1, "\(path)")
        }
    }

    @Test func chainsMergeSharedGoals() {
        // Nearest first in, top first out.
        #expect(AlignmentChain.rows([["q", "y"]]) == [[["y"], ["q"]]])
        #expect(AlignmentChain.rows([["q", "y"], ["y"]]) == [[["y"], ["q"]]])
        #expect(AlignmentChain.rows([["a", "y"], ["b", "y"]]) == [[["y"], ["a", "b"]]])
        #expect(AlignmentChain.rows([["q", "y"], ["r"]]) == [[["y"], ["q"]], [["r"]]])
        #expect(AlignmentChain.rows([["q", "y"], ["q", "y"]]) == [[["y"], ["q"]]])
        #expect(AlignmentChain.rows([[]]) == [])
    }

    @Test func wikilinksWithoutALabelShowTheTitle() async throws {
        let site = try await Self.build(Self.team)
        let page = Self.text(site, "briefs/b-review.html")
        #expect(page.contains("Serves <a href=\"../goals/g-quarter.html\">Win ten new customers</a> and"))
        #expect(page.contains("<a href=\"../goals/g-year.html\">the year&#39;s goal</a>") || page.contains("<a href=\"../goals/g-year.html\">the year's goal</a>"))
        #expect(page.contains("<a href=\"../goals/g-quarter.html#key-results\">Win ten new customers › Key results</a>"))
        #expect(!page.contains(">g-quarter</a>"))
    }

    @Test func aDocumentIsListedOnceInTheSidebar() async throws {
        let site = try await Self.build(Self.team)
        // b-review works toward g-quarter, serves it (a backlink) and mentions it in its body.
        let aside = Self.part(Self.text(site, "goals/g-quarter.html"), from: "<aside", to: "</aside>")
        #expect(aside.contains("Work toward this goal"))
        #expect(Self.count("href=\"../briefs/b-review.html\"", in: aside) == 1)
        // Finished work is not under "Work toward this goal": it stays a backlink.
        #expect(Self.count("href=\"../decisions/0004-build-our-own-crm.html\"", in: aside) == 1)
        let names = LinkScan.references(in: aside).filter { $0.hasSuffix(".html") }
        #expect(names.count == Set(names).count, "\(names)")
    }

    @Test func editThisPageFollowsTheRepositoryURL() async throws {
        let site = try await Self.build(Self.team)
        #expect(Self.text(site, "briefs/b-review.html").contains("<a class=\"edit\" href=\"https://github.com/acme/handbook/edit/main/kb/briefs/b-review.md\">Edit this page</a>"))
        #expect(!Self.text(try await Self.build(Self.basic), "goals/g-one.html").contains("Edit this page"))
        #expect(EditLink.url(base: "https://x.org/edit", path: "notes/a b#1?.md") == "https://x.org/edit/notes/a%20b%231%3F.md")
    }

    @Test(arguments: [
        ("git@github.com:acme/kb.git", "acme/kb"), ("https://github.com/acme/kb", "acme/kb"), ("https://github.com/acme/kb.git/", "acme/kb"),
        ("ssh://git@github.com/acme/kb.git", "acme/kb"), ("https://user@github.com/acme/k.b", "acme/k.b"),
        ("https://gitlab.com/acme/kb.git", nil), ("git@example.com:acme/kb.git", nil), ("https://github.com/acme", nil), ("/srv/kb.git", nil),
    ] as [(String, String?)])
    func gitHubRemotes(remote: String, repository: String?) {
        #expect(EditLink.gitHubRepository(remote) == repository)
    }

    @Test func gitSuppliesTheEditLinkAndSaysWhereDatesCameFrom() async throws {
        let repository = try ScriptedRepository()
        try repository.write("kb/goals/g.md", "---\nstatus: active\n---\n\n# A goal\n")
        try repository.write("kb/goals/dated.md", "---\nstatus: active\ncreated: 2027-01-02\nupdated: 2027-01-03\n---\n\n# Dated\n")
        try repository.git("add", ".")
        try repository.git("commit", "-q", "-m", "first", date: "2027-02-01T10:00:00+00:00")
        try repository.write("kb/goals/g.md", "---\nstatus: active\n---\n\n# A goal\n\nMore.\n")
        try repository.git("commit", "-q", "-am", "second", date: "2027-02-10T10:00:00+00:00")
        try repository.git("remote", "add", "origin", "git@github.com:acme/handbook.git")
        let root = repository.root.appendingPathComponent("kb").path
        let git = GitRunner()
        let result = try await KnowledgeBaseLoader.load(root: root, today: Fixtures.today, markdown: .init(renderHTML: true), git: git)
        let analysis = await AlignmentAnalysis.make(result.knowledgeBase, diagnostics: result.diagnostics, today: Fixtures.today)
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("bearing-site-\(UUID().uuidString)/site")
        let writer = try SiteWriter(output: output.path, source: root)
        let before = git.count
        let builder = SiteBuilder(kb: result.knowledgeBase, analysis: analysis, diagnostics: result.diagnostics, templates: .defaults,
                                  source: root, git: git)
        #expect(git.count == before + 1, "one git process for the edit link")
        try await builder.build(into: writer)
        try writer.commit()
        let page = Self.text(output, "goals/g.html")
        #expect(page.contains("href=\"https://github.com/acme/handbook/edit/main/kb/goals/g.md\">Edit this page</a>"))
        #expect(page.contains("<dt>Created</dt>\n          <dd>2027-02-01 <span class=\"date-source\">(first commit)</span></dd>"))
        #expect(page.contains("<dt>Updated</dt>\n          <dd>2027-02-10 <span class=\"date-source\">(last commit)</span></dd>"))
        // Dates from front matter say nothing more.
        let dated = Self.text(output, "goals/dated.html")
        #expect(dated.contains("<dd>2027-01-03</dd>") && !dated.contains("date-source"))
        // Another branch, with a slash; a detached checkout (CI) edits the default branch.
        try repository.git("checkout", "-q", "-b", "feature/x")
        #expect(EditLink.gitHubBase(source: root, git: git) == "https://github.com/acme/handbook/edit/feature/x/kb")
        try repository.git("checkout", "-q", "--detach")
        #expect(EditLink.gitHubBase(source: root, git: git) == "https://github.com/acme/handbook/edit/HEAD/kb")
        // Without git, or with `history: off`: no link from the remote.
        #expect(EditLink.base(configuration: result.knowledgeBase.configuration, source: root, git: nil) == nil)
        var off = result.knowledgeBase.configuration
        off.history = false
        #expect(EditLink.base(configuration: off, source: root, git: git) == nil)
    }

    @Test func goalPagesShowHealthBesideTheirStatus() async throws {
        let site = try await Self.build(Self.team)
        func status(_ page: String) -> String { Self.part(Self.text(site, page), from: "<p class=\"doc-status\">", to: "</p>") }
        #expect(status("goals/g-quarter.html").contains("<span class=\"status s-active\">active</span> <span class=\"health h-at-risk\">at risk</span>"))
        #expect(status("goals/g-quarter-two.html").contains("<span class=\"health h-off-track\">off track</span>"))
        #expect(status("goals/g-year.html").contains("<span class=\"health h-on-track\">on track</span>"))
    }

    @Test func briefPagesShowSignedOffAndAwaitedReviewers() async throws {
        let site = try await Self.build(Self.team)
        let review = Self.part(Self.text(site, "briefs/b-review.html"), from: "<section class=\"review-panel\"", to: "</section>")
        #expect(review.contains("1 of 3 reviewers signed off · review by <time datetime=\"2027-02-10\">2027-02-10</time> <span class=\"tag warn\">overdue 7 d</span>"))
        #expect(review.contains("<li class=\"signed\"><span class=\"mark\" aria-hidden=\"true\">✓</span> <a href=\"../people/bo.html\">Bo Chen</a> <span class=\"state\">signed off on <time datetime=\"2027-02-08\">2027-02-08</time></span> — <q>Ship it</q></li>"))
        #expect(review.contains("<a href=\"../people/cy.html\">Cy Park</a> <span class=\"state\">sign-off awaited</span>"))
        #expect(review.contains("<a href=\"../people/dee.html\">Dee Moss</a> <span class=\"state\">sign-off awaited</span>"))
        // Not again in the details panel, as reviewers or as an unknown field.
        #expect(!Self.text(site, "briefs/b-review.html").contains("<dt>Reviewers</dt>"))
        #expect(!Self.text(site, "briefs/b-review.html").contains("<dt>approvals</dt>"))
    }

    @Test func theDashboardOpensWithWhoMustAct() async throws {
        let site = try await Self.build(Self.team)
        let page = Self.text(site, "index.html")
        let act = Self.part(page, from: "<section id=\"act-now\"", to: "\n  </section>\n")
        // First, before the metrics.
        #expect(Self.isBefore("id=\"act-now\"", "id=\"summary\"", in: page))
        // The overdue review, with the reviewers who still owe it (not the one who signed off).
        let reviews = Self.part(act, from: "act-reviews", to: "</section>")
        #expect(reviews.contains("Partner referral programme</a> <span class=\"tag warn\">overdue 7 d</span>"))
        #expect(reviews.contains("Sign-off awaited from: <a href=\"people/cy.html\">Cy Park</a>, <a href=\"people/dee.html\">Dee Moss</a>"))
        #expect(!reviews.contains("Bo Chen"))
        // The decision awaiting its deciders, pending for 38 days.
        let decisions = Self.part(act, from: "act-decisions", to: "</section>")
        #expect(decisions.contains("Hire a partner manager</a> <span class=\"tag warn\">pending 38 d</span>"))
        #expect(decisions.contains("Decision awaited from: <a href=\"people/cy.html\">Cy Park</a>, <a href=\"people/dee.html\">Dee Moss</a>"))
        // Goals off track, then at risk, with owners; the stale one marked, not listed twice.
        let goals = Self.part(act, from: "act-goals", to: "</section>")
        #expect(Self.isBefore("Cut churn in half", "Win ten new customers", in: goals))
        #expect(goals.contains("Cut churn in half</a> <span class=\"tag err\">off track</span> <span class=\"tag warn\">not updated for 78 d</span>"))
        #expect(goals.contains("Owner: <a href=\"people/bo.html\">Bo Chen</a>"))
        #expect(!act.contains("act-stale"))
        for id in ["b-review", "0005-hire-a-partner-manager", "g-quarter-two", "g-quarter"] {
            #expect(Self.count("/\(id).html\"", in: act) == 1, "\(id)")
        }
        // Metrics follow; the report's other lists are counted, not repeated.
        #expect(!page.contains("id=\"attention\""))
    }

    @Test func aDashboardWithNobodyToActSaysSo() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bearing-kb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("goals"), withIntermediateDirectories: true)
        try "---\nstatus: active\nhealth: on-track\nupdated: 2027-02-16\n---\n\n# Fine\n".write(
            to: root.appendingPathComponent("goals/g.md"), atomically: false, encoding: .utf8)
        let page = Self.text(try await Self.build(root.path), "index.html")
        #expect(page.contains("<h2 id=\"act-h\">Who must act now</h2>\n    <p class=\"none\">Nobody needs to act now"))
        #expect(!page.contains("act-group"))
    }

    @Test func boardCardsShowReviewDatesAndOverdueMarks() async throws {
        let site = try await Self.build(Self.team)
        let board = Self.text(site, "boards/brief.html")
        let overdue = Self.part(board, from: "<li class=\"card overdue\"><a href=\"../briefs/b-review.html\">", to: "</li>")
        #expect(overdue.contains("<span class=\"card-due\">review by <time datetime=\"2027-02-10\">2027-02-10</time> <span class=\"tag warn overdue-mark\">overdue 7 d</span></span>"))
        let draft = Self.part(board, from: "<li class=\"card\"><a href=\"../briefs/b-draft.html\">", to: "</li>")
        #expect(draft.contains("review by <time datetime=\"2027-03-01\">2027-03-01</time></span>") && !draft.contains("overdue"))
    }
}

extension SiteTests {
    /// A reviewer who signed off finds the brief on their page, as signed off, not as awaited.
    @Test func aPersonPageListsTheirSignOffs() async throws {
        let site = try await Self.build(Self.team)
        let page = Self.text(site, "people/bo.html")
        #expect(page.contains("Signed off"))
        #expect(page.contains("b-review") || page.contains("briefs/b-review.html"))
    }
}
