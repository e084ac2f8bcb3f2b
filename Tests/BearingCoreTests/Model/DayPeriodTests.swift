import Testing
@testable import BearingCore

@Suite struct DayPeriodTests {
    @Test(arguments: ["2027-02-17", "2027-02-17T10:00:00Z", "1802826000000"])
    func parsesDates(text: String) {
        #expect(Day.parse(text) == Day(year: 2027, month: 2, day: 17))
    }

    @Test(arguments: ["2027-02-30", "17.02.2027", "2027-2-1", "soon"])
    func rejectsInvalidDates(text: String) {
        #expect(Day.parse(text) == nil)
    }

    @Test func ordinalRoundTrips() {
        for ordinal in stride(from: -800_000, to: 800_000, by: 997) {
            #expect(Day(ordinal: ordinal).ordinal == ordinal)
        }
        #expect(Day(year: 1970, month: 1, day: 1)!.ordinal == 0)
        #expect(Day(year: 2027, month: 2, day: 17)!.weekday == 3)
    }

    @Test(arguments: [
        ("2027", "2027-01-01", "2027-12-31"),
        ("2027-H2", "2027-07-01", "2027-12-31"),
        ("2027-Q1", "2027-01-01", "2027-03-31"),
        ("2028-02", "2028-02-01", "2028-02-29"),
        ("2027-W01", "2027-01-04", "2027-01-10"),
        ("2026-W53", "2026-12-28", "2027-01-03"),
        ("2027-W07", "2027-02-15", "2027-02-21"),
    ])
    func periods(text: String, start: String, end: String) throws {
        let period = try #require(Period.parse(text))
        #expect(period.start.description == start)
        #expect(period.end.description == end)
    }

    @Test(arguments: ["2027-Q5", "2027-H3", "2027-13", "2027-W54", "2026-W54", "27", "Q1"])
    func rejectsInvalidPeriods(text: String) {
        #expect(Period.parse(text) == nil)
    }

    @Test func isoWeekContainingADay() {
        #expect(Period.isoWeek(containing: Day(year: 2027, month: 1, day: 1)!).text == "2026-W53")
        #expect(Period.isoWeek(containing: Day(year: 2027, month: 2, day: 17)!).text == "2027-W07")
    }
}

@Suite struct PeriodContainmentTests {
    @Test(arguments: [
        ("2025-Q3", "2025-W27", false, true),  // 30 June – 6 July: straddles Q2 and Q3
        ("2025-Q2", "2025-W27", false, true),
        ("2025-Q2", "2025-W26", true, true),
        ("2025-Q3", "2025-W26", false, false),
        ("2027", "2027-Q2", true, true),
        ("2027-H1", "2027-07", false, false),
    ])
    func containmentAndOverlap(parent: String, child: String, contains: Bool, overlaps: Bool) throws {
        let outer = try #require(Period.parse(parent))
        let inner = try #require(Period.parse(child))
        #expect(outer.contains(inner) == contains)
        #expect(outer.overlaps(inner) == overlaps)
    }
}
