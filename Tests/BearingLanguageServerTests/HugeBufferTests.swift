import XCTest
@testable import BearingLanguageServer

/// Buffers no one should write but anyone can open: every request still answers, and the limits
/// of `bearing check` apply to unsaved text as to files.
final class HugeBufferTests: XCTestCase {
    private let path = "briefs/dunning-automation.md"

    /// One body line of a megabyte ending in a wikilink: each feature answers about its end.
    func testAMegabyteLineIsServed() async throws {
        let session = try await ServerSession()
        try await session.open(path)
        let filler = String(repeating: "Ünïcode and ascii ", count: 60_000)
        let text = try session.text(path) + "\n" + filler + "[[0007-use-stripe-for-card-and-ach-payments]]\n"
        await session.change(path, to: text)
        let line = text.components(separatedBy: "\n").count - 2
        let character = filler.utf16.count + 4
        let at: [String: Any] = ["textDocument": ["uri": session.uri(path)], "position": ["line": line, "character": character]]
        let hover = try await session.request("textDocument/hover", at)
        XCTAssertTrue(String(describing: hover).contains("Stripe"), "hover names the target: \(hover)")
        let definition = try await session.request("textDocument/definition", at)
        XCTAssertTrue(String(describing: definition).contains("0007-use-stripe"), "\(definition)")
        _ = try await session.request("textDocument/completion", at)
        _ = try await session.request("textDocument/documentSymbol", ["textDocument": ["uri": session.uri(path)]])
    }

    /// Over the 8 MiB limit, the unsaved text is skipped with the same warning a file gets.
    func testABufferOverTheFileLimitIsSkippedWithAWarning() async throws {
        let session = try await ServerSession()
        try await session.open(path)
        await session.change(path, to: try session.text(path) + String(repeating: "x", count: 9 << 20))
        let diagnostics = try XCTUnwrap(session.diagnostics(path))
        XCTAssertTrue(diagnostics.contains { $0["code"] as? String == "file-too-large" }, "\(diagnostics.map { $0["code"] ?? "" })")
        let hover = try await session.requestResponse("textDocument/hover", ["textDocument": ["uri": session.uri(path)], "position": ["line": 1, "character": 1]])
        XCTAssertNil(hover["error"])
    }
}
