import Foundation

/// The one progress line a long command shows on a terminal (the CLI decides when: stderr a
/// terminal, not CI, not `-q`): nothing during the first second, then the stage, the items done out
/// of the total and the time since the start, rewritten in place (`\r`, then erase to the end of the
/// line) at most every `interval`, and erased by `clear()` (before other output, and at the end).
/// The clock is injected: tests drive it by hand.
public final class ProgressMeter: @unchecked Sendable {
    private let now: @Sendable () -> UInt64
    private let show: @Sendable (String) -> Void
    private let delay: UInt64
    private let interval: UInt64
    private let start: UInt64
    private let lock = NSLock()
    private var lastShown: UInt64?
    private var lineShown = false

    /// `now`: nanoseconds from any fixed point; `show`: writes its text to the terminal as is.
    public init(delay: UInt64 = 1_000_000_000, interval: UInt64 = 100_000_000,
                now: @escaping @Sendable () -> UInt64 = { DispatchTime.now().uptimeNanoseconds },
                show: @escaping @Sendable (String) -> Void) {
        self.now = now
        self.show = show
        self.delay = delay
        self.interval = interval
        start = now()
    }

    /// What the pipeline reports to.
    public var report: ProgressReport { ProgressReport { [self] in update($0, done: $1, total: $2) } }

    public func update(_ stage: String, done: Int, total: Int) {
        lock.withLock {
            let time = now()
            let elapsed = time &- start
            guard elapsed >= delay else { return }
            if let lastShown, time &- lastShown < interval { return }
            lastShown = time
            lineShown = true
            show("\r" + Self.line(stage, done: done, total: total, elapsed: elapsed) + "\u{1B}[K")
        }
    }

    /// Erases the line when one is shown; a later update may show it again.
    public func clear() {
        lock.withLock {
            guard lineShown else { return }
            lineShown = false
            lastShown = nil
            show("\r\u{1B}[K")
        }
    }

    /// `parsing 4210/10000 · 3.2 s`; without a total, `writing the site 1500 · 5.0 s`.
    static func line(_ stage: String, done: Int, total: Int, elapsed: UInt64) -> String {
        let tenths = elapsed / 100_000_000
        let count = total > 0 ? "\(done)/\(total)" : "\(done)"
        return "\(stage) \(count) · \(tenths / 10).\(tenths % 10) s"
    }
}
