import XCTest
@testable import BearingLanguageServer

final class LifecycleTests: XCTestCase {
    func testInitializeAdvertisesIncrementalSyncAndAgreesOnAnEncoding() async throws {
        let session = try await ServerSession(encodings: ["utf-8", "utf-16"])
        let capabilities = try XCTUnwrap((session.initializeResult as? [String: Any])?["capabilities"] as? [String: Any])
        XCTAssertEqual(capabilities["positionEncoding"] as? String, "utf-8")
        XCTAssertEqual((capabilities["textDocumentSync"] as? [String: Any])?["change"] as? Int, 2)
    }

    func testATypoInAnOpenBufferIsReportedAndItsFixClearsIt() async throws {
        let session = try await ServerSession()
        let path = "briefs/dunning-automation.md"
        try await session.open(path)
        let original = try session.text(path)
        await session.change(path, to: original.replacingOccurrences(of: "goals: [g-2027-q1-dso]", with: "goals: [g-2027-q1-dsx]"))
        let broken = try XCTUnwrap(session.diagnostics(path))
        let unresolved = try XCTUnwrap(broken.first { $0["code"] as? String == "unresolved-reference" })
        let range = try XCTUnwrap(unresolved["range"] as? [String: [String: Int]])
        XCTAssertEqual(range["start"], ["line": 4, "character": 8])
        XCTAssertEqual(range["end"], ["line": 4, "character": 21])
        await session.change(path, to: original, version: 3)
        XCTAssertFalse(try XCTUnwrap(session.diagnostics(path)).contains { $0["code"] as? String == "unresolved-reference" })
        // The buffer was never written to disk.
        XCTAssertEqual(try session.text(path), original)
    }

    /// A goal marked achieved in an unsaved buffer gives diagnostics to the briefs that still serve
    /// it, though they are not open; putting it back clears them (an empty list is sent).
    func testAnEditPublishesDiagnosticsInTheFilesItBreaks() async throws {
        let session = try await ServerSession()
        let goal = "goals/g-2027-q1-dso.md"
        try await session.open(goal)
        let original = try session.text(goal)
        await session.change(goal, to: original.replacingOccurrences(of: "status: active", with: "status: achieved"))
        let brief = "briefs/dunning-automation.md"
        let broken = try XCTUnwrap(session.diagnostics(brief), "the brief that serves the goal got diagnostics")
        XCTAssertTrue(broken.contains { $0["code"] as? String == "serves-finished-goal" && ($0["message"] as? String)?.contains("g-2027-q1-dso") == true }, "\(broken)")
        await session.change(goal, to: original, version: 3)
        XCTAssertFalse(try XCTUnwrap(session.diagnostics(brief)).contains { $0["code"] as? String == "serves-finished-goal" })
    }

    func testRequestsBeforeInitializeAndUnknownMethodsAreErrors() async throws {
        let session = try await ServerSession()
        let unknown = try await session.requestResponse("textDocument/noSuchThing", [:])
        XCTAssertEqual((unknown["error"] as? [String: Any])?["code"] as? Int, -32601)
        let malformed = await session.server.handle([Array("{not json".utf8)])
        XCTAssertTrue(malformed, "the server keeps serving after a malformed message")
        XCTAssertEqual((session.messages.last?["error"] as? [String: Any])?["code"] as? Int, -32700)
    }

    func testShutdownThenExitEndsTheSession() async throws {
        let session = try await ServerSession()
        let answer = try await session.request("shutdown", [:])
        XCTAssertTrue(answer is NSNull)
        XCTAssertTrue(session.server.shutdownRequested)
        let goesOn = await session.server.handle([Array(#"{"jsonrpc":"2.0","method":"exit"}"#.utf8)])
        XCTAssertFalse(goesOn)
    }
}
