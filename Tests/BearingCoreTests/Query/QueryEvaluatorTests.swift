import Testing
@testable import BearingCore

@Suite struct QueryEvaluatorTests {
    static let files: [String: String] = [
        "goals/g-year.md": "---\nhorizon: year\nperiod: 2027\nstatus: active\nowner: ruth\n---\n# Year goal\n",
        "goals/g-q1.md": """
            ---
            horizon: quarter
            period: 2027-Q1
            parent: g-year
            status: active
            owner: li
            health: at-risk
            key_results:
              - {title: Churn, baseline: 10, target: 5, current: 8}
            ---
            # Quarter goal
            """,
        "goals/g-old.md": "---\nstatus: achieved\nprogress: 100%\n---\n# Old goal\n",
        "briefs/alpha.md": "---\nstatus: in-review\nowner: li\ngoals: [g-q1]\nreview_by: 2027-02-20\ntags: [pricing, Growth]\nbudget: 1200\ncustomer: Acme Corp\n---\n# Alpha\n",
        "briefs/beta.md": "---\nstatus: in-review\nowner: maria\ngoals: [G-YEAR]\nreview_by: 2027-02-10\nbudget: 300\n---\n# Beta\n\nSee [[alpha]].\n",
        "briefs/gamma.md": "---\nstatus: draft\ngoals: [g-old]\ntags: [ops]\n---\n# Gamma\n",
        "decisions/0001-use-x.md": "---\nstatus: accepted\ndate: 2027-01-05\nbriefs: [alpha]\ndeciders: [li, ruth]\n---\n# Use X\n",
        "decisions/0002-use-y.md": "---\nstatus: proposed\ndate: 2027-02-15\ngoals: [g-year]\n---\n# Use Y\n\nFollows [ADR-1](0001-use-x.md).\n",
        "notes/n.md": "# A note\n",
    ]

    static func evaluate(_ text: String) async throws -> QueryResult {
        let (kb, diagnostics) = await Fixtures.build(files)
        let analysis = AlignmentAnalysis(kb, diagnostics: diagnostics, today: Fixtures.today)
        return QueryEvaluator(kb: kb, analysis: analysis).evaluate(try QueryParser.parse(text).get())
    }

    static func ids(_ text: String) async throws -> [String] {
        try await evaluate(text).rows.map(\.id)
    }

