import BearingCore
import Foundation
import Testing
@testable import BearingLanguageServer

/// A language server driven in the test's process, as a client would: messages in as JSON, every
/// message the server sends collected. The knowledge base is a copy of a folder (default: the
/// Northwind example) in a temporary folder, so that a test may change files on disk.
final class ServerSession: @unchecked Sendable {
    let root: String
    let server: LanguageServer
    private let lock = NSLock()
    private var sent: [[String: Any]] = []
    private var nextID = 1

    /// `clientCapabilities`: more of the client's capabilities (`workspace`, `textDocument`) than the encodings.
    init(copying source: String = "examples/northwind", today: String = "2027-02-17", encodings: [String] = [],
         clientCapabilities: [String: Any] = [:]) async throws {
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bearing-lsp-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: package.appendingPathComponent(source), to: folder)
        root = folder.path
        let box = Outbox()
        server = LanguageServer(options: .init(folder: nil, clock: .fixed(Day.parse(today)!), readsHistory: false, version: "test"),
                                send: { message in box.append(message.encoded()) })
        outbox = box
        var capabilities = clientCapabilities
        if !encodings.isEmpty { capabilities["general"] = ["positionEncodings": encodings] }
        initializeResult = try await request("initialize", ["processId": NSNull(), "rootUri": DocumentURI.uri(of: root), "capabilities": capabilities])
        await notify("initialized", [:])
    }

    private let outbox: Outbox
    private(set) var initializeResult: Any = NSNull()

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func uri(_ path: String) -> String { DocumentURI.uri(of: root + "/" + path) }

    func text(_ path: String) throws -> String { try String(contentsOfFile: root + "/" + path, encoding: .utf8) }

    /// Sends a request and returns its result (records an issue on an error response, at the
    /// caller's line). The caller's place comes as `#fileID`… rather than `#_sourceLocation`,
    /// a macro of Testing that a file importing only XCTest could not expand.
    @discardableResult
    func request(_ method: String, _ params: [String: Any],
                 fileID: String = #fileID, filePath: String = #filePath, line: Int = #line, column: Int = #column) async throws -> Any {
        let response = try await requestResponse(method, params)
        if let error = response["error"] {
            Issue.record("\(method) failed: \(error)", sourceLocation: SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column))
        }
        return response["result"] ?? NSNull()
    }

    /// Sends a request and returns the whole response (result or error).
    func requestResponse(_ method: String, _ params: [String: Any]) async throws -> [String: Any] {
        let id = nextID
        nextID += 1
        _ = await server.handle([try Self.encode(["jsonrpc": "2.0", "id": id, "method": method, "params": params])])
        guard let response = outbox.messages().last(where: { ($0["id"] as? Int) == id && $0["method"] == nil }) else {
            throw SessionError.noResponse(method)
        }
        return response
    }

    func notify(_ method: String, _ params: [String: Any]) async {
        _ = await server.handle([try! Self.encode(["jsonrpc": "2.0", "method": method, "params": params])])
    }

    func open(_ path: String) async throws {
        await notify("textDocument/didOpen", ["textDocument": ["uri": uri(path), "languageId": "markdown", "version": 1, "text": try text(path)]])
    }

    /// Replaces the whole text of an open file.
    func change(_ path: String, to text: String, version: Int = 2) async {
        await notify("textDocument/didChange", ["textDocument": ["uri": uri(path), "version": version], "contentChanges": [["text": text]]])
    }

    /// The diagnostics last published for a file (nil: none published yet).
    func diagnostics(_ path: String) -> [[String: Any]]? {
        let published = outbox.messages().filter { ($0["method"] as? String) == "textDocument/publishDiagnostics" }
        let last = published.last { (($0["params"] as? [String: Any])?["uri"] as? String) == uri(path) }
        return (last?["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]]
    }

    /// Every message the server sent, decoded.
    var messages: [[String: Any]] { outbox.messages() }

    /// The 0-based position of the first occurrence of `needle` in a file's text (plus `offset` characters).
    func position(of needle: String, in path: String, offset: Int = 0) throws -> [String: Int] {
        let lines = try text(path).components(separatedBy: "\n")
        for (number, line) in lines.enumerated() {
            if let found = line.range(of: needle) {
                return ["line": number, "character": line.utf16.distance(from: line.startIndex, to: found.lowerBound) + offset]
            }
        }
        throw SessionError.notFound(needle)
    }

    static func encode(_ object: [String: Any]) throws -> [UInt8] { Array(try JSONSerialization.data(withJSONObject: object)) }

    enum SessionError: Error { case noResponse(String), notFound(String) }

    private final class Outbox: @unchecked Sendable {
        private let lock = NSLock()
        private var bodies: [[UInt8]] = []
        func append(_ body: [UInt8]) { lock.withLock { bodies.append(body) } }
        func messages() -> [[String: Any]] {
            lock.withLock { bodies }.compactMap { try? JSONSerialization.jsonObject(with: Data($0)) as? [String: Any] }
        }
    }
}
