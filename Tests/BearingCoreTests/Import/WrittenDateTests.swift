import Testing
@testable import BearingCore

@Suite struct WrittenDateTests {
    @Test(arguments: [
        ("2021-07-15", "2021-07-15"), ("July 15 2021", "2021-07-15"), ("July 15, 2021: Created by @a", "2021-07-15"),
        ("March 16th, 2021", "2021-03-16"), ("14 Aug 2025", "2025-08-14"), ("03 December 2015", "2015-12-03"),
        ("01-Mar-2022", "2022-03-01"), ("18-09-2018", "2018-09-18"), ("5-26-2021", "2021-05-26"),
        ("2024/07/17", "2024-07-17"), ("15 May 2017 (to reflect actual implementation)", "2017-05-15"),
        ("Sept 3, 2019", "2019-09-03"), ("06-06-2020", "2020-06-06"),
    ])
    func readsWrittenForms(text: String, iso: String) {
        #expect(WrittenDate.parse(text) == .day(Day.parse(iso)!))
    }

    @Test(arguments: ["May 2023", "October, 2015", "Date: 2014", "2014", "yyyy-mm-dd", "[Date]", "2023-14-05", "Mark as rejected", "", "32 May 2020"])
    func namesNoDay(text: String) {
        #expect(WrittenDate.parse(text) == .none)
    }

    @Test func ambiguousOrderIsNeverGuessed() {
        #expect(WrittenDate.parse("05-06-2021") == .ambiguous("05-06-2021"))
        #expect(WrittenDate.parse("1/2/2020") == .ambiguous("1/2/2020"))
    }

    /// Every day of a span written in five forms reads back as itself.
    @Test func everyFormRoundTrips() {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        for ordinal in stride(from: Day.parse("2019-12-25")!.ordinal, to: Day.parse("2021-03-10")!.ordinal, by: 3) {
            let day = Day(ordinal: ordinal)
            let name = months[day.month - 1]
            for text in [day.description, "\(name) \(day.day), \(day.year)", "\(day.day) \(name.prefix(3)) \(day.year)",
                         "\(name) \(day.day) \(day.year)", "\(day.day) \(name) \(day.year)"] {
                #expect(WrittenDate.parse(text) == .day(day), "\(text)")
            }
        }
    }

    /// Any text: no crash, and a day read is a valid day.
    @Test func fuzz() {
        var generator = SeededRandom(seed: 7)
        let alphabet = Array("0123456789-/., :JanMayDecthstndrd()[]*\n\t")
        for _ in 0..<5000 {
            let length = Int(generator.next() % 24)
            let text = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            if case .day(let day) = WrittenDate.parse(text) { #expect(Day(year: day.year, month: day.month, day: day.day) != nil) }
        }
    }
}

extension WrittenDateTests {
    /// A list whose unambiguous dates are day-first reads its ambiguous ones day-first too; a list
    /// that mixes orders leaves them ambiguous.
    @Test func theWritersOwnOrderResolvesAmbiguousDates() async {
        let dayFirst = "# 16. X\n\n## Changelog\n\n- 18-09-2018: Second draft\n- 03-08-2018: Initial draft\n\n## Status\n\nAccepted\n"
        let (kb, diagnostics) = await Fixtures.build(["adr/adr-016-x.md": dayFirst])
        #expect(kb.documents.first?.decision?.date == Day.parse("2018-08-03"))
        #expect(!diagnostics.contains { $0.rule == .ambiguousDate })
        let mixed = "# 19. Y\n\n## Changelog\n\n- 27-07-2018: Update\n- 5-26-2021: Later\n- 11-07-2018: Initial draft\n\n## Status\n\nAccepted\n"
        let (_, mixedDiagnostics) = await Fixtures.build(["adr/adr-019-y.md": mixed])
        #expect(mixedDiagnostics.filter { $0.rule == .ambiguousDate }.count == 1)
        #expect(WrittenDate.order(of: "18-09-2018") == .dayFirst && WrittenDate.order(of: "5-26-2021") == .monthFirst)
    }
}
