import BearingCore
import FlyingSocks
import Foundation

extension PreviewServer {
    /// One connection: requests one after the other, each head read within the limits, until
    /// the client closes it, a request asks to close it, or a deadline passes (the sweep cancels
    /// this task: a waiting read or write then throws).
    func serve(_ client: AsyncSocket, id: Int) async {
        defer {
            try? client.close()
            connections.close(id)
        }
        var reader = RequestReader(limits: limits)
        while !Task.isCancelled {
            connections.setDeadline(id, after: limits.idleTimeout)
            let next: Result<RequestHead, Refusal>?
            do {
                next = try await reader.next(read: { try await Self.read(client) },
                                             started: { connections.setDeadline(id, after: limits.headTimeout) })
            } catch {
                return
            }
            switch next {
            case nil:
                return
            case .failure(let refusal):
                _ = await send(.plain(refusal.status, refusal.message), to: client, id: id, keepAlive: false, headOnly: false)
                await linger(client, id: id)
                return
            case .success(let head):
                let response = await respond(to: head)
                // A body the preview does not read, or an answer that refuses the request, ends the connection.
                let keepAlive = head.keepsAlive && !head.hasBody && ![400, 405].contains(response.status.code)
                guard await send(response, to: client, id: id, keepAlive: keepAlive, headOnly: head.method == "HEAD") else {
                    if !keepAlive, head.keepsAlive { await linger(client, id: id) }
                    return
                }
            }
        }
    }

    /// After refusing a request whose bytes may still be coming: what the client sends is read and
    /// dropped for a while (up to `lingerBytes`), so that closing does not reset the connection
    /// before the client has read the answer (RFC 9112 §9.6).
    private func linger(_ client: AsyncSocket, id: Int) async {
        _ = shutdown(client.socket.file.rawValue, Int32(SHUT_WR))
        connections.setDeadline(id, after: limits.lingerTimeout)
        var dropped = 0
        while dropped < limits.lingerBytes, let bytes = try? await Self.read(client) {
            dropped += bytes.count
        }
    }

    /// The next bytes of a connection; nil once the client has closed it.
    private static func read(_ client: AsyncSocket) async throws -> [UInt8]? {
        do {
            return try await client.read(atMost: 4096)
        } catch SocketError.disconnected {
            return nil
        }
    }

    /// Writes a response, each write within the write timeout; whether the connection may go on.
    private func send(_ response: Response, to client: AsyncSocket, id: Int, keepAlive: Bool, headOnly: Bool) async -> Bool {
        connections.setDeadline(id, after: limits.writeTimeout)
        do {
            switch response.body {
            case .bytes(let bytes):
                try await client.write(Data(response.head(keepAlive: keepAlive) + (headOnly ? [] : bytes)))
                return keepAlive
            case .stream(let events):
                try await client.write(Data(response.head(keepAlive: false)))
                guard !headOnly else { return false }
                connections.setDeadline(id, after: nil)
                for await event in events {
                    connections.setDeadline(id, after: limits.writeTimeout)
                    try await client.write(Data(Response.chunk(event)))
                    connections.setDeadline(id, after: nil)
                }
                return false
            }
        } catch {
            return false
        }
    }

    /// The answer to a request whose head was read.
    func respond(to head: RequestHead) async -> Response {
        if let refusal = hostCheck.refusal(of: head) { return refusal }
        guard head.method == "GET" || head.method == "HEAD" else {
            var response = Response.plain(.methodNotAllowed, "Method not allowed")
            response.headers.append(("Allow", "GET, HEAD"))
            return response
        }
        guard let path = head.path.removingPercentEncoding, !path.split(separator: "/").contains("..") else {
            return .plain(.badRequest, "Bad request")
        }
        if path == LiveReload.eventsPath {
            return Response(.ok, contentType: "text/event-stream", body: .stream(listeners.add(first: state())))
        }
        switch await site.response(for: path) {
        case .file(let bytes, let contentType):
            return Response(.ok, contentType: contentType, body: .bytes(bytes))
        case .redirect(let location):
            // Temporary: the files may change, and a browser keeps a permanent redirect for good.
            var response = Response.plain(.found, "Found: \(location)")
            response.headers.append(("Location", location))
            return response
        case .notFound:
            return .plain(.notFound, "Not found: \(path)")
        }
    }

    func state() -> [UInt8] {
        Array(LiveReload.stateEvent(generation: site.generation?.number ?? 0, problems: site.problems).utf8)
    }
}
