import BearingCore
import FlyingFox
import FlyingSocks
import Foundation

/// The HTTP side of `bearing serve` (the only code that links an HTTP library): the site's files
/// from a PreviewSite, and `/_bearing/live`, a stream of server-sent events that tells every open
/// page which site is current and which errors hold the next one back.
public final class PreviewServer: Sendable {
    public let site: PreviewSite
    private let server: HTTPServer
    private let listeners = EventListeners()
    /// The host names a request may name (its Host header) when listening on loopback: a web
    /// page elsewhere cannot read the preview through DNS rebinding. Nil: any (another address
    /// was asked for, so other machines are meant to read it).
    private let allowedHosts: Set<String>?

    /// Listens on `host` (an IPv4 or IPv6 address; 127.0.0.1 unless told otherwise) and `port` (0: any free port).
    public init(site: PreviewSite, host: String = "127.0.0.1", port: UInt16) throws {
        self.site = site
        let address: any SocketAddress = host.contains(":") ? try sockaddr_in6.inet6(ip6: host, port: port) : try sockaddr_in.inet(ip4: host, port: port)
        server = HTTPServer(config: .init(address: address, timeout: 30, logger: .disabled))
        allowedHosts = ["127.0.0.1", "::1", "localhost"].contains(host) ? ["127.0.0.1", "[::1]", "localhost"] : nil
    }

    /// Whether the request's Host header names this machine (see `allowedHosts`).
    private func isAllowed(_ request: HTTPRequest) -> Bool {
        guard let allowedHosts else { return true }
        guard let header = request.headers[.host]?.lowercased() else { return false }
        // The name without its port: `localhost:4000`, `[::1]:4000`.
        let name = header.hasPrefix("[") ? String(header.prefix { $0 != "]" }) + "]" : String(header.prefix { $0 != ":" })
        return allowedHosts.contains(name)
    }

    private static func plain(_ status: HTTPStatusCode, _ text: String) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: headers("text/plain; charset=utf-8"), body: Data(text.utf8))
    }

    private static func headers(_ contentType: String) -> HTTPHeaders {
        HTTPHeaders([.contentType: contentType, HTTPHeader("Cache-Control"): "no-store", HTTPHeader("X-Content-Type-Options"): "nosniff"])
    }

    /// Serves until cancelled.
    public func run() async throws {
        await server.appendRoute(HTTPRoute("GET \(LiveReload.eventsPath)")) { [self] request in
            isAllowed(request) ? await events() : Self.plain(.forbidden, "Forbidden: unknown host\n")
        }
        await server.appendRoute("GET *") { [self] request in
            isAllowed(request) ? await file(request) : Self.plain(.forbidden, "Forbidden: unknown host\n")
        }
        try await server.run()
    }

    /// The port listened on, once listening.
    public func port() async throws -> UInt16 {
        try await server.waitUntilListening()
        guard case .ip4(_, let port) = await server.listeningAddress else {
            if case .ip6(_, let port) = await server.listeningAddress { return port }
            return 0
        }
        return port
    }

    /// Tells every open page what the last rebuild did.
    public func announce() {
        listeners.send(state())
    }

    /// A comment on every event stream, so that closed connections are noticed.
    public func keepAlive() {
        listeners.keepAlive()
    }

    private func state() -> [UInt8] {
        Array(LiveReload.stateEvent(generation: site.generation?.number ?? 0, problems: site.problems).utf8)
    }

    private func events() async -> HTTPResponse {
        let stream = listeners.add(first: state())
        return HTTPResponse(statusCode: .ok, headers: Self.headers("text/event-stream"),
                            body: HTTPBodySequence(from: EventBytes(chunks: stream)))
    }

    private func file(_ request: HTTPRequest) async -> HTTPResponse {
        let raw = request.target.path(percentEncoded: true)
        guard let path = raw.removingPercentEncoding, !path.split(separator: "/").contains("..") else {
            return Self.plain(.badRequest, "Bad request\n")
        }
        switch await site.response(for: path) {
        case .file(let bytes, let contentType):
            return HTTPResponse(statusCode: .ok, headers: Self.headers(contentType), body: Data(bytes))
        case .redirect(let location):
            // Temporary: the files may change, and a browser keeps a permanent redirect for good.
            var response = Self.plain(.found, "Found: \(location)\n")
            response.headers[.location] = location
            return response
        case .notFound:
            return Self.plain(.notFound, "Not found: \(path)\n")
        }
    }
}

/// The open event streams.
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

/// An event stream's bytes, for a chunked response body.
struct EventBytes: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let chunks: AsyncStream<[UInt8]>

    func makeAsyncIterator() -> Iterator { Iterator(base: chunks.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var base: AsyncStream<[UInt8]>.Iterator
        var pending: ArraySlice<UInt8> = []

        mutating func next() async -> UInt8? {
            await nextBuffer(suggested: 1)?.first
        }

        mutating func nextBuffer(suggested count: Int) async -> ArraySlice<UInt8>? {
            while pending.isEmpty {
                guard let chunk = await base.next() else { return nil }
                pending = chunk[...]
            }
            let taken = pending.prefix(Swift.max(1, count))
            pending = pending.dropFirst(taken.count)
            return taken
        }
    }
}