    @Test(arguments: [
        ("briefs", ["alpha", "beta", "gamma"]),
        ("goals where status = ACTIVE", ["g-q1", "g-year"]),
        ("briefs where status != in-review", ["gamma"]),
        ("briefs where owner != li", ["beta", "gamma"]),                   // missing owner counts as "not li"
        ("briefs where owner = li or owner = maria", ["alpha", "beta"]),
        ("briefs where owner", ["alpha", "beta"]),                          // exists
        ("briefs where not owner", ["gamma"]),
        ("briefs where tags contains growth", ["alpha"]),                   // lists: any element, case-insensitive
        ("briefs where tags = ops", ["gamma"]),
        ("briefs where tags != pricing", ["beta", "gamma"]),
        ("briefs where title contains ET", ["beta"]),                       // text: substring
        ("briefs where review_by < today", ["beta"]),                       // today = 2027-02-17
        ("briefs where review_by <= today+3", ["alpha", "beta"]),
        ("briefs where review_by > 2027-02-10", ["alpha"]),
        ("briefs where review_by >= 2027-02-10", ["alpha", "beta"]),
        ("decisions where date >= today-7", ["0002-use-y"]),
        ("briefs where budget > 500", ["alpha"]),                           // unknown field read as a number
        ("briefs where budget < 1e3", ["beta"]),
        ("briefs where customer = \"acme corp\"", ["alpha"]),               // unknown text field
        ("briefs where customer contains acme and budget >= 1200", ["alpha"]),
        ("briefs where nonexistent = x", []),
        ("briefs where nonexistent != x", ["alpha", "beta", "gamma"]),
        ("briefs where goals contains g-year", ["beta"]),                   // references resolved: G-YEAR is g-year
        ("all where serves contains g-year", ["0001-use-x", "0002-use-y", "alpha", "beta", "g-q1"]),  // transitive, through briefs and parents
        ("goals where progress >= 0.5", ["g-old"]),
        ("goals where progress < 50%", ["g-q1", "g-year"]),                 // g-q1: (8-10)/(5-10) = 40%; g-year rolls up 40%
        ("goals where progress = 40%", ["g-q1", "g-year"]),
        ("goals where horizon = quarter", ["g-q1"]),
        ("goals where parent = g-year", ["g-q1"]),
        ("goals where key_results > 0", ["g-q1"]),
        ("all where backlinks >= 2", ["alpha", "g-year"]),
        ("decisions where decision-makers contains ruth", ["0001-use-x"]),  // alias deciders, - or _
        ("decisions where number = 2", ["0002-use-y"]),
        ("notes", ["n"]),
        ("all where type = note or type = decision and status = proposed", ["0002-use-y", "n"]),
        ("briefs where status = draft or (status = in-review and owner = maria)", ["beta", "gamma"]),
        ("briefs where budget = lots", []),                                 // a word that is not a number matches no number
        ("briefs where budget != lots", ["alpha", "beta", "gamma"]),        // … and is unequal to every one
        ("briefs where review_by != soon", ["alpha", "beta", "gamma"]),
        ("briefs where budget > lots", []),
        ("briefs where tags contains pric", []),                            // on a list, contains means "has this element"
        ("all where serves contains g-y", []),
        ("briefs where owner contains ari", ["beta"]),                      // on text, a substring
        ("briefs where owner in (li, MARIA)", ["alpha", "beta"]),
        ("briefs where owner not in (li)", ["beta", "gamma"]),
        ("briefs where not finished", ["alpha", "beta", "gamma"]),
        ("goals where finished", ["g-old"]),
        ("all where active and type = goal", ["g-q1", "g-year"]),
        ("decisions where label = ADR-0002", ["0002-use-y"]),
        ("all where links contains ADR-1 or briefs contains ADR-0001", []),
        ("decisions where id = ADR-2", ["0002-use-y"]),                     // a decision named by its label
        ("briefs where Customer = \"acme corp\"", ["alpha"]),              // front matter keys ignore case
    ])
    func conditions(query: String, expected: [String]) async throws {
        #expect(try await Self.ids(query) == expected, "\(query)")
    }

    @Test func sortingPutsMissingValuesLastInBothDirectionsAndBreaksTiesById() async throws {
        #expect(try await Self.ids("briefs sort review_by") == ["beta", "alpha", "gamma"])
        #expect(try await Self.ids("briefs sort review_by desc") == ["alpha", "beta", "gamma"])
        #expect(try await Self.ids("briefs sort status, owner desc") == ["gamma", "beta", "alpha"])  // draft before in-review: workflow order
        #expect(try await Self.ids("goals sort horizon") == ["g-year", "g-q1", "g-old"])  // configured order (year first), none last
        #expect(try await Self.ids("briefs sort budget desc") == ["alpha", "beta", "gamma"])   // numbers, not text: 1200 > 300
        #expect(try await Self.ids("all where type != brief sort type, title limit 3") == ["0001-use-x", "0002-use-y", "g-old"])
    }

    @Test func limitKeepsTheTotal() async throws {
        let result = try await Self.evaluate("briefs sort title limit 2 as count")
        #expect(result.rows.map(\.id) == ["alpha", "beta"])
        #expect(result.total == 3)
        #expect(result.layout == .count)
    }

