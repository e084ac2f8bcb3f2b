import Foundation

/// The open event streams of `/_bearing/live`.
final class EventListeners: @unchecked Sendable {
    private let lock = NSLock()
    private var streams: [UUID: AsyncStream<[UInt8]>.Continuation] = [:]

    /// A new stream that starts with `first`.
    func add(first: [UInt8]) -> AsyncStream<[UInt8]> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingNewest(16))
        continuation.yield(first)
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            _ = self.lock.withLock { self.streams.removeValue(forKey: id) }
        }
        lock.withLock { streams[id] = continuation }
        return stream
    }

    func send(_ event: [UInt8]) {
        for continuation in lock.withLock({ Array(streams.values) }) { continuation.yield(event) }
    }

    /// A comment line on every stream, so that closed connections are noticed and proxies keep them open.
    func keepAlive() {
        send(Array(": keep-alive\n\n".utf8))
    }
}
