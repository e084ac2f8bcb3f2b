import Testing
@testable import BearingCore

/// The byte scan that decides Markdown limits, rewritten to run by index over contiguous bytes,
/// gives what the first version (over a String's byte iterator, kept here as the reference) gave
/// on random bodies made of the bytes the scan cares about.
@Suite struct MarkdownLimitsScanTests {
    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64]) func theScanAgreesWithTheReference(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let alphabet = Array("-*+> \t\n0123456789.)w[]!<&\\`|@:_~aé".unicodeScalars)
        for _ in 0..<400 {
            let length = Int.random(in: 0...300, using: &random)
            var body = String.UnicodeScalarView()
            for _ in 0..<length { body.append(alphabet.randomElement(using: &random)!) }
            let text = String(body)
            let scan = MarkdownLimits.scan(text)
            let expected = Self.reference(text)
            #expect(scan.markupBytes == expected.markupBytes && scan.cut?.line == expected.cutLine, "\(text.debugDescription)")
        }
    }

    @Test func deepMarkersAreCutAtTheirLine() {
        let body = "text\n" + String(repeating: "> ", count: 20) + String(repeating: "- ", count: 10) + String(repeating: "1. ", count: 3) + "x\n"
        #expect(MarkdownLimits.scan(body).cut?.line == 2)
        #expect(MarkdownLimits.scan(String(repeating: "> ", count: 32) + "x").cut == nil)
    }

    /// The first version of the scan, byte by byte through the String's iterator.
    static func reference(_ body: String) -> (markupBytes: Int, cutLine: Int?) {
        let markup = Set("*_~[]!<&\\`\n|@:>-".utf8)
        var (markupBytes, line, depth, ws) = (0, 1, 0, 0)
        var atLineStart = true
        var bytes = body.utf8.makeIterator()
        var pending: UInt8? = nil
        while let byte = pending ?? bytes.next() {
            pending = nil
            if markup.contains(byte) { markupBytes += 1 }
            if byte == UInt8(ascii: "w") { ws += 1 } else {
                if byte == UInt8(ascii: "."), ws >= 3 { markupBytes += 4 }
                ws = 0
            }
            if byte == UInt8(ascii: "\n") { line += 1; atLineStart = true; depth = 0; continue }
            guard atLineStart else { continue }
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"): continue
            case UInt8(ascii: ">"): depth += 1
            case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"):
                guard let next = bytes.next() else { break }
                if next == UInt8(ascii: " ") || next == UInt8(ascii: "\t") { depth += 1 } else { atLineStart = false }
                pending = next
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                var next = bytes.next()
                while let digit = next, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) { next = bytes.next() }
                if let mark = next, mark == UInt8(ascii: ".") || mark == UInt8(ascii: ")") { depth += 1 } else { atLineStart = false; pending = next }
            default: atLineStart = false
            }
            if depth > MarkdownLimits.maxContainerDepth { return (markupBytes, line) }
        }
        return (markupBytes, markupBytes > MarkdownLimits.maxMarkupBytes ? 1 : nil)
    }
}
