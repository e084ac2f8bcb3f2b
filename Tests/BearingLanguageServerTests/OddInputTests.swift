import XCTest
@testable import BearingLanguageServer

/// Positions and texts no editor sends but any client can: each request answers (a result or an
/// error response), and the server goes on serving.
final class OddInputTests: XCTestCase {
    private let path = "briefs/dunning-automation.md"

    func testExtremePositionsAreClampedNotTrapped() async throws {
        let session = try await ServerSession()
        try await session.open(path)
        let document: [String: Any] = ["uri": session.uri(path)]
        for (line, character) in [(Int.max, Int.max), (Int.min, Int.min), (Int(Int32.max), 0), (4, Int.max), (-1, 3)] {
            let position: [String: Any] = ["line": line, "character": character]
            let range: [String: Any] = ["start": position, "end": position]
            let requests: [(String, [String: Any])] = [
                ("textDocument/hover", ["textDocument": document, "position": position]),
                ("textDocument/definition", ["textDocument": document, "position": position]),
                ("textDocument/references", ["textDocument": document, "position": position, "context": ["includeDeclaration": true]]),
                ("textDocument/completion", ["textDocument": document, "position": position]),
                ("textDocument/prepareRename", ["textDocument": document, "position": position]),
                ("textDocument/rename", ["textDocument": document, "position": position, "newName": "x-new"]),
                ("textDocument/codeAction", ["textDocument": document, "range": range, "context": ["diagnostics": []]]),
                ("textDocument/inlayHint", ["textDocument": document, "range": range]),
            ]
            for (method, params) in requests {
                let response = try await session.requestResponse(method, params)
                XCTAssertTrue(response["result"] != nil || response["error"] != nil, "\(method) at \(line):\(character) answered")
            }
            await session.notify("textDocument/didChange", ["textDocument": ["uri": session.uri(path), "version": 9],
                                                            "contentChanges": [["range": range, "text": "x"]]])
        }
        // Still serving, with the edits applied at the clamped places.
        let symbols = try await session.request("textDocument/documentSymbol", ["textDocument": document])
        XCTAssertFalse((symbols as? [Any] ?? []).isEmpty)
    }

    /// Thousands of links on one line (each resolved or not): every request about it answers, the
    /// line is read once per request, not once per link.
    func testThousandsOfLinksOnOneLine() async throws {
        let session = try await ServerSession()
        let note = "notes/stripe-migration-log.md"
        let links = (0..<5_000).map { $0 % 2 == 0 ? "[[g-nope-\($0)]]" : "[[0007-use-stripe-for-card-and-ach-payments]]" }.joined(separator: " ")
        let text = "---\ntitle: Many links\n---\n" + links + "\n"
        try text.write(toFile: session.root + "/" + note, atomically: true, encoding: .utf8)
        await session.notify("textDocument/didOpen", ["textDocument": ["uri": session.uri(note), "languageId": "markdown", "version": 1, "text": text]])
        let unresolved = try XCTUnwrap(session.diagnostics(note)).filter { $0["code"] as? String == "unresolved-reference" }
        XCTAssertEqual(unresolved.count, 2_500)
        let last = links.utf16.count - 4
        let hover = try await session.request("textDocument/hover", ["textDocument": ["uri": session.uri(note)], "position": ["line": 3, "character": last]])
        XCTAssertTrue(String(describing: hover).contains("Stripe"), "\(hover)")
        let hints = try await session.request("textDocument/inlayHint", ["textDocument": ["uri": session.uri(note)],
                                                                        "range": ["start": ["line": 0, "character": 0], "end": ["line": 5, "character": 0]]])
        XCTAssertNotNil(hints as? [Any])
    }
}
