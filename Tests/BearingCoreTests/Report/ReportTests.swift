import Foundation
import Testing
@testable import BearingCore

/// The report on fixture KBs that each isolate metrics (Fixtures/report/<case>/), and on the example.
@Suite struct ReportTests {
    static func report(_ root: String, options: ReportOptions = .init()) async throws -> (Report, AlignmentAnalysis) {
        let result = try await KnowledgeBaseLoader.load(root: root, today: Fixtures.today)
        let analysis = await AlignmentAnalysis.make(result.knowledgeBase, diagnostics: result.diagnostics, today: Fixtures.today)
        #expect(analysis.chains == AlignmentAnalysis(result.knowledgeBase, diagnostics: result.diagnostics, today: Fixtures.today).chains)
        let report = await ReportBuilder(kb: result.knowledgeBase, analysis: analysis, diagnostics: result.diagnostics, options: options).build()
        return (report, analysis)
    }

    static func fixture(_ name: String, options: ReportOptions = .init()) async throws -> (Report, AlignmentAnalysis) {
        try await report(Fixtures.path("report/\(name)"), options: options)
    }

    /// The default theme with a one-line style sheet: the fixtures' HTML goldens hold the report,
    /// and the style sheet is checked once, in northwind.html.
    static let withoutStyleSheet: TemplateSet = {
        var files = TemplateSet.defaults.files
        files["report/report.css"] = "/* report/report.css: see northwind.html */"
        return TemplateSet(files: files)
    }()

    static let northwind = Fixtures.packageRoot.appendingPathComponent("examples/northwind").path

    @Test(arguments: ["empty", "notes-only", "coverage", "progress", "cycle"])
    func everyFormatMatchesGolden(name: String) async throws {
        let (report, _) = try await Self.fixture(name)
        for format in ReportFormat.allCases {
            Golden.assert(try ReportRenderer(templates: Self.withoutStyleSheet).render(report, as: format), matches: "report/\(name).\(format.rawValue)")
        }
    }

    @Test func coverageCountsOnlyUnfinishedWorkAndActiveGoals() async throws {
        let (report, analysis) = try await Self.fixture("coverage")
        // Unfinished work: aligned, under-proposed, under-finished, orphan, still-uses-old, 0001, 0003.
        // Reaching the active top goal g-year: aligned, still-uses-old (via g-w07 › g-q1), 0001 (via its brief), 0003.
        #expect(analysis.coverage.work == Coverage(covered: 4, total: 7))
        #expect(analysis.coverage.goals == Coverage(covered: 3, total: 3))
        #expect(report.summary.work_coverage.text == "4 of 7 (57%)")
        let horizons = Dictionary(uniqueKeysWithValues: analysis.coverageByHorizon.map { ($0.horizon, $0.coverage) })
        #expect(horizons["year"]?.work == Coverage(covered: 1, total: 3))   // under-proposed, under-finished: no; 0003: yes
        #expect(horizons["quarter"]?.work == Coverage(covered: 2, total: 2))
        #expect(horizons["week"]?.work == Coverage(covered: 1, total: 1))
        let teams = Dictionary(uniqueKeysWithValues: analysis.coverageByTeam.map { ($0.team, $0.coverage) })
        #expect(teams["growth"]?.work == Coverage(covered: 1, total: 2))    // ann's aligned (yes), the team's under-finished (no)
        #expect(teams["growth"]?.goals == Coverage(covered: 2, total: 2))   // g-year (the team's), g-q1 (ann's)
        #expect(teams["platform"]?.work == Coverage(covered: 1, total: 2))  // bo's under-proposed (no), still-uses-old (yes)
        #expect(analysis.chains["0001-via-brief"] == [["g-q1", "g-year"]])
        #expect(analysis.chains["still-uses-old"] == [["g-w07", "g-q1", "g-year"]])
    }

    /// A decision log on its own: no work is asked to serve a goal, as in the `orphan` check.
    @Test func aKnowledgeBaseWithoutGoalsHasNoOrphans() async throws {
        let (report, analysis) = try await Self.report(Fixtures.path("rules/no-goals"))
        #expect(analysis.orphans.isEmpty && analysis.servingFinishedGoals.isEmpty)
        #expect(report.orphans.work.isEmpty)
    }

