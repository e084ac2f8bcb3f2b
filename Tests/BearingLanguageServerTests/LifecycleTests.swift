import Foundation
import Testing
@testable import BearingLanguageServer

@Suite struct LifecycleTests {
    @Test func initializeAdvertisesIncrementalSyncAndAgreesOnAnEncoding() async throws {
        let session = try await ServerSession(encodings: ["utf-8", "utf-16"])
        let capabilities = try #require((session.initializeResult as? [String: Any])?["capabilities"] as? [String: Any])
        #expect(capabilities["positionEncoding"] as? String == "utf-8")
        #expect((capabilities["textDocumentSync"] as? [String: Any])?["change"] as? Int == 2)
    }

    @Test func aTypoInAnOpenBufferIsReportedAndItsFixClearsIt() async throws {
        let session = try await ServerSession()
        let path = "briefs/dunning-automation.md"
        try await session.open(path)
        let original = try session.text(path)
        await session.change(path, to: original.replacingOccurrences(of: "goals: [g-2027-q1-dso]", with: "goals: [g-2027-q1-dsx]"))
        let broken = try #require(session.diagnostics(path))
        let unresolved = try #require(broken.first { $0["code"] as? String == "unresolved-reference" })
        let range = try #require(unresolved["range"] as? [String: [String: Int]])
        #expect(range["start"] == ["line": 4, "character": 8])
        #expect(range["end"] == ["line": 4, "character": 21])
        await session.change(path, to: original, version: 3)
        try #expect(!(#require(session.diagnostics(path)).contains { $0["code"] as? String == "unresolved-reference" }))
        // The buffer was never written to disk.
        try #expect(session.text(path) == original)
    }

    /// A goal marked achieved in an unsaved buffer gives diagnostics to the briefs that still serve
    /// it, though they are not open; putting it back clears them (an empty list is sent).
    @Test func anEditPublishesDiagnosticsInTheFilesItBreaks() async throws {
        let session = try await ServerSession()
        let goal = "goals/g-2027-q1-dso.md"
        try await session.open(goal)
        let original = try session.text(goal)
        await session.change(goal, to: original.replacingOccurrences(of: "status: active", with: "status: achieved"))
        let brief = "briefs/dunning-automation.md"
        let broken = try #require(session.diagnostics(brief), "the brief that serves the goal got diagnostics")
        #expect(broken.contains { $0["code"] as? String == "serves-finished-goal" && ($0["message"] as? String)?.contains("g-2027-q1-dso") == true }, "\(broken)")
        await session.change(goal, to: original, version: 3)
        try #expect(!(#require(session.diagnostics(brief)).contains { $0["code"] as? String == "serves-finished-goal" }))
    }

    @Test func unknownMethodsAndMalformedMessagesAreErrors() async throws {
        let session = try await ServerSession()
        let unknown = try await session.requestResponse("textDocument/noSuchThing", [:])
        #expect((unknown["error"] as? [String: Any])?["code"] as? Int == -32601)
        let malformed = await session.server.handle([Array("{not json".utf8)])
        #expect(malformed, "the server keeps serving after a malformed message")
        #expect((session.messages.last?["error"] as? [String: Any])?["code"] as? Int == -32700)
    }

    @Test func shutdownThenExitEndsTheSession() async throws {
        let session = try await ServerSession()
        let answer = try await session.request("shutdown", [:])
        #expect(answer is NSNull)
        #expect(session.server.shutdownRequested)
        let goesOn = await session.server.handle([Array(#"{"jsonrpc":"2.0","method":"exit"}"#.utf8)])
        #expect(!(goesOn))
    }
}
