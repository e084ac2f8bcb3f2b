import Foundation
import Testing
@testable import BearingLanguageServer

@Suite struct MessageFramerTests {
    @Test func messagesSplitAnywhereComeOutWhole() {
        let bodies = [#"{"a":1}"#, #"{"b":"é"}"#, "{}"].map { Array($0.utf8) }
        let stream = bodies.flatMap { MessageFramer.frame($0) }
        for cut in 1..<stream.count {
            var framer = MessageFramer()
            let frames = framer.append(stream[..<cut]) + framer.append(stream[cut...])
            #expect(frames == bodies.map { .message($0) }, "cut at \(cut)")
        }
    }

    @Test func aHeaderWithoutLengthIsReportedAndTheNextMessageStillRead() {
        var framer = MessageFramer()
        let frames = framer.append(Array("X-Other: 1\r\n\r\n".utf8) + MessageFramer.frame(Array("{}".utf8)))
        #expect(frames == [.malformed("a header without a Content-Length"), .message(Array("{}".utf8))])
    }

    /// The body of a header without a length is skipped up to the next message's header, even
    /// when it arrives byte by byte.
    @Test func theBodyOfAHeaderWithoutLengthIsSkippedToTheNextMessage() {
        let stream = Array("X-Other: 1\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"x\"}".utf8) + MessageFramer.frame(Array("{}".utf8))
        var whole = MessageFramer()
        #expect(whole.append(stream) == [.malformed("a header without a Content-Length"), .message(Array("{}".utf8))])
        var trickle = MessageFramer()
        #expect(stream.flatMap { trickle.append([$0]) } == [.malformed("a header without a Content-Length"), .message(Array("{}".utf8))])
    }

    @Test func anOversizedMessageIsSkippedNotBuffered() {
        var framer = MessageFramer()
        let length = MessageFramer.maximumLength + 1
        var frames = framer.append(Array("Content-Length: \(length)\r\n\r\n".utf8))
        #expect(frames.count == 1)
        let chunk = [UInt8](repeating: 32, count: 1 << 20)
        var sent = 0
        while sent < length {
            let part = chunk.prefix(length - sent)
            frames += framer.append(part)
            sent += part.count
        }
        #expect(framer.append(MessageFramer.frame(Array("{}".utf8))) == [.message(Array("{}".utf8))])
    }

    @Test func headerFieldsAreCaseInsensitiveAndOthersIgnored() {
        var framer = MessageFramer()
        let frames = framer.append(Array("content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}".utf8))
        #expect(frames == [.message(Array("{}".utf8))])
    }
}
