import Foundation

/// The messages read from the client and not yet handled. The server takes them in batches
/// (everything that arrived while it was busy), so that a burst of keystrokes costs one update
/// of the knowledge base, not one per keystroke.
final class MessageQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [[UInt8]] = []
    private var closed = false
    private var waiting: CheckedContinuation<[[UInt8]]?, Never>?

    func push(_ message: [UInt8]) {
        let waiter: CheckedContinuation<[[UInt8]]?, Never>? = lock.withLock {
            guard !closed else { return nil }
            if let waiter = waiting {
                waiting = nil
                return waiter
            }
            pending.append(message)
            return nil
        }
        waiter?.resume(returning: [message])
    }

    /// No more messages will come (the client closed the stream).
    func close() {
        let waiter: CheckedContinuation<[[UInt8]]?, Never>? = lock.withLock {
            closed = true
            defer { waiting = nil }
            return waiting
        }
        waiter?.resume(returning: nil)
    }

    /// Every message that has arrived, waiting for one when there is none; nil once the stream is
    /// closed and everything was taken.
    func next() async -> [[UInt8]]? {
        await withCheckedContinuation { continuation in
            let ready: [[UInt8]]?? = lock.withLock {
                if !pending.isEmpty {
                    defer { pending = [] }
                    return .some(pending)
                }
                if closed { return .some(nil) }
                waiting = continuation
                return .none
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    /// Whether messages are waiting (the server then leaves the update to the end of the next batch).
    var hasPending: Bool { lock.withLock { !pending.isEmpty } }
}
