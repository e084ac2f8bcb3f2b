import ArgumentParser
import BearingCore

/// `--today DATE`: the one injectable "now" of every command that needs one.
struct TodayOption: ParsableArguments {
    @Option(help: ArgumentHelp("The date to treat as today, YYYY-MM-DD (default: the system date, UTC).", valueName: "date"))
    var today: String?

    func validate() throws {
        if let today, Day.parse(today) == nil || today.count != 10 {
            throw ValidationError("--today must be a date YYYY-MM-DD, got '\(today)'")
        }
    }

    var clock: Clock {
        if let today, let day = Day.parse(today) { return .fixed(day) }
        return .system
    }
}
