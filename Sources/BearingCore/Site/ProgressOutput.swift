/// A site output that reports each document page written (ProgressReport) and passes every file on.
final class ProgressOutput<Base: SiteOutput>: SiteOutput {
    private let base: Base
    private let pages: Set<String>
    private let counter: ProgressReport.Counter

    init(_ base: Base, pages: Set<String>, progress: ProgressReport) {
        self.base = base
        self.pages = pages
        counter = progress.counter("rendering pages", total: pages.count)
    }

    func write(_ path: String, bytes: [UInt8]) {
        base.write(path, bytes: bytes)
        if pages.contains(path) { counter.step() }
    }

    func write(_ path: String, streaming produce: (_ emit: ([UInt8]) -> Void) -> Void) {
        base.write(path, streaming: produce)
        if pages.contains(path) { counter.step() }
    }

    func copy(from source: String, to path: String) { base.copy(from: source, to: path) }
}
