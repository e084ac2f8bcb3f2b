/// Dates in the forms real logs write them, at the start of a text (what follows is left):
/// `2021-07-15`, `2024/07/17`, `July 15 2021`, `March 16th, 2021`, `14 Aug 2025`,
/// `03 December 2015`, `15th March 2021`, `01-Mar-2022`, `18-09-2018` (day first: 18 is no month), `5-26-2021`.
/// `05-06-2021` could be May or June: ambiguous, never guessed. A month and year alone
/// (`May 2023`) names no day.
enum WrittenDate: Equatable {
    case day(Day)
    /// Both orders of day and month are valid dates: the writer must say which.
    case ambiguous(String)
    case none

    /// Which comes first in a numeric date whose day is over 12 (`18-09-2018`: the day).
    enum Order: Equatable { case dayFirst, monthFirst }

    /// With `order` (the writer's own, seen in the same list's unambiguous dates), a date such as
    /// `03-08-2018` is read in that order instead of being ambiguous.
    static func parse(_ raw: some StringProtocol, order: Order? = nil) -> WrittenDate { leading(raw, order: order).date }

    /// The order a numeric date shows, when one of its first two numbers is over 12.
    static func order(of raw: some StringProtocol) -> Order? {
        let parts = Substring(raw).trimmingLeadingSpaces.prefix { $0.isASCIIDigit || "-/.".contains($0) }
            .split(whereSeparator: { "-/.".contains($0) }).compactMap { Int($0) }
        guard parts.count == 3, String(parts[2]).count == 4 else { return nil }
        if parts[0] > 12, parts[1] <= 12 { return .dayFirst }
        if parts[1] > 12, parts[0] <= 12 { return .monthFirst }
        return nil
    }

    /// The date at the start of `raw` and the rest of the text after it.
    static func leading(_ raw: some StringProtocol, order: Order? = nil) -> (date: WrittenDate, rest: Substring) {
        let text = Substring(raw).trimmingLeadingSpaces
        if let day = Day.parse(String(text.prefix(10))), text.prefix(10).count == 10 {
            return (.day(day), text.dropFirst(10))
        }
        var tokens = Tokens(text)
        guard let first = tokens.next() else { return (.none, text) }
        switch first {
        case .number(let a, let width):
            if width <= 2 { tokens.skipOrdinal() }   // 15th March 2021
            guard let separator = tokens.separator() else { return (.none, text) }
            if separator == " " || separator == "-" || separator == ".", case .month(let month)? = tokens.peek() {
                _ = tokens.next()   // 14 Aug 2025, 01-Mar-2022
                _ = tokens.separator()
                guard case .number(let year, 4)? = tokens.next() else { return (.none, text) }
                return (day(year, month, a), tokens.rest)
            }
            guard "-/.".contains(separator), case .number(let b, _)? = tokens.next(), tokens.separator() == separator,
                  case .number(let c, let cWidth)? = tokens.next() else { return (.none, text) }
            if width == 4 { return (day(a, b, c), tokens.rest) }  // 2024/07/17
            guard cWidth == 4 else { return (.none, text) }
            let written = String(text[..<tokens.position])
            switch (a <= 12, b <= 12) {
            case (true, true) where a != b:
                switch order {
                case .dayFirst?: return (day(c, b, a), tokens.rest)
                case .monthFirst?: return (day(c, a, b), tokens.rest)
                case nil: return (.ambiguous(written), tokens.rest)
                }
            case (false, true): return (day(c, b, a), tokens.rest)
            default: return (day(c, a, b), tokens.rest)
            }
        case .month(let month):
            _ = tokens.separator()
            guard case .number(let d, let width)? = tokens.next(), width <= 2 else { return (.none, text) }   // May 2023: no day
            tokens.skipOrdinal()
            _ = tokens.separator()
            guard case .number(let year, 4)? = tokens.next() else { return (.none, text) }
            return (day(year, month, d), tokens.rest)
        }
    }

    private static func day(_ year: Int, _ month: Int, _ day: Int) -> WrittenDate {
        Day(year: year, month: month, day: day).map(WrittenDate.day) ?? .none
    }

    private enum Token: Equatable {
        case number(Int, width: Int)
        case month(Int)
    }

    /// Numbers, month names and the separators between them.
    private struct Tokens {
        var rest: Substring
        var position: Substring.Index { rest.startIndex }
        init(_ text: Substring) { rest = text }

        func peek() -> Token? {
            var copy = self
            return copy.next()
        }

        mutating func next() -> Token? {
            let digits = rest.prefix { $0.isASCIIDigit }
            if !digits.isEmpty {
                guard digits.count <= 4 else { return nil }
                rest = rest.dropFirst(digits.count)
                return .number(Int(digits)!, width: digits.count)
            }
            let word = rest.prefix { $0.isLetter }
            guard word.count >= 3, let month = WrittenDate.month(word) else { return nil }
            rest = rest.dropFirst(word.count)
            if rest.first == "." { rest = rest.dropFirst() }
            return .month(month)
        }

        /// One separator (`-`, `/`, `.`, or spaces with an optional comma), returned as one character.
        mutating func separator() -> Character? {
            if let c = rest.first, "-/.".contains(c) { rest = rest.dropFirst(); return c }
            let spaces = rest.prefix { $0 == " " || $0 == "," || $0 == "\t" }
            guard !spaces.isEmpty, spaces.filter({ $0 == "," }).count <= 1 else { return nil }
            rest = rest.dropFirst(spaces.count)
            return " "
        }

        mutating func skipOrdinal() {
            let suffix = rest.prefix(2).lowercased()
            if ["st", "nd", "rd", "th"].contains(suffix), !(rest.dropFirst(2).first?.isLetter ?? false) { rest = rest.dropFirst(2) }
        }
    }

    static func month(_ word: some StringProtocol) -> Int? {
        let lower = word.lowercased()
        guard lower.count >= 3 else { return nil }
        if let index = months.firstIndex(where: { $0 == lower || ($0.hasPrefix(lower) && lower.count == 3) }) { return index + 1 }
        return lower == "sept" ? 9 : nil
    }

    private static let months = ["january", "february", "march", "april", "may", "june", "july", "august",
                                 "september", "october", "november", "december"]
}

extension Substring {
    var trimmingLeadingSpaces: Substring { drop { $0 == " " || $0 == "\t" } }
}
