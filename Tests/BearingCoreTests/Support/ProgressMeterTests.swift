import Foundation
import Testing
@testable import BearingCore

/// The progress line: silent for the first second, then at most ten updates a second, erased
/// when cleared. The clock is a counter the test moves.
@Suite struct ProgressMeterTests {
    final class Screen: @unchecked Sendable {
        let lock = NSLock()
        var time: UInt64 = 0
        var written: [String] = []
        func advance(milliseconds: UInt64) { lock.withLock { time += milliseconds * 1_000_000 } }
    }

    static func meter(_ screen: Screen) -> ProgressMeter {
        ProgressMeter(now: { screen.lock.withLock { screen.time } }, show: { text in screen.lock.withLock { screen.written.append(text) } })
    }

    @Test func theLineSaysStageCountAndTime() {
        #expect(ProgressMeter.line("parsing", done: 4210, total: 10000, elapsed: 3_250_000_000) == "parsing 4210/10000 · 3.2 s")
        #expect(ProgressMeter.line("checking", done: 0, total: 0, elapsed: 12_000_000_000) == "checking 0 · 12.0 s")
    }

    @Test func silentForASecondThenThrottledThenErased() {
        let screen = Screen()
        let meter = Self.meter(screen)
        meter.update("parsing", done: 1, total: 10)
        screen.advance(milliseconds: 999)
        meter.update("parsing", done: 2, total: 10)
        #expect(screen.written.isEmpty)
        meter.clear()
        #expect(screen.written.isEmpty)
        screen.advance(milliseconds: 1)
        meter.update("parsing", done: 3, total: 10)
        #expect(screen.written == ["\rparsing 3/10 · 1.0 s\u{1B}[K"])
        screen.advance(milliseconds: 99)
        meter.update("parsing", done: 4, total: 10)
        #expect(screen.written.count == 1)
        screen.advance(milliseconds: 1)
        meter.report.report("rendering pages", 5, 10)
        #expect(screen.written.last == "\rrendering pages 5/10 · 1.1 s\u{1B}[K")
        meter.clear()
        #expect(screen.written.last == "\r\u{1B}[K")
        meter.clear()
        #expect(screen.written.count == 3)
        // Shown again after a clear, at once.
        meter.update("writing", done: 6, total: 0)
        #expect(screen.written.last == "\rwriting 6 · 1.1 s\u{1B}[K")
    }
}
