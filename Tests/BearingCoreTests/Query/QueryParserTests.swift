import Testing
@testable import BearingCore

@Suite struct QueryParserTests {
    private func parse(_ text: String) throws -> Query {
        try QueryParser.parse(text).get()
    }

    @Test func parsesTheSpecExample() throws {
        let query = try parse("briefs where status = in-review and goals contains g-activation sort review_by\nshow title, owner, review_by")
        #expect(query.source == .briefs)
        #expect(query.condition == .and(.compare(field: "status", op: .equal, value: .text("in-review")),
                                        .compare(field: "goals", op: .contains, value: .text("g-activation"))))
        #expect(query.sort == [Query.SortKey(field: "review_by", descending: false)])
        #expect(query.fields == ["title", "owner", "review_by"])
        #expect(query.layout == .table)
        #expect(query.limit == nil)
    }

    @Test func andBindsTighterThanOrAndNotTighterThanAnd() throws {
        let query = try parse("goals where not health = on-track and status = active or owner = li")
        #expect(query.condition == .or(
            .and(.not(.compare(field: "health", op: .equal, value: .text("on-track"))),
                 .compare(field: "status", op: .equal, value: .text("active"))),
            .compare(field: "owner", op: .equal, value: .text("li"))))
    }

    @Test func parenthesesGroup() throws {
        let query = try parse("all where (status = draft or status = proposed) and owner")
        #expect(query.condition == .and(.or(.compare(field: "status", op: .equal, value: .text("draft")),
                                            .compare(field: "status", op: .equal, value: .text("proposed"))),
                                        .exists(field: "owner")))
    }

    @Test func clausesComeInAnyOrderAndSingularSourcesAreAccepted() throws {
        let query = try parse("decision as list limit 5 sort date desc, number where date >= today-30")
        #expect(query.source == .decisions)
        #expect(query.layout == .list)
        #expect(query.limit == 5)
        #expect(query.sort == [Query.SortKey(field: "date", descending: true), Query.SortKey(field: "number", descending: false)])
        #expect(query.condition == .compare(field: "date", op: .greaterOrEqual, value: .today(offset: -30)))
    }

    @Test(arguments: [
        ("=", Query.Operator.equal), ("!=", .notEqual), ("<", .less), ("<=", .lessOrEqual),
        (">", .greater), (">=", .greaterOrEqual), ("contains", .contains), ("CONTAINS", .contains),
    ])
    func everyOperator(symbol: String, op: Query.Operator) throws {
        let query = try parse("notes where x \(symbol) 3")
        #expect(query.condition == .compare(field: "x", op: op, value: .text("3")))
    }

    @Test func literalsKeepQuotedTextAndReadToday() throws {
        let query = try parse(#"goals where title = "Grow \"fast\"" or review_by < today+7 or a = 'b c' or d = today"#)
        guard case .or(.or(.or(let a, let b), let c), let d) = query.condition else { Issue.record("shape"); return }
        #expect(a == .compare(field: "title", op: .equal, value: .text(#"Grow "fast""#)))
        #expect(b == .compare(field: "review_by", op: .less, value: .today(offset: 7)))
        #expect(c == .compare(field: "a", op: .equal, value: .text("b c")))
        #expect(d == .compare(field: "d", op: .equal, value: .today(offset: 0)))
    }

    @Test func inIsASetOfEqualities() throws {
        let query = try parse("briefs where owner in (li, \"maria\") and status not in (done)")
        #expect(query.condition == .and(
            .or(.compare(field: "owner", op: .equal, value: .text("li")), .compare(field: "owner", op: .equal, value: .text("maria"))),
            .not(.compare(field: "status", op: .equal, value: .text("done")))))
    }

    @Test func commentsAreIgnored() throws {
        let query = try parse("# open work\nbriefs # every brief\nwhere status != done")
        #expect(query.condition == .compare(field: "status", op: .notEqual, value: .text("done")))
    }

    @Test func fieldUsesListEveryFieldWhereWritten() throws {
        let query = try parse("briefs where a = 1 and not (b contains x or c)\n  sort d show e, f")
        #expect(query.fieldUses.map(\.name) == ["a", "b", "c", "d", "e", "f"])
        #expect(query.fieldUses.map(\.line) == [1, 1, 1, 2, 2, 2])
        #expect(query.fieldUses.map(\.column) == [14, 29, 45, 8, 15, 18])
        #expect(try parse("goals").columns == ["title", "status", "owner"])
    }

    @Test(arguments: [
        ("", 1, 1, "empty query"),
        ("   \n", 1, 1, "empty query"),
        ("brefs", 1, 1, "did you mean 'briefs'?"),
        ("briefs where", 1, 13, "expected a field name, found the end of the query"),
        ("briefs where status =", 1, 22, "expected a value after '='"),
        ("briefs where status = and", 1, 23, "expected a value after '='"),
        ("briefs\nwhere status ~ x", 2, 14, "expected where, sort, limit, show or as, found '~'"),
        ("goals where (a = 1", 1, 19, "expected ')'"),
        ("goals where a ! b", 1, 15, "'!' must be followed by '='"),
        ("goals where a = \"open", 1, 17, "not closed"),
        ("goals limit 0", 1, 13, "positive whole number"),
        ("goals limit 2 limit 3", 1, 15, "'limit' is given twice"),
        ("goals as grid", 1, 10, "expected table, list or count"),
        ("goals show", 1, 11, "expected a field name"),
        ("goals show title,", 1, 18, "expected a field name"),
        ("goals sort 3", 1, 12, "expected a field name, found '3'"),
        ("goals where = 3", 1, 13, "expected a field name, found '='"),
        ("goals where owner in li", 1, 22, "expected '(' and a list of values after 'in'"),
        ("goals where owner in (li", 1, 25, "expected ',' or ')'"),
        ("goals where owner in (li,)", 1, 26, "expected a value after ','"),
    ])
    func errorsArePlacedAtTheirLineAndColumn(text: String, line: Int, column: Int, message: String) {
        switch QueryParser.parse(text) {
        case .success(let query): Issue.record("parsed: \(query)")
        case .failure(let error):
            #expect(error.line == line)
            #expect(error.column == column)
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    /// Property: any text, however broken, parses or fails with a position inside (or just after) it; nothing crashes.
    @Test func arbitraryTextNeverCrashes() {
        var generator = SeededRandom(seed: 7)
        let pieces = ["briefs", "goals", "where", "sort", "show", "limit", "as", "and", "or", "not", "(", ")", "=", "!=", "<", ">=",
                      "contains", "\"", "'", ",", "\n", " ", "#", "x", "today+", "3", "-", "é", "\t", "!"]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined(separator: " ")
            if case .failure(let error) = QueryParser.parse(text) {
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                #expect(error.line >= 1 && error.line <= max(lines.count, 1), "\(text.debugDescription)")
                #expect(error.column >= 1, "\(text.debugDescription)")
            }
        }
    }
}