    @Test func cellsLinkTitlesAndReferencesAndShowProgressAsPercent() async throws {
        let result = try await Self.evaluate("goals where status = active show title, parent, progress, owner, nothing")
        #expect(result.columns == ["title", "parent", "progress", "owner", "nothing"])
        let q1 = try #require(result.rows.first { $0.id == "g-q1" })
        #expect(q1.cells[0] == [QueryResult.Part(text: "Quarter goal", target: "g-q1")])
        #expect(q1.cells[1] == [QueryResult.Part(text: "Year goal", target: "g-year")])
        #expect(q1.cells[2] == [QueryResult.Part(text: "40%", target: nil)])
        #expect(q1.cells[3] == [QueryResult.Part(text: "li", target: nil)])
        #expect(q1.cells[4] == [])
        let ids = try await Self.evaluate("goals where status = active show id")
        #expect(ids.rows.first?.cells == [[QueryResult.Part(text: "g-q1", target: "g-q1")]])
    }

    @Test func rendersTableListAndCountInMarkdownAndHTML() async throws {
        let renderer = QueryResultRenderer { "pages/\($0).html" }
        let table = try await Self.evaluate("briefs where owner show title, owner, tags")
        #expect(renderer.markdown(table) == """
            | title | owner | tags |
            | --- | --- | --- |
            | [Alpha](pages/alpha.html) | li | pricing, Growth |
            | [Beta](pages/beta.html) | maria |  |

            """)
        let list = try await Self.evaluate("briefs where owner sort title limit 1 show title, owner as list")
        #expect(renderer.markdown(list) == "- [Alpha](pages/alpha.html) — li\n\n*1 of 2 shown.*\n")
        #expect(renderer.html(list) == "<ul class=\"query-list\">\n<li><a href=\"pages/alpha.html\">Alpha</a> — li</li>\n</ul>\n<p class=\"query-more\">1 of 2 shown.</p>\n")
        let count = try await Self.evaluate("briefs as count")
        #expect(renderer.markdown(count) == "**3**\n")
        #expect(renderer.html(count) == "<p class=\"query-count\"><strong>3</strong></p>\n")
        let none = try await Self.evaluate("briefs where owner = nobody")
        #expect(renderer.markdown(none) == "*No matching documents.*\n")
    }

    @Test func aFrontMatterKeyWinsOverAComputedFieldOfTheSameName() async throws {
        var files = Self.files
        files["notes/team.md"] = "---\nteam: sales\nrisk-level: high\n---\n# Team note\n"
        let (kb, diagnostics) = await Fixtures.build(files)
        let evaluator = QueryEvaluator(kb: kb, analysis: AlignmentAnalysis(kb, diagnostics: diagnostics, today: Fixtures.today))
        #expect(evaluator.evaluate(try QueryParser.parse("notes where team = sales").get()).rows.map(\.id) == ["team"])
        #expect(evaluator.evaluate(try QueryParser.parse("notes where risk_level = high").get()).rows.map(\.id) == ["team"])
    }

    @Test func teamsStandForTheirMembers() async throws {
        let people = PeopleDirectory.read(try YAMLReader.parse("people:\n  li: {name: Li, team: growth}\n  maria: {name: Maria}\nteams:\n  growth: {name: Growth, members: [maria]}\n", firstLine: 1).get()).0
        let (kb, diagnostics) = await Fixtures.build(Self.files, people: people)
        let evaluator = QueryEvaluator(kb: kb, analysis: AlignmentAnalysis(kb, diagnostics: diagnostics, today: Fixtures.today))
        #expect(evaluator.evaluate(try QueryParser.parse("briefs where team = growth").get()).rows.map(\.id) == ["alpha", "beta"])
    }

    @Test func untrustedTextIsEscapedInBothForms() async throws {
        let files = ["notes/x.md": "---\ntitle: \"<img src=x onerror=alert(1)> | [a](javascript:b)\"\n---\n"]
        let (kb, diagnostics) = await Fixtures.build(files)
        let analysis = AlignmentAnalysis(kb, diagnostics: diagnostics, today: Fixtures.today)
        let result = QueryEvaluator(kb: kb, analysis: analysis).evaluate(try QueryParser.parse("notes show title, status").get())
        let renderer = QueryResultRenderer { "\($0).html" }
        #expect(!renderer.html(result).contains("<img"))
        #expect(renderer.html(result).contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(renderer.markdown(result).contains(#"\<img src=x onerror=alert(1)\> \| \[a\](javascript:b)"#))
    }
}
