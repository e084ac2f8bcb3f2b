import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What keeps `bearing serve` up whatever a client sends or fails to send (docs/security.md):
/// a request's head is read against these sizes, a connection that says nothing, or too little
/// too slowly, is closed, and connections beyond the cap are refused with 503.
public struct ServerLimits: Sendable {
    /// The longest line of a request's head (its request line or one header field): 414 or 431 beyond.
    public var lineBytes = 8 * 1024
    /// The whole head, request line and every field: 431 beyond.
    public var headBytes = 32 * 1024
    /// Header fields in one request: 431 beyond.
    public var fieldCount = 100
    /// How long a connection may wait before it starts a request (after it opens, or after a response).
    public var idleTimeout: Duration = .seconds(15)
    /// How long a request's head may take to arrive once its first byte has (slow clients, slowloris).
    public var headTimeout: Duration = .seconds(10)
    /// How long one response, or one event of a stream, may take to be written (a client that stops reading).
    public var writeTimeout: Duration = .seconds(30)
    /// After a refused request, how long and how much of the rest is read (and dropped) before
    /// closing, so that the client gets the answer instead of a reset connection.
    public var lingerTimeout: Duration = .seconds(2)
    public var lingerBytes = 1024 * 1024
    /// Open connections served at once; more are answered 503 and closed.
    public var connections = ServerLimits.connectionCap(descriptors: ServerLimits.descriptorLimit())

    public init() {}

    /// Descriptors kept for everything else: reading the knowledge base, the watcher, git, and
    /// accepting a connection only to refuse it.
    static let reserved = 128
    /// The cap when descriptors are plentiful: a preview has a handful of readers.
    static let mostConnections = 1000

    /// The cap that leaves `reserved` descriptors free below the process's limit.
    static func connectionCap(descriptors: Int) -> Int {
        max(1, min(mostConnections, descriptors - reserved))
    }

    /// The process's limit of open descriptors (RLIMIT_NOFILE, its soft limit).
    static func descriptorLimit() -> Int {
        var limit = rlimit()
        #if os(Linux)
        let status = getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
        #else
        let status = getrlimit(RLIMIT_NOFILE, &limit)
        #endif
        guard status == 0 else { return 1024 }
        return Int(clamping: min(limit.rlim_cur, rlim_t(Int32.max)))
    }
}