    @Test func attentionListsAndPeople() async throws {
        let (report, analysis) = try await Self.fixture("coverage")
        #expect(analysis.orphans == ["orphan"])
        #expect(analysis.unsupportedGoals == [])
        #expect(analysis.servingFinishedGoals == ["under-finished"])
        #expect(analysis.overdueReviews == [.init(id: "orphan", days: 16)])
        #expect(analysis.pendingDecisions == [])                           // 7 days < pending_after_days 14
        #expect(analysis.staleItems == [.init(id: "still-uses-old", days: 78)])
        // The successor 0003 links 0002 and is not reported; the brief still naming 0002 is.
        #expect(analysis.retiredReferences == [.init(decision: "0002-old", status: "superseded", referrer: "still-uses-old", kind: .decisions)])
        #expect(report.recent_decisions == ["0001-via-brief", "0003-new"])
        let ann = try #require(analysis.responsibilities["ann"])
        #expect(ann.owns == ["aligned", "g-q1"])
        #expect(ann.reviews == ["orphan"])
        #expect(ann.decides == ["0001-via-brief"])
        #expect(ann.overdue == ["orphan"])
        #expect(analysis.responsibilities["growth"]?.consulted == ["0001-via-brief"])
        #expect(analysis.responsibilities["cy"]?.informed == ["0001-via-brief"])
        #expect(analysis.responsibilities["bo"]?.overdue == ["still-uses-old"])
        #expect(analysis.responsibilities["platform"]?.reviews == [])     // reviewer of a brief that is not in review
    }

    @Test func progressFollowsTheSpec() async throws {
        let (_, analysis) = try await Self.fixture("progress")
        #expect(analysis.progress["explicit"] == GoalProgress(value: 0.4, source: .explicit))
        // (8−10)/(5−10) = 0.4, 70 of 50 clamps to 1, 10 below a baseline of 20 clamps to 0; unknown ones are left out.
        let decreasing = try #require(analysis.progress["decreasing"]?.value)
        #expect(abs(decreasing - 1.4 / 3) < 1e-12)
        #expect(analysis.progress["unknown"] == GoalProgress(value: nil, source: .unknown))
        let parent = try #require(analysis.progress["parent"])
        #expect(parent.source == .children)
        #expect(abs(parent.value! - 0.45) < 1e-12)                        // (0.2 + 0.7) / 2, the unknown child left out
    }

    @Test func goalsInACycleStillAppearAndNothingLoops() async throws {
        let (report, analysis) = try await Self.fixture("cycle")
        #expect(analysis.chains["in-cycle"] == [["a", "b"]])
        #expect(analysis.coverage.work == Coverage(covered: 0, total: 1))  // the chain never reaches a top-level goal
        #expect(analysis.coverage.goals == Coverage(covered: 2, total: 4))
        #expect(report.goal_tree.map(\.goal) == ["top", "a"])
        #expect(report.goal_tree[1].children.map(\.goal) == ["b"])
        #expect(report.goal_tree[1].children[0].children.map(\.goal) == ["0-below"])   // not a root of its own
    }

    @Test func aGoalUnderANonGoalIsARoot() async throws {
        let (kb, diagnostics) = await Fixtures.build([
            "goals/g-x.md": "---\nstatus: active\nparent: b-1\n---\n",
            "goals/g-w.md": "---\nstatus: active\nparent: g-x\n---\n",
            "briefs/b-1.md": "---\nstatus: in-review\ngoals: [g-x]\n---\n",
        ])
        let analysis = AlignmentAnalysis(kb, diagnostics: diagnostics, today: Fixtures.today)
        let report = await ReportBuilder(kb: kb, analysis: analysis, diagnostics: diagnostics).build()
        #expect(report.goal_tree.map(\.goal) == ["g-x"])
        #expect(report.goal_tree.first?.children.map(\.goal) == ["g-w"])
        #expect(diagnostics.contains { $0.rule == .referenceType })
    }

    @Test func emptyAndNotesOnlyKnowledgeBasesHaveNothingToCount() async throws {
        for name in ["empty", "notes-only"] {
            let (report, analysis) = try await Self.fixture(name)
            #expect(analysis.coverage == AlignmentCoverage())
            #expect(report.summary.work_coverage.share == nil)
            #expect(report.summary.goal_coverage.text == "none to count")
            #expect(report.goal_tree.isEmpty)
        }
    }

    @Test(arguments: ReportFormat.allCases)
    func northwindMatchesGoldenAndIsDeterministic(format: ReportFormat) async throws {
        let (first, _) = try await Self.report(Self.northwind)
        let (second, _) = try await Self.report(Self.northwind)
        let text = try ReportRenderer().render(first, as: format)
        #expect(text == (try ReportRenderer().render(second, as: format)))
        Golden.assert(text, matches: "report/northwind.\(format.rawValue)")
    }

