import Foundation

/// A request the server answers from a snapshot of the workspace: its method, what `initialize`
/// advertises for it, and the answer (its params decoded as LSP says, or an invalid-params error).
struct RequestHandler: Sendable {
    let method: String
    /// The server capability that announces it (`hoverProvider: true`); nil for none.
    let capability: (key: String, value: any Encodable & Sendable)?
    /// Whether the answer reads the alignment analysis (`snapshot.analysis`): the server makes it
    /// first (diagnostics never wait for it).
    var usesAnalysis = false
    let answer: @Sendable (_ message: [UInt8], _ snapshot: WorkspaceSnapshot) throws(ResponseError) -> any Encodable

    /// A handler whose params decode as `Params`.
    static func on<Params: Decodable, Answer: Encodable>(
        _ method: String, capability: (key: String, value: any Encodable & Sendable)?, usesAnalysis: Bool = false,
        _ answer: @escaping @Sendable (Params, WorkspaceSnapshot) -> Answer
    ) -> RequestHandler {
        RequestHandler(method: method, capability: capability, usesAnalysis: usesAnalysis) { message, snapshot throws(ResponseError) in
            guard let decoded = try? JSONDecoder().decode(IncomingMessage<Params>.self, from: Data(message)), let params = decoded.params else {
                throw ResponseError.invalidParams(method)
            }
            return answer(params, snapshot)
        }
    }
}

extension RequestHandler {
    /// Every request the server answers about the knowledge base (the lifecycle's own aside).
    static let all: [RequestHandler] = [
        CompletionFeature.handler,
        HoverFeature.handler,
        .codeAction,
        .codeLens,
        .inlayHint,
    ]
}
