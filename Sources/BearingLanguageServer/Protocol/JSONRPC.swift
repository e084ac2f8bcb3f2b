import Foundation

/// A request's id: JSON-RPC allows a number or a string.
public enum RequestID: Hashable, Sendable, Codable {
    case number(Int)
    case string(String)

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) { self = .number(number) } else { self = .string(try container.decode(String.self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let number): try container.encode(number)
        case .string(let text): try container.encode(text)
        }
    }
}

/// A message from the client, its params decoded as `Params` (`Ignored` to read only the envelope).
struct IncomingMessage<Params: Decodable>: Decodable {
    var id: RequestID?
    var method: String?
    var params: Params?
}

/// Decodes from any JSON and keeps nothing: reading a message's envelope without its params.
struct Ignored: Decodable {
    init(from decoder: Decoder) throws {}
}

/// The error of a failed request (JSON-RPC and LSP codes).
public struct ResponseError: Error, Codable, Sendable, Equatable {
    public var code: Int
    public var message: String

    public init(_ code: Int, _ message: String) {
        self.code = code
        self.message = message
    }

    static let parseError = -32700
    static let invalidRequest = -32600
    static let methodNotFound = -32601
    static let invalidParams = -32602
    static let internalError = -32603
    static let serverNotInitialized = -32002
    static let requestFailed = -32803
    static let contentModified = -32801

    static func invalidParams(_ method: String) -> ResponseError {
        ResponseError(invalidParams, "the params of '\(method)' are not what LSP 3.17 says")
    }
}

/// What the server writes: a response to a request, a notification, or a request of its own.
public enum OutgoingMessage: @unchecked Sendable {
    case response(id: RequestID?, result: any Encodable)
    case failure(id: RequestID?, error: ResponseError)
    case notification(method: String, params: any Encodable)
    case request(id: RequestID, method: String, params: any Encodable)

    /// The JSON body (keys sorted: the same message is the same bytes).
    public func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let envelope: any Encodable = switch self {
        case .response(let id, let result): Reply(id: id, outcome: .result(AnyEncodable(result)))
        case .failure(let id, let error): Reply(id: id, outcome: .error(error))
        case .notification(let method, let params): Notification(method: method, params: AnyEncodable(params))
        case .request(let id, let method, let params): Request(id: id, method: method, params: AnyEncodable(params))
        }
        if let data = try? encoder.encode(envelope) { return Array(data) }
        // Only a value JSON cannot hold (a NaN) gets here: say so rather than send nothing.
        let fallback = Reply(id: id, outcome: .error(ResponseError(ResponseError.internalError, "the result could not be written as JSON")))
        return Array((try? encoder.encode(fallback)) ?? Data())
    }

    private var id: RequestID? {
        switch self {
        case .response(let id, _), .failure(let id, _): id
        case .notification, .request: nil
        }
    }

    /// A response: its id, always written (null when unknown), and its result or its error.
    private struct Reply: Encodable {
        enum Outcome {
            case result(AnyEncodable)
            case error(ResponseError)
        }

        var id: RequestID?
        var outcome: Outcome

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode("2.0", forKey: .jsonrpc)
            try container.encode(id, forKey: .id)
            switch outcome {
            case .result(let result): try container.encode(result, forKey: .result)
            case .error(let error): try container.encode(error, forKey: .error)
            }
        }

        enum CodingKeys: String, CodingKey { case jsonrpc, id, result, error }
    }

    private struct Request: Encodable {
        let jsonrpc = "2.0"
        var id: RequestID
        var method: String
        var params: AnyEncodable
    }

    private struct Notification: Encodable {
        let jsonrpc = "2.0"
        var method: String
        var params: AnyEncodable
    }
}

/// Any encodable value; `nil` (an optional result) is written as JSON null.
struct AnyEncodable: Encodable {
    let value: any Encodable

    init(_ value: any Encodable) { self.value = value }

    func encode(to encoder: Encoder) throws {
        if let optional = value as? OptionalEncodable, optional.isNone {
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        } else {
            try value.encode(to: encoder)
        }
    }
}

private protocol OptionalEncodable { var isNone: Bool { get } }

extension Optional: OptionalEncodable {
    var isNone: Bool { self == nil }
}

/// The JSON null, as a result (`shutdown`'s).
struct JSONNull: Encodable {
    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encodeNil()
    }
}