    /// A report is mailed: without `base_url` it names documents without linking files that only
    /// exist on the sender's disk; with it, every link is absolute.
    @Test(arguments: ReportFormat.allCases)
    func aMailedReportLinksNothingLocal(format: ReportFormat) async throws {
        let (report, _) = try await Self.fixture("coverage", options: ReportOptions(pathPrefix: "../kb/"))
        let text = try ReportRenderer().render(report, as: format)
        #expect(!text.contains(".md)") && !text.contains("href=\"goals/") && !text.contains("../kb/") && !text.contains("\"link\""))
        #expect(text.contains("Open an office in Lisbon"))
        if format == .json { #expect(report.documents["g-idea"]?.path == "goals/g-idea.md" && report.documents["g-idea"]?.link == nil) }
    }

    @Test(arguments: ReportFormat.allCases)
    func withBaseURLEveryLinkIsAbsolute(format: ReportFormat) async throws {
        var configuration = Configuration()
        configuration.baseURL = "https://example.com/kb"
        let (kb, diagnostics) = await Fixtures.build([
            "goals/g.md": "---\nstatus: active\n---\n# Grow\n",
            "briefs/b.md": "---\nstatus: in-review\nowner: ann\ngoals: [g]\nreview_by: 2027-02-01\n---\n# Plan\n",
        ], configuration: configuration)
        let analysis = AlignmentAnalysis(kb, diagnostics: diagnostics, today: Fixtures.today)
        let report = await ReportBuilder(kb: kb, analysis: analysis, diagnostics: diagnostics, options: ReportOptions(pathPrefix: "../kb/")).build()
        let text = try ReportRenderer().render(report, as: format)
        #expect(text.contains("https://example.com/kb/briefs/b.html") && text.contains("https://example.com/kb/goals/g.html"))
        #expect(!text.contains("../kb/") && !text.contains("b.md)") && !text.contains("href=\"briefs/"))
        #expect(report.documents["b"]?.link == "https://example.com/kb/briefs/b.html")
    }

    /// A review is owed until the reviewer signs off: the report's people and what needs attention say who still owes it.
    @Test func signOffsAreCountedInPeopleAndAttention() async throws {
        let (kb, diagnostics) = await Fixtures.build([
            "goals/g.md": "---\nstatus: active\n---\n# Grow\n",
            "briefs/b.md": "---\nstatus: in-review\nowner: ann\ngoals: [g]\nreviewers: [bob, cy]\nreview_by: 2027-02-10\napprovals: [{by: cy, date: 2027-02-11}]\n---\n# Plan\n",
        ], people: Self.people(["ann": "Ann Lee", "bob": "Bob Roe", "cy": "Cy Diaz"]))
        let analysis = AlignmentAnalysis(kb, diagnostics: diagnostics, today: Fixtures.today)
        let report = await ReportBuilder(kb: kb, analysis: analysis, diagnostics: diagnostics).build()
        let cy = try #require(report.people.first { $0.id == "cy" })
        #expect(cy.reviews.isEmpty && cy.overdue.isEmpty && cy.signed_off == ["b"])
        let bob = try #require(report.people.first { $0.id == "bob" })
        #expect(bob.reviews == ["b"] && bob.overdue == ["b"])
        let markdown = try ReportRenderer().render(report, as: .md)
        #expect(markdown.contains("awaiting bob"), "\(markdown)")
        #expect(markdown.contains("1 of 2 signed off"))
        #expect(markdown.contains("- **Cy Diaz**\n  - signed off: Plan\n"))
        #expect(report.attention.overdue_reviews.map { "\($0.id) \($0.awaiting) \($0.signed_off_by)" } == ["b [\"bob\"] [\"cy\"]"])
    }

    static func people(_ names: [String: String]) -> PeopleDirectory {
        var directory = PeopleDirectory()
        directory.exists = true
        for (id, name) in names { directory.people[id] = PeopleDirectory.Person(id: id, name: name) }
        return directory
    }

    /// The example sits inside Bearing's repository: `history: off` keeps this repository's
    /// commits (its authors, its dates) out of the example's report.
    @Test func theExampleDoesNotReadThisRepositorysHistory() async throws {
        let git = GitRunner()
        let result = try await KnowledgeBaseLoader.load(root: Self.northwind, today: Fixtures.today, git: git)
        #expect(git.count == 0)
        #expect(result.knowledgeBase.documents.allSatisfy { $0.authors.isEmpty && $0.datesFromGit.isEmpty })
    }

    @Test func personAndHorizonViews() async throws {
        let (maria, _) = try await Self.report(Self.northwind, options: ReportOptions(person: "maria"))
        Golden.assert(try ReportRenderer().render(maria, as: .md), matches: "report/northwind-maria.md")
        #expect(maria.people.map(\.id) == ["maria", "growth"])            // maria, then her team
        let (quarter, _) = try await Self.report(Self.northwind, options: ReportOptions(horizon: "quarter"))
        #expect(!quarter.goal_tree.isEmpty)
        #expect(quarter.goal_tree.allSatisfy { $0.horizon == "quarter" })
    }

    @Test func longListsAreCutInMarkdownAndHTMLButNotInJSON() async throws {
        let (report, _) = try await Self.fixture("coverage")
        let renderer = ReportRenderer(listLimit: 1)
        let markdown = try renderer.render(report, as: .md)
        #expect(markdown.contains("  - owns: Open an office in Lisbon, and 3 more\n"))   // bo owns 4
        #expect(markdown.contains("- … and 1 more\n"))                                                        // recent decisions: 2
        let html = try renderer.render(report, as: .html)
        #expect(html.contains("<li class=\"more\">… and 1 more</li>"))
        let json = try renderer.render(report, as: .json)
        #expect(json == (try ReportRenderer().render(report, as: .json)))
        #expect(report.people.first { $0.id == "bo" }?.owns.count == 4)
    }

    @Test func untrustedTextCannotRunAsScript() async throws {
        let (report, _) = try await Self.fixture("xss")
        let html = try ReportRenderer().render(report, as: .html).lowercased()
        // Payloads may show as text; none may become a tag, an attribute or a link.
        for construct in ["<script", "<img", "<svg onload", "href=\"javascript:", "onmouseover=\"", "onerror=\""] {
            #expect(!html.contains(construct), "\(construct) in the HTML report")
        }
        #expect(html.contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;"))
        // The Markdown report, rendered by cmark with raw HTML allowed, gives no tag and no link.
        let markdown = try ReportRenderer().render(report, as: .md)
        let rendered = MarkdownParser.parse(markdown, options: .init(renderHTML: true, unsafeHTML: true))
        #expect(!(rendered.html ?? "").contains("<script"))
        #expect(!(rendered.html ?? "").contains("<img"))
        #expect(!(rendered.html ?? "").contains("<svg"))
        #expect(rendered.links.isEmpty, "\(rendered.links.map(\.destination))")   // no base_url: the report links nothing
    }

    @Test func embeddedTemplatesMatchTheTemplatesFolder() throws {
        let folder = Fixtures.packageRoot.appendingPathComponent("templates").path
        var files: [String: String] = [:]
        for case let relative as String in FileManager.default.enumerator(atPath: folder)! {
            var isDirectory: ObjCBool = false
            let path = folder + "/" + relative
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = try String(contentsOfFile: path, encoding: .utf8)
            }
        }
        let embedded = TemplateSet.defaults.files
        #expect(embedded.keys.sorted() == files.keys.sorted(), "rebuild with `make build` to embed templates/ again")
        let stale = files.keys.sorted().filter { embedded[$0] != files[$0] }
        #expect(stale.isEmpty, "embedded copies differ: \(stale); rebuild with `make build`")
    }

