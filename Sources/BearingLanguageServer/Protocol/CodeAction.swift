/// `textDocument/codeAction`'s params: the file, the selection, and the diagnostics the editor
/// shows there (with the kinds of action asked for, when it narrows them).
struct CodeActionParams: Decodable {
    var textDocument: TextDocumentIdentifier
    var range: Range
    var context: CodeActionContext
}

/// What the editor says about the selection: the diagnostics it shows there, and the kinds of
/// action it wants (`quickfix`, `refactor`; nil or empty: all).
struct CodeActionContext: Decodable {
    var diagnostics: [ClientDiagnostic]
    var only: [String]?
}

/// A diagnostic as the client sends it back in a code action's context: any server's, so
/// only `range` and `message` are required, and `code` may be a number or a string.
struct ClientDiagnostic: Codable, Hashable, Sendable {
    var range: Range
    var severity: Int?
    var code: Code?
    var source: String?
    var message: String

    /// A diagnostic's code, as written (`"unresolved-reference"`, or another server's number).
    enum Code: Codable, Hashable, Sendable {
        case string(String)
        case number(Int)

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int.self) { self = .number(number) } else { self = .string(try container.decode(String.self)) }
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .string(let text): try container.encode(text)
            case .number(let number): try container.encode(number)
            }
        }
    }

    /// One of the server's own diagnostics, as the client would send it back.
    init(_ diagnostic: LSPDiagnostic) {
        range = diagnostic.range
        severity = diagnostic.severity
        code = .string(diagnostic.code)
        source = diagnostic.source
        message = diagnostic.message
    }

    /// The Bearing rule that made it (nil for another server's diagnostic).
    var rule: String? {
        guard source == nil || source == "bearing", case .string(let rule) = code else { return nil }
        return rule
    }
}

/// A code action: its title, kind, the diagnostics it fixes, and the edit the editor applies.
struct CodeAction: Encodable, Equatable {
    var title: String
    var kind: String
    var diagnostics: [ClientDiagnostic]?
    var isPreferred: Bool?
    var edit: WorkspaceEdit

    /// The kind of a fix for a diagnostic.
    static let quickFix = "quickfix"
    /// The kind of a change of what the document says (its status).
    static let rewrite = "refactor.rewrite"
}