/// Conditions form a tree that parsing, evaluating and freeing walk recursively.
@Suite struct QueryLimitTests {
    private func parse(_ text: String) throws -> Query {
        try QueryParser.parse(text).get()
    }

    /// 100,000 `(` or `not`, or `and` terms, or values of `in`, would overflow the stack.
    @Test(arguments: [
        "all where " + String(repeating: "(", count: 100_000) + "a" + String(repeating: ")", count: 100_000),
        "all where " + String(repeating: "not ", count: 100_000) + "a",
        "all where " + Array(repeating: "a = b", count: 100_000).joined(separator: " and "),
        "all where a in (" + Array(repeating: "b", count: 100_000).joined(separator: ", ") + ")",
    ])
    func deepOrLongConditionsAreRefusedWithAPosition(text: String) {
        guard case .failure(let error) = QueryParser.parse(text) else {
            Issue.record("expected a limit"); return
        }
        #expect(error.message.contains("more than"))
        #expect(error.line == 1 && error.column > 10)
    }

    @Test func conditionsWithinTheLimitsParse() throws {
        let nested = "all where " + String(repeating: "(", count: 30) + "a" + String(repeating: ")", count: 30)
        #expect(try parse(nested).condition == .exists(field: "a"))
        #expect(try parse("all where a in (" + Array(repeating: "b", count: 200).joined(separator: ", ") + ")").source == .all)
    }
}