    @Test func aKnowledgeBaseOverridesATemplateByName() async throws {
        let (templates, diagnostics) = TemplateSet.load(knowledgeBase: Fixtures.path("report/override"))
        #expect(diagnostics.isEmpty)
        #expect(templates.overridden == ["report/item.md.mustache"])
        let (report, _) = try await Self.fixture("coverage")
        let markdown = try ReportRenderer(templates: templates).render(report, as: .md)
        #expect(markdown.contains("* ITEM orphan *"))
    }

    @Test func anOverrideWithInvalidUTF8IsReportedAndTheDefaultKept() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bearing-templates-\(getpid())")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("templates/report")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data([0x7B, 0x7B, 0xFF, 0x7D, 0x7D]).write(to: folder.appendingPathComponent("item.md.mustache"))
        let (templates, diagnostics) = TemplateSet.load(knowledgeBase: root.path)
        #expect(diagnostics.map(\.rule) == [.invalidUTF8])
        #expect(diagnostics.first?.location == SourceLocation(path: "templates/report/item.md.mustache", line: 1, column: 3))
        #expect(templates.overridden.isEmpty)
        #expect(templates.files["report/item.md.mustache"] == TemplateSet.defaults.files["report/item.md.mustache"])
    }

    @Test(arguments: [
        (nil as String?, "kb", "/work", "kb/"),
        ("out/report.md", "kb", "/work", "../kb/"),
        ("report.md", ".", "/work", ""),
        ("/tmp/r.html", "/work/kb", "/srv", "../work/kb/"),
        ("a/b/../r.md", "./kb/./x", "/w", "../kb/x/"),
    ])
    func relativePaths(file: String?, folder: String, current: String, expected: String) {
        #expect(RelativePath.from(folderOf: file, to: folder, currentDirectory: current) == expected)
    }
}
