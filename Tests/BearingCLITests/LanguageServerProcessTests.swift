import BearingTestSupport
import Foundation
import Foundation
import Testing

/// `bearing lsp` as an editor runs it: a process speaking over its standard input and output.
@Suite struct LanguageServerProcessTests {
    private func frame(_ json: String) -> [UInt8] { Array("Content-Length: \(json.utf8.count)\r\n\r\n\(json)".utf8) }

    private var kb: String { Program.packageRoot.appendingPathComponent("examples/northwind").path }

    private func initialize(id: Int = 1) -> [UInt8] {
        frame(#"{"jsonrpc":"2.0","id":\#(id),"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}"#)
    }

    @Test func shutdownThenExitEndsWithStatusZero() throws {
        let input = initialize() + frame(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#)
            + frame(#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#) + frame(#"{"jsonrpc":"2.0","method":"exit"}"#)
        let run = try Program.run(Program.bearing, ["lsp", kb, "--today", "2027-02-17", "--no-git"], input: input)
        #expect(run.exited)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(#""id":1,"jsonrpc":"2.0","result":{"capabilities""#), "\(run.stdout)")
        #expect(run.stdout.contains(#"{"id":2,"jsonrpc":"2.0","result":null}"#), "\(run.stdout)")
    }

    /// Garbage, a header without a length and a message over the limit are answered with parse
    /// errors; the server goes on, and ends (status 1: no shutdown) when its input closes.
    @Test func malformedInputIsSurvivedAndAClosedInputEndsTheServer() throws {
        let oversized = Array("Content-Length: 99999999999\r\n\r\n".utf8)
        let input = frame("{not json") + Array("X-Nothing: 1\r\n\r\n".utf8) + initialize(id: 7) + oversized
        let run = try Program.run(Program.bearing, ["lsp", kb, "--no-git"], input: input)
        #expect(run.exited, "a signal ended the server: \(run.stderr)")
        #expect(run.status == 1)
        #expect(run.stdout.components(separatedBy: #""code":-32700"#).count - 1 == 3, "\(run.stdout)")
        #expect(run.stdout.contains(#""id":7,"jsonrpc":"2.0","result""#), "\(run.stdout)")
    }
}
