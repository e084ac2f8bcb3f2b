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

    /// A handler whose params decode as `Params`; it may fail with an error response (a rename
    /// to an id that is taken).
    static func on<Params: Decodable & SendableMetatype, Answer: Encodable & SendableMetatype>(
        _ method: String, capability: (key: String, value: any Encodable & Sendable)?, usesAnalysis: Bool = false,
        _ answer: @escaping @Sendable (Params, WorkspaceSnapshot) throws(ResponseError) -> Answer
    ) -> RequestHandler {
        RequestHandler(method: method, capability: capability, usesAnalysis: usesAnalysis) { message, snapshot throws(ResponseError) in
            guard let decoded = try? JSONDecoder().decode(IncomingMessage<Params>.self, from: Data(message)), let params = decoded.params else {
                throw ResponseError.invalidParams(method)
            }
            return try answer(params, snapshot)
        }
    }
}

extension RequestHandler {
    /// Every request the server answers about the knowledge base (the lifecycle's own aside).
    static let all: [RequestHandler] = [
        .on("textDocument/definition", capability: ("definitionProvider", true)) { (params: TextDocumentPositionParams, snapshot) in
            GoToDefinition.locations(params, in: snapshot)
        },
        .on("textDocument/references", capability: ("referencesProvider", true)) { (params: ReferenceParams, snapshot) in
            FindReferences.locations(params, in: snapshot)
        },
        .on("textDocument/documentSymbol", capability: ("documentSymbolProvider", true)) { (params: DocumentSymbolParams, snapshot) in
            DocumentSymbols.outline(params, in: snapshot)
        },
        .on("workspace/symbol", capability: ("workspaceSymbolProvider", true)) { (params: WorkspaceSymbolParams, snapshot) in
            WorkspaceSymbols.symbols(params, in: snapshot)
        },
        .on("textDocument/prepareRename", capability: nil) { (params: TextDocumentPositionParams, snapshot) in
            RenameID.prepare(params, in: snapshot)
        },
        .on("textDocument/rename", capability: ("renameProvider", ["prepareProvider": true])) { (params: RenameParams, snapshot) throws(ResponseError) in
            try RenameID.edit(params, in: snapshot)
        },
        CompletionFeature.handler,
        HoverFeature.handler,
        .codeAction,
        .codeLens,
        .inlayHint,
    ]
}
