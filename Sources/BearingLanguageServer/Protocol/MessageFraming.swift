import Foundation

/// The base protocol's framing: each JSON-RPC message is a header (`Content-Length: N`, other
/// fields ignored, each line ending in CRLF, an empty line ending it) then N bytes of JSON.
/// `MessageFramer` takes bytes as they arrive and hands back whole messages; a header it cannot
/// read or a length over the limit is an error the caller reports and the connection survives:
/// an oversized body is skipped by its length; after a header without a length (whose body's
/// length is unknown) the framer skips to the next `Content-Length`.
public struct MessageFramer: Sendable {
    /// The largest message body accepted (an 8 MiB file's full text, JSON-escaped, fits).
    public static let maximumLength = 64 << 20
    /// The longest header accepted before its empty line.
    static let maximumHeader = 8 << 10

    /// One thing read from the stream.
    public enum Frame: Equatable, Sendable {
        case message([UInt8])
        /// A header without a usable Content-Length, or a length over the limit: skipped.
        case malformed(String)
    }

    private var buffer: [UInt8] = []
    private var start = 0
    /// The body length of the message being read, once its header is read.
    private var expected: Int?
    /// Bytes of an oversized body still to skip.
    private var skipping = 0
    /// After a header without a length: bytes are dropped up to the next `Content-Length`.
    private var resynchronising = false

    public init() {}

    /// Adds bytes read from the stream and returns every frame they complete.
    public mutating func append(_ bytes: some Sequence<UInt8>) -> [Frame] {
        buffer.append(contentsOf: bytes)
        var frames: [Frame] = []
        while let frame = next() { frames.append(frame) }
        if start > 0, start >= buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
        return frames
    }

    private mutating func next() -> Frame? {
        if resynchronising {
            guard let found = nextLengthField() else {
                start = max(start, buffer.count - Self.lengthField.count)
                return nil
            }
            start = found
            resynchronising = false
        }
        if skipping > 0 {
            let skipped = min(skipping, buffer.count - start)
            start += skipped
            skipping -= skipped
            if skipping > 0 { return nil }
        }
        if let length = expected {
            guard buffer.count - start >= length else { return nil }
            let body = Array(buffer[start..<start + length])
            start += length
            expected = nil
            return .message(body)
        }
        guard let end = headerEnd() else {
            if buffer.count - start > Self.maximumHeader {
                start += 1
                resynchronising = true
                return .malformed("a header longer than \(Self.maximumHeader) bytes")
            }
            return nil
        }
        let header = String(decoding: buffer[start..<end], as: UTF8.self)
        start = end + 4
        guard let length = Self.contentLength(in: header) else {
            resynchronising = true
            return .malformed("a header without a Content-Length")
        }
        guard length <= Self.maximumLength else {
            skipping = length
            return .malformed("a message of \(length) bytes (the limit is \(Self.maximumLength))")
        }
        expected = length
        return next()
    }

    private static let lengthField = Array("content-length:".utf8)

    /// Where the next `Content-Length:` (any case) starts, from `start` (a body ends without a
    /// line break: the next header follows its last byte).
    private func nextLengthField() -> Int? {
        let field = Self.lengthField
        var i = start
        while i + field.count <= buffer.count {
            if (0..<field.count).allSatisfy({ buffer[i + $0] | (buffer[i + $0] >= 65 && buffer[i + $0] <= 90 ? 0x20 : 0) == field[$0] }) {
                return i
            }
            i += 1
        }
        return nil
    }

    /// Where the header's empty line (CRLF CRLF) starts.
    private func headerEnd() -> Int? {
        var i = start
        while i + 3 < buffer.count {
            if buffer[i] == 13, buffer[i + 1] == 10, buffer[i + 2] == 13, buffer[i + 3] == 10 { return i }
            i += 1
        }
        return nil
    }

    static func contentLength(in header: String) -> Int? {
        for line in header.split(separator: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "content-length" else { continue }
            let value = parts[1].trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty, value.count < 12, value.allSatisfy({ $0 >= "0" && $0 <= "9" }) else { return nil }
            return Int(value)
        }
        return nil
    }

    /// A message body with its header, ready to write.
    public static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}
