import XCTest
@testable import BearingLanguageServer

final class MessageFramerTests: XCTestCase {
    func testMessagesSplitAnywhereComeOutWhole() {
        let bodies = [#"{"a":1}"#, #"{"b":"é"}"#, "{}"].map { Array($0.utf8) }
        let stream = bodies.flatMap { MessageFramer.frame($0) }
        for cut in 1..<stream.count {
            var framer = MessageFramer()
            let frames = framer.append(stream[..<cut]) + framer.append(stream[cut...])
            XCTAssertEqual(frames, bodies.map { .message($0) }, "cut at \(cut)")
        }
    }

    func testAHeaderWithoutLengthIsReportedAndTheNextMessageStillRead() {
        var framer = MessageFramer()
        let frames = framer.append(Array("X-Other: 1\r\n\r\n".utf8) + MessageFramer.frame(Array("{}".utf8)))
        XCTAssertEqual(frames, [.malformed("a header without a Content-Length"), .message(Array("{}".utf8))])
    }

    /// The body of a header without a length is skipped up to the next message's header, even
    /// when it arrives byte by byte.
    func testTheBodyOfAHeaderWithoutLengthIsSkippedToTheNextMessage() {
        let stream = Array("X-Other: 1\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"x\"}".utf8) + MessageFramer.frame(Array("{}".utf8))
        var whole = MessageFramer()
        XCTAssertEqual(whole.append(stream), [.malformed("a header without a Content-Length"), .message(Array("{}".utf8))])
        var trickle = MessageFramer()
        XCTAssertEqual(stream.flatMap { trickle.append([$0]) }, [.malformed("a header without a Content-Length"), .message(Array("{}".utf8))])
    }

    func testAnOversizedMessageIsSkippedNotBuffered() {
        var framer = MessageFramer()
        let length = MessageFramer.maximumLength + 1
        var frames = framer.append(Array("Content-Length: \(length)\r\n\r\n".utf8))
        XCTAssertEqual(frames.count, 1)
        let chunk = [UInt8](repeating: 32, count: 1 << 20)
        var sent = 0
        while sent < length {
            let part = chunk.prefix(length - sent)
            frames += framer.append(part)
            sent += part.count
        }
        XCTAssertEqual(framer.append(MessageFramer.frame(Array("{}".utf8))), [.message(Array("{}".utf8))])
    }

    func testHeaderFieldsAreCaseInsensitiveAndOthersIgnored() {
        var framer = MessageFramer()
        let frames = framer.append(Array("content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}".utf8))
        XCTAssertEqual(frames, [.message(Array("{}".utf8))])
    }
}
