/// The period a goal is for: `2027`, `2027-H1`, `2027-Q1`, `2027-03`, `2027-W05` (ISO week).
public struct Period: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable {
        case year, half, quarter, month, week
    }

    public var kind: Kind
    public var text: String
    public var start: Day
    public var end: Day

    public var description: String { text }

    /// Whether `other` lies entirely within this period.
    public func contains(_ other: Period) -> Bool { start <= other.start && other.end <= end }

    /// Whether the two periods share a day. Calendar periods nest, so only an ISO week can
    /// straddle a boundary (2025-W27 runs from 30 June to 6 July): it serves either side.
    public func overlaps(_ other: Period) -> Bool { start <= other.end && other.start <= end }

    public func contains(_ day: Day) -> Bool { start <= day && day <= end }

    public static func parse(_ raw: String) -> Period? {
        let text = raw.trimmingSpaces()
        let bytes = Array(text.utf8)
        guard bytes.count >= 4, let year = Day.number(bytes[0..<4]), year >= 1 else { return nil }
        if bytes.count == 4 {
            return make(.year, text, year, 1, 12)
        }
        guard bytes[4] == UInt8(ascii: "-"), bytes.count >= 7 else { return nil }
        let marker = bytes[5]
        let rest = bytes[6...]
        switch marker {
        case UInt8(ascii: "H"), UInt8(ascii: "h"):
            guard let h = Day.number(rest), rest.count == 1, (1...2).contains(h) else { return nil }
            return make(.half, text, year, h * 6 - 5, h * 6)
        case UInt8(ascii: "Q"), UInt8(ascii: "q"):
            guard let q = Day.number(rest), rest.count == 1, (1...4).contains(q) else { return nil }
            return make(.quarter, text, year, q * 3 - 2, q * 3)
        case UInt8(ascii: "W"), UInt8(ascii: "w"):
            guard rest.count == 2, let w = Day.number(rest), w >= 1, w <= weeksIn(isoYear: year) else { return nil }
            let start = mondayOfWeekOne(year).adding(days: (w - 1) * 7)
            return Period(kind: .week, text: text, start: start, end: start.adding(days: 6))
        default:
            guard bytes.count == 7, let m = Day.number(bytes[5..<7]), (1...12).contains(m) else { return nil }
            return make(.month, text, year, m, m)
        }
    }

    private static func make(_ kind: Kind, _ text: String, _ year: Int, _ firstMonth: Int, _ lastMonth: Int) -> Period? {
        guard let start = Day(year: year, month: firstMonth, day: 1),
              let end = Day(year: year, month: lastMonth, day: Day.daysIn(month: lastMonth, year: year)) else { return nil }
        return Period(kind: kind, text: text, start: start, end: end)
    }

    /// The Monday of ISO week 1: the week containing January 4th.
    static func mondayOfWeekOne(_ year: Int) -> Day {
        let jan4 = Day(year: year, month: 1, day: 4)!
        return jan4.adding(days: 1 - jan4.weekday)
    }

    static func weeksIn(isoYear year: Int) -> Int {
        (mondayOfWeekOne(year + 1).ordinal - mondayOfWeekOne(year).ordinal) / 7
    }

    /// The ISO week containing `day`, as a period such as `2027-W05`. Made, not parsed back: a
    /// year before 1000 or before year 1 (`--today 0001-01-05`, twelve weeks of digests back)
    /// has no text `parse` reads.
    public static func isoWeek(containing day: Day) -> Period {
        var year = day.year + 1
        while mondayOfWeekOne(year) > day { year -= 1 }
        let start = mondayOfWeekOne(year)
        let week = (day.ordinal - start.ordinal) / 7 + 1
        let digits = String(abs(year))
        let yearText = (year < 0 ? "-" : "") + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        let monday = start.adding(days: (week - 1) * 7)
        return Period(kind: .week, text: "\(yearText)-W\(week < 10 ? "0" : "")\(week)", start: monday, end: monday.adding(days: 6))
    }
}
