import BearingCore

/// Completion of a goal's `period`: periods of the kind its horizon names (a quarter horizon:
/// `2027-Q1`…), those within its parent's period (what `goal-outside-parent` asks for) and the
/// current and next two around today, in time order. Without a horizon of a period kind, the
/// current and next period of each kind but the week.
enum PeriodCompletion {
    /// Adds the periods for a goal, in time order, each saying why it is offered.
    static func periods(for document: Document, _ kb: KnowledgeBase, today: Day, into items: inout CompletionItems) {
        let parentPeriod = document.goal?.parent.flatMap { kb.document($0)?.goal?.period }
        let kinds: [Period.Kind]
        if let horizon = document.goal?.horizon.flatMap({ Period.Kind(rawValue: $0.lowercased()) }) {
            kinds = [horizon]
        } else {
            kinds = [.year, .half, .quarter, .month]
        }
        var offered: [Period] = []
        var notes: [String: String] = [:]
        for kind in kinds {
            guard let current = containing(today, kind) else { continue }
            var period: Period? = current
            for note in kinds.count == 1 ? ["current", "next", "after next"] : ["current", "next"] {
                guard let found = period else { break }
                offered.append(found)
                notes[found.text] = "\(note) \(kind.rawValue)"
                period = following(found)
            }
            if let parentPeriod, let parentID = document.goal?.parent {
                var inside = containing(parentPeriod.start, kind)
                var count = 0
                while let found = inside, found.start <= parentPeriod.end, count < 60 {
                    offered.append(found)
                    if notes[found.text] == nil { notes[found.text] = "within \(parentPeriod.text) of \(parentID)" }
                    inside = following(found)
                    count += 1
                }
            }
        }
        var seen = Set<String>()
        let ordered = offered.filter { seen.insert($0.text).inserted }.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        for period in ordered where items.matches(period.text) {
            items.add(period.text, kind: .constant, detail: notes[period.text], documentation: "\(period.start) to \(period.end)")
        }
    }

    /// The period of a kind that holds a day (nil before year 1000, which periods cannot write).
    static func containing(_ day: Day, _ kind: Period.Kind) -> Period? {
        guard day.year >= 1000, day.year <= 9999 else { return nil }
        let year = String(day.year)
        switch kind {
        case .year: return Period.parse(year)
        case .half: return Period.parse("\(year)-H\((day.month - 1) / 6 + 1)")
        case .quarter: return Period.parse("\(year)-Q\((day.month - 1) / 3 + 1)")
        case .month: return Period.parse("\(year)-\(day.month < 10 ? "0" : "")\(day.month)")
        case .week: return Period.isoWeek(containing: day)
        }
    }

    /// The period of the same kind that comes next.
    static func following(_ period: Period) -> Period? { containing(period.end.adding(days: 1), period.kind) }
}
