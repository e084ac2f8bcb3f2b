import BearingCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The progress line of a long command (ProgressMeter), on stderr: only when stderr is a terminal,
/// not in CI (the `CI` environment variable set) and not with `-q`, so that logs and pipes never
/// get one. `BEARING_PROGRESS_AFTER_MS` sets how long a command runs before the line appears
/// (default 1000; the end-to-end tests use 0).
enum TerminalProgress {
    static func meter(quiet: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) -> ProgressMeter? {
        guard !quiet, environment["CI"] == nil, isatty(STDERR_FILENO) == 1 else { return nil }
        let delay = environment["BEARING_PROGRESS_AFTER_MS"].flatMap(UInt64.init).map { $0 * 1_000_000 } ?? 1_000_000_000
        return ProgressMeter(delay: delay) { text in _ = StandardStream.write(text, to: STDERR_FILENO) }
    }
}
