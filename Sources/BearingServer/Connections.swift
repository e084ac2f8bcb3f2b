import Foundation

/// The open connections: how many (for the cap), and by when each must have done what it is
/// doing (waiting for a request, reading one, writing a response). A sweep cancels the task of
/// every connection past its deadline, which closes it: one clock for all, instead of a timer per read.
final class Connections: @unchecked Sendable {
    private struct Entry {
        var task: Task<Void, Never>?
        var deadline: ContinuousClock.Instant?
    }

    private let lock = NSLock()
    private var entries: [Int: Entry] = [:]
    private var nextID = 0

    /// A new connection, counted from now; nil when `cap` are already open.
    func open(cap: Int) -> Int? {
        lock.withLock {
            guard entries.count < cap else { return nil }
            nextID += 1
            entries[nextID] = Entry()
            return nextID
        }
    }

    /// The task serving a connection, so that a sweep can stop it (nothing when it has already ended).
    func attach(_ id: Int, task: Task<Void, Never>) {
        let ended = lock.withLock { () -> Bool in
            guard entries[id] != nil else { return true }
            entries[id]?.task = task
            return false
        }
        if ended { task.cancel() }
    }

    /// Its deadline from now, or none (a stream of events waiting for the next one).
    func setDeadline(_ id: Int, after duration: Duration?) {
        let deadline = duration.map { ContinuousClock.now + $0 }
        lock.withLock { entries[id]?.deadline = deadline }
    }

    func close(_ id: Int) {
        _ = lock.withLock { entries.removeValue(forKey: id) }
    }

    /// Cancels the connections past their deadline.
    func sweep(now: ContinuousClock.Instant = .now) {
        let late = lock.withLock { entries.values.filter { $0.deadline.map { $0 <= now } ?? false }.compactMap(\.task) }
        for task in late { task.cancel() }
    }

    /// Cancels every connection (the server stops).
    func cancelAll() {
        for task in lock.withLock({ entries.values.compactMap(\.task) }) { task.cancel() }
    }
}
