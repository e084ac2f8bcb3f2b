import Foundation

/// The status codes the preview answers with.
struct HTTPStatus: Sendable, Equatable {
    let code: Int
    let reason: String

    static let ok = HTTPStatus(code: 200, reason: "OK")
    static let found = HTTPStatus(code: 302, reason: "Found")
    static let badRequest = HTTPStatus(code: 400, reason: "Bad Request")
    static let forbidden = HTTPStatus(code: 403, reason: "Forbidden")
    static let notFound = HTTPStatus(code: 404, reason: "Not Found")
    static let methodNotAllowed = HTTPStatus(code: 405, reason: "Method Not Allowed")
    static let uriTooLong = HTTPStatus(code: 414, reason: "URI Too Long")
    static let headerFieldsTooLarge = HTTPStatus(code: 431, reason: "Request Header Fields Too Large")
    static let serviceUnavailable = HTTPStatus(code: 503, reason: "Service Unavailable")
    static let versionNotSupported = HTTPStatus(code: 505, reason: "HTTP Version Not Supported")
}

/// A response of the preview: bytes of a known length, or a stream of events that lasts as long
/// as the connection (sent chunked).
struct Response: Sendable {
    enum Body: Sendable {
        case bytes([UInt8])
        case stream(AsyncStream<[UInt8]>)
    }

    var status: HTTPStatus
    var headers: [(name: String, value: String)]
    var body: Body

    init(_ status: HTTPStatus, contentType: String, body: Body) {
        self.status = status
        headers = [("Content-Type", contentType), ("Cache-Control", "no-store"), ("X-Content-Type-Options", "nosniff")]
        self.body = body
    }

    static func plain(_ status: HTTPStatus, _ text: String) -> Response {
        Response(status, contentType: "text/plain; charset=utf-8", body: .bytes(Array((text + "\n").utf8)))
    }

    /// The status line and header fields; `keepAlive` false adds `Connection: close`. A head
    /// response (to HEAD) names the length of the body it leaves out.
    func head(keepAlive: Bool) -> [UInt8] {
        var text = "HTTP/1.1 \(status.code) \(status.reason)\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        switch body {
        case .bytes(let bytes): text += "Content-Length: \(bytes.count)\r\n"
        case .stream: text += "Transfer-Encoding: chunked\r\n"
        }
        if !keepAlive { text += "Connection: close\r\n" }
        return Array((text + "\r\n").utf8)
    }

    /// One chunk of a chunked body (RFC 9112 §7.1); empty bytes would end the body, so they give nothing.
    static func chunk(_ bytes: [UInt8]) -> [UInt8] {
        bytes.isEmpty ? [] : Array((String(bytes.count, radix: 16) + "\r\n").utf8) + bytes + Array("\r\n".utf8)
    }
}
