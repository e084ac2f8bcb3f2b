import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// With `BEARING_TIMINGS=1` in the environment, prints how long each stage of a load or a
/// rebuild took to stderr (`timing: model 41 ms`): for finding where time goes, not for tests.
public struct StageTimer {
    public static let enabled = ProcessInfo.processInfo.environment["BEARING_TIMINGS"] == "1"
    private var start = DispatchTime.now().uptimeNanoseconds

    public init() {}

    /// Prints the time since the last mark (or since the timer was made).
    public mutating func mark(_ stage: String) {
        guard Self.enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        // write(2), not FileHandle: a closed or full stderr must not end the run.
        var line = "timing: \(stage) \((now - start) / 1_000_000) ms\n"
        _ = line.withUTF8 { Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
        start = now
    }
}
