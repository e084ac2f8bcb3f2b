import Foundation

/// How a long stage says how far it is: its name, and how many of its items are done out of how
/// many (total 0: not counted). A value passed down the pipeline, never a global; `report` may be
/// called from any thread, often (once per document): the receiver throttles (ProgressMeter).
public struct ProgressReport: Sendable {
    public var report: @Sendable (_ stage: String, _ done: Int, _ total: Int) -> Void

    public init(_ report: @escaping @Sendable (_ stage: String, _ done: Int, _ total: Int) -> Void) {
        self.report = report
    }

    /// Counts the items of one stage done from several threads, reporting each.
    func counter(_ stage: String, total: Int) -> Counter { Counter(report: self, stage: stage, total: total) }

    final class Counter: @unchecked Sendable {
        private let report: ProgressReport
        private let stage: String
        private let total: Int
        private let lock = NSLock()
        private var done = 0

        init(report: ProgressReport, stage: String, total: Int) {
            (self.report, self.stage, self.total) = (report, stage, total)
            report.report(stage, 0, total)
        }

        func step() {
            let done = lock.withLock { self.done += 1; return self.done }
            report.report(stage, done, total)
        }
    }
}
