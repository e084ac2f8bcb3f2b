import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A raw HTTP/1.1 client, to send what a browser would not. Its socket does not block: a test
/// runs on the few threads of Swift's cooperative pool that the server in the same process needs
/// too, so the client polls and sleeps. Every read waits at most `timeout` seconds: a server that
/// hangs fails the test instead of stalling it.
final class TestClient {
    struct Answer {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    let fd: Int32
    let timeout: Double
    private var pending: [UInt8] = []

    init(port: UInt16, timeout: Double = 20) throws {
        self.timeout = timeout
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard status == 0 else {
            close(fd)
            throw POSIXError(.ECONNREFUSED)
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    }

    deinit { close(fd) }

    /// Sends all the bytes, or as many as the server takes before it closes.
    func send(_ text: String) async { await send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) async {
        var sent = 0
        let deadline = Date().addingTimeInterval(timeout)
        while sent < bytes.count, Date() < deadline {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count < 0, errno == EAGAIN {
                try? await Task.sleep(for: .milliseconds(2))
                continue
            }
            if count <= 0 { return }
            sent += count
        }
    }

    /// `GET path` with this server's Host.
    func get(_ path: String, port: UInt16, extra: String = "") async -> Answer? {
        await send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\(extra)\r\n")
        return await answer()
    }

    /// The next response (a body of Content-Length bytes, none for a HEAD request); nil when the
    /// connection closed or nothing came in time.
    func answer(toHead: Bool = false) async -> Answer? {
        while true {
            if let end = pending.firstRange(of: Array("\r\n\r\n".utf8)) {
                let head = String(decoding: pending[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
                var headers: [String: String] = [:]
                for line in head.dropFirst() {
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
                let length = toHead ? 0 : Int(headers["content-length"] ?? "0") ?? 0
                while pending.count < end.upperBound + length, await fill() {}
                guard pending.count >= end.upperBound + length else { return nil }
                let body = String(decoding: pending[end.upperBound..<(end.upperBound + length)], as: UTF8.self)
                pending.removeFirst(end.upperBound + length)
                let status = Int(head[0].split(separator: " ").dropFirst().first ?? "") ?? 0
                return Answer(status: status, headers: headers, body: body)
            }
            guard await fill() else { return nil }
        }
    }

    /// Whether the server closes the connection (end of file or reset) before the timeout.
    func isClosedByServer() async -> Bool {
        var scratch = [UInt8](repeating: 0, count: 4096)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let count = recv(fd, &scratch, scratch.count, 0)
            if count == 0 { return true }
            if count < 0, errno != EAGAIN { return errno == ECONNRESET }
            if count < 0 { try? await Task.sleep(for: .milliseconds(5)) }
        }
        return false
    }

    /// Whether `text` comes (in whatever is received) within 30 seconds, before the connection closes.
    func read(until text: String) async -> Bool {
        while !String(decoding: pending, as: UTF8.self).contains(text) {
            guard await fill() else { return false }
        }
        return true
    }

    /// More bytes; false when the connection closed or nothing came within the timeout.
    private func fill() async -> Bool {
        var scratch = [UInt8](repeating: 0, count: 65536)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let count = recv(fd, &scratch, scratch.count, 0)
            if count > 0 {
                pending += scratch[..<count]
                return true
            }
            if count == 0 || errno != EAGAIN { return false }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return false
    }
}
