import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The server's standard input and output: a thread reads stdin, cuts it into messages
/// (`MessageFramer`) and queues them; `send` writes one framed message to stdout at a time.
/// Nothing else may write to stdout while the server runs (diagnostics of the server itself go
/// to stderr).
final class StdioConnection: @unchecked Sendable {
    let queue = MessageQueue()
    private let writeLock = NSLock()
    /// Called with what the framer could not read (the server answers with a parse error).
    private let onMalformed: @Sendable (String) -> Void
    private var broken = false

    init(onMalformed: @escaping @Sendable (String) -> Void) {
        self.onMalformed = onMalformed
    }

    /// Starts reading stdin on a thread of its own; the queue closes at end of input.
    func start() {
        let queue = queue
        let onMalformed = onMalformed
        let thread = Thread {
            var framer = MessageFramer()
            var chunk = [UInt8](repeating: 0, count: 64 << 10)
            while true {
                let count = chunk.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                for frame in framer.append(chunk[0..<count]) {
                    switch frame {
                    case .message(let body): queue.push(body)
                    case .malformed(let reason): onMalformed(reason)
                    }
                }
            }
            queue.close()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Writes a message; once stdout is gone (the client left), writes nothing more.
    func send(_ message: OutgoingMessage) {
        let bytes = MessageFramer.frame(message.encoded())
        writeLock.withLock {
            guard !broken else { return }
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
                if written < 0, errno == EINTR { continue }
                guard written > 0 else {
                    broken = true
                    return
                }
                offset += written
            }
        }
    }
}
