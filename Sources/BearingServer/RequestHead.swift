import Foundation

/// A request's line and header fields (RFC 9112 §2–5), parsed from the bytes before the empty
/// line: strictly, since nothing but browsers on this machine should be talking to the preview.
/// The reader (`RequestReader`) has already held the bytes to `ServerLimits`.
struct RequestHead: Sendable, Equatable {
    struct Field: Sendable, Equatable {
        var name: String
        var value: String
    }

    var method: String
    /// The origin-form target: a path, maybe with a query.
    var target: String
    /// 0 for HTTP/1.0, 1 for HTTP/1.1.
    var minorVersion: Int
    var fields: [Field]

    /// Every value of a field, in order (names are case-insensitive).
    func values(_ name: String) -> [String] {
        let name = name.lowercased()
        return fields.filter { $0.name.lowercased() == name }.map(\.value)
    }

    /// Whether the connection may carry another request after this one's response.
    var keepsAlive: Bool {
        let tokens = values("Connection").flatMap { $0.lowercased().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        if tokens.contains("close") { return false }
        return minorVersion == 1 || tokens.contains("keep-alive")
    }

    /// Whether a body follows the head (a preview takes none: the connection is closed after the response).
    var hasBody: Bool {
        !values("Transfer-Encoding").isEmpty || values("Content-Length").contains { $0 != "0" }
    }

    /// The path of the target, without its query.
    var path: String {
        String(target.prefix { $0 != "?" && $0 != "#" })
    }

    /// Parses the head's lines (each without its line end; leading empty lines already dropped).
    static func parse(_ lines: [ArraySlice<UInt8>]) -> Result<RequestHead, Refusal> {
        guard let first = lines.first else { return .failure(.badRequest("no request line")) }
        let parts = first.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(isTokenByte) else {
            return .failure(.badRequest("malformed request line"))
        }
        guard parts[1].first == UInt8(ascii: "/"), parts[1].allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            return .failure(.badRequest("the target must be a path"))
        }
        let version = String(decoding: parts[2], as: UTF8.self)
        guard version.hasPrefix("HTTP/") else { return .failure(.badRequest("malformed request line")) }
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else { return .failure(.versionNotSupported) }
        var fields: [Field] = []
        for line in lines.dropFirst() {
            // A line folded onto the previous one (obs-fold) is refused (RFC 9112 §5.2).
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
                  line[..<colon].allSatisfy(isTokenByte) else {
                return .failure(.badRequest("malformed header field"))
            }
            let value = line[line.index(after: colon)...].trimmed
            guard value.allSatisfy({ $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7F) }) else {
                return .failure(.badRequest("control character in a header field"))
            }
            fields.append(Field(name: String(decoding: line[..<colon], as: UTF8.self), value: String(decoding: value, as: UTF8.self)))
        }
        return .success(RequestHead(method: String(decoding: parts[0], as: UTF8.self), target: String(decoding: parts[1], as: UTF8.self),
                                    minorVersion: version == "HTTP/1.1" ? 1 : 0, fields: fields))
    }

    /// The bytes of a token (RFC 9110 §5.6.2): a method or a field name.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }
}

/// Why a request is answered without being served; the connection is closed after the answer.
enum Refusal: Error, Equatable {
    case badRequest(String)
    case targetTooLong
    case headTooLarge(String)
    case versionNotSupported

    var status: HTTPStatus {
        switch self {
        case .badRequest: return .badRequest
        case .targetTooLong: return .uriTooLong
        case .headTooLarge: return .headerFieldsTooLarge
        case .versionNotSupported: return .versionNotSupported
        }
    }

    var message: String {
        switch self {
        case .badRequest(let why): return "Bad request: \(why)"
        case .targetTooLong: return "URI too long"
        case .headTooLarge(let why): return "Request header fields too large: \(why)"
        case .versionNotSupported: return "HTTP version not supported"
        }
    }
}

extension ArraySlice<UInt8> {
    /// Without spaces and tabs at either end.
    var trimmed: ArraySlice<UInt8> {
        let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        guard let start = firstIndex(where: { !blank($0) }), let end = lastIndex(where: { !blank($0) }) else { return self[endIndex...] }
        return self[start...end]
    }
}
