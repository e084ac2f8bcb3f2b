import BearingCore
import FlyingSocks
import Foundation

/// The HTTP side of `bearing serve` (the only code that links a socket library): the site's files
/// from a PreviewSite, and `/_bearing/live`, a stream of server-sent events that tells every open
/// page which site is current and which errors hold the next one back.
///
/// HTTP/1.1 is read here, on FlyingSocks' sockets, rather than by FlyingFox's server, whose head
/// parsing is quadratic in a line's length and which cannot limit heads, time out idle or slow
/// connections, cap them, or see a duplicate `Host` (docs/security.md). Only GET and HEAD are served.
public final class PreviewServer: Sendable {
    public let site: PreviewSite
    let limits: ServerLimits
    private let listener: Socket
    private let listeningPort: UInt16
    private let pool: any AsyncSocketPool
    let hostCheck: HostCheck
    let listeners = EventListeners()
    let connections = Connections()

    /// Listens on `host` (an IPv4 or IPv6 address; 127.0.0.1 unless told otherwise) and `port` (0: any free port).
    public init(site: PreviewSite, host: String = "127.0.0.1", port: UInt16, limits: ServerLimits = ServerLimits()) throws {
        self.site = site
        self.limits = limits
        let address: any SocketAddress = host.contains(":") ? try sockaddr_in6.inet6(ip6: host, port: port) : try sockaddr_in.inet(ip4: host, port: port)
        let socket = try Socket(domain: Int32(type(of: address).family))
        do {
            try socket.setValue(true, for: .localAddressReuse)
            try socket.bind(to: address)
            try socket.listen()
        } catch {
            try? socket.close()
            throw error
        }
        listener = socket
        switch try socket.sockname() {
        case .ip4(_, let port), .ip6(_, let port): listeningPort = port
        case .unix: listeningPort = port
        }
        pool = SocketPool.make(maxEvents: 64)
        hostCheck = HostCheck(host: host, port: listeningPort)
    }

    /// The port listened on.
    public func port() async throws -> UInt16 { listeningPort }

    /// Serves until cancelled. Nothing a client does ends it: a connection's failure closes that connection.
    public func run() async throws {
        try await pool.prepare()
        let socket = try AsyncSocket(socket: listener, pool: pool)
        defer {
            connections.cancelAll()
            try? listener.close()
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { [pool] in try await pool.run() }
            group.addTask { [self] in await sweep() }
            group.addTask { [self] in await accept(on: socket) }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Tells every open page what the last rebuild did.
    public func announce() {
        listeners.send(state())
    }

    /// A comment on every event stream, so that closed connections are noticed.
    public func keepAlive() {
        listeners.keepAlive()
    }

    /// Closes connections past their deadline, several times within the shortest timeout.
    private func sweep() async {
        let shortest = min(limits.idleTimeout, limits.headTimeout, limits.writeTimeout)
        let interval = min(shortest / 4, .milliseconds(250))
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            connections.sweep()
        }
    }

    private func accept(on socket: AsyncSocket) async {
        var spare = Refusing.spareDescriptor()
        while !Task.isCancelled {
            let client: AsyncSocket
            do {
                client = try await socket.accept()
            } catch SocketError.failed(_, let code, _) where code == EMFILE || code == ENFILE {
                // Out of descriptors all the same (files read by a rebuild, another cap): the spare
                // one lets the waiting connection be accepted and refused, then the loop waits a little.
                Refusing.refuseWithSpare(&spare, listener: listener)
                try? await Task.sleep(for: .milliseconds(50))
                continue
            } catch {
                if Task.isCancelled { return }
                // A connection reset before it was accepted, and the like: the next one is served.
                try? await Task.sleep(for: .milliseconds(10))
                continue
            }
            guard let id = connections.open(cap: limits.connections) else {
                Refusing.refuse(client.socket)
                continue
            }
            let task = Task { [self] in
                await serve(client, id: id)
            }
            connections.attach(id, task: task)
        }
    }
}
