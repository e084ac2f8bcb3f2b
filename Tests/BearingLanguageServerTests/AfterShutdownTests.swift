import Foundation
import Testing
@testable import BearingLanguageServer

/// After `shutdown` the server answers every request but `exit` (and a repeated `shutdown`)
/// with -32600 Invalid Request, as LSP 3.17 asks, and still ends on `exit`.
@Suite struct AfterShutdownTests {
    @Test(arguments: ["textDocument/hover", "textDocument/definition", "textDocument/noSuchThing", "initialize"])
    func aRequestAfterShutdownIsInvalid(method: String) async throws {
        let session = try await ServerSession()
        let params = try session.at("g-2027-q1-dso", in: "briefs/dunning-automation.md", offset: 2)
        // Before shutdown the same request is answered (or, for the unknown method, not found).
        let before = try await session.requestResponse(method, params)
        #expect((before["error"] as? [String: Any])?["code"] as? Int != -32600 || method == "initialize")
        #expect(try await session.request("shutdown", [:]) is NSNull)
        let after = try await session.requestResponse(method, params)
        let error = try #require(after["error"] as? [String: Any], "\(method) after shutdown: \(after)")
        #expect(error["code"] as? Int == -32600)
        #expect(after["result"] == nil)
        let goesOn = await session.server.handle([Array(#"{"jsonrpc":"2.0","method":"exit"}"#.utf8)])
        #expect(!goesOn, "exit after shutdown ends the session")
    }

    @Test func aSecondShutdownIsAnsweredAndANotificationIsIgnored() async throws {
        let session = try await ServerSession()
        let path = "briefs/dunning-automation.md"
        try await session.open(path)
        #expect(try await session.request("shutdown", [:]) is NSNull)
        let published = session.messages.count
        await session.change(path, to: "---\nstatus: nonsense\n---\n")
        #expect(session.messages.count == published, "nothing is published while shutting down")
        #expect(try await session.request("shutdown", [:]) is NSNull)
        #expect(session.server.shutdownRequested)
    }
}
