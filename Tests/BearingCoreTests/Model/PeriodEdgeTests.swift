import Testing
@testable import BearingCore

/// Weeks near the ends of the calendar: made without a trap (digests of `--today 0001-01-05`).
@Suite struct PeriodEdgeTests {
    @Test func theWeeksOfTheFirstYearsAreMade() throws {
        let early = Period.isoWeek(containing: try #require(Day(year: 1, month: 1, day: 5)))
        #expect(early.contains(try #require(Day(year: 1, month: 1, day: 5))))
        #expect(early.kind == .week)
        let weeks = DigestBuilder.recentWeeks(12, before: try #require(Day(year: 1, month: 2, day: 1)))
        #expect(weeks.count == 12)
        #expect(weeks.last?.text.hasPrefix("0000-W") == true)
        #expect(Period.isoWeek(containing: try #require(Day(year: 2027, month: 2, day: 3))).text == "2027-W05")
        #expect(Period.isoWeek(containing: try #require(Day(year: 999, month: 6, day: 1))).text.hasPrefix("0999-W"))
    }
}
