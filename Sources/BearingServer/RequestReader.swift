/// Reads request heads off a connection, one after the other, within `ServerLimits`: every byte
/// is looked at once (a long line costs what it weighs, nothing quadratic), and a line or head
/// over its limit is refused as soon as it is, without waiting for the rest.
struct RequestReader {
    let limits: ServerLimits
    /// Bytes received and not yet used: the start of the next request when a client pipelines.
    private var buffer: [UInt8] = []
    /// How far `buffer` has been scanned, where the current line starts, and the lines ended so far.
    private var scanned = 0
    private var lineStart = 0
    private var lines: [Range<Int>] = []

    init(limits: ServerLimits) {
        self.limits = limits
    }

    /// The next request's head; nil when the client closed the connection between requests.
    /// `read` gives the next bytes (nil at the end); `started` is called when the request's first byte is there.
    mutating func next(read: () async throws -> [UInt8]?, started: () -> Void) async throws -> Result<RequestHead, Refusal>? {
        if !buffer.isEmpty { started() }
        while true {
            if let head = scan() { return head }
            guard let bytes = try await read(), !bytes.isEmpty else {
                if buffer.isEmpty { return nil }
                return .failure(.badRequest("the connection closed inside the request's head"))
            }
            if buffer.isEmpty { started() }
            buffer += bytes
        }
    }

    /// Looks at the bytes not scanned yet: a head when its empty line is there, a refusal when a limit is passed, else nil.
    private mutating func scan() -> Result<RequestHead, Refusal>? {
        while scanned < buffer.count {
            let byte = buffer[scanned]
            scanned += 1
            if byte != UInt8(ascii: "\n") {
                if scanned - lineStart > limits.lineBytes { return .failure(lines.isEmpty ? .targetTooLong : .headTooLarge("a line is over \(limits.lineBytes) bytes")) }
                if scanned > limits.headBytes { return .failure(.headTooLarge("the head is over \(limits.headBytes) bytes")) }
                continue
            }
            var end = scanned - 1
            if end > lineStart, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            let line = lineStart..<end
            lineStart = scanned
            if !line.isEmpty {
                lines.append(line)
                if lines.count > limits.fieldCount + 1 { return .failure(.headTooLarge("more than \(limits.fieldCount) header fields")) }
                continue
            }
            // Empty lines before a request line are skipped (RFC 9112 §2.2); after one, the head is complete.
            if lines.isEmpty { continue }
            let head = RequestHead.parse(lines.map { buffer[$0] })
            buffer.removeFirst(scanned)
            scanned = 0
            lineStart = 0
            lines = []
            return head
        }
        return nil
    }
}
