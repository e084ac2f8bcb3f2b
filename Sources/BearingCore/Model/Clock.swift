import Foundation

/// The one source of "today" for all date logic; tests and `--today` inject a fixed day.
public struct Clock: Sendable {
    public var today: @Sendable () -> Day

    public init(today: @escaping @Sendable () -> Day) { self.today = today }

    /// A clock fixed on one day.
    public static func fixed(_ day: Day) -> Clock { Clock { day } }

    /// The system clock, in UTC.
    public static let system = Clock {
        let seconds = Int(Date().timeIntervalSince1970)
        return Day(ordinal: Int((Double(seconds) / 86_400).rounded(.down)))
    }
}
