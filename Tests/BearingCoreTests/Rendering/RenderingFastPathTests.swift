import Foundation
import Testing
@testable import BearingCore

/// The site's rendering without intermediate copies gives the same bytes as the plain way: stacked
/// contexts as one merged dictionary, pre-rendered HTML bytes as a string, escaping into a buffer
/// as `Escape.html`, JSON strings copied in runs as byte by byte, a search index written in parts
/// as in one piece.
@Suite struct RenderingFastPathTests {
    static let samples = ["", "plain", "<a href=\"q\">'&'</a>", "&&&", "héllo <wörld> ☃ \u{2028}", "tail<", ">head", "\"", "a\u{0}b\u{7F}c\u{85}d\u{202E}e\u{2066}\n\r\t\\"]

    @Test func escapingIntoABufferEqualsEscapingAString() {
        for text in Self.samples {
            var output: [UInt8] = Array("x".utf8)
            Escape.appendHTML(text, to: &output)
            #expect(String(decoding: output, as: UTF8.self) == "x" + Escape.html(text))
        }
    }

    @Test func stackedContextsReadAsOneMergedDictionary() throws {
        let template = try PageTemplate("{{a}}|{{b}}|{{c}}|{{#list}}{{a}}{{b}};{{/list}}|{{count(list)}}|{{^empty(list)}}some{{/empty(list)}}|{{d.e}}")
        let lower: [String: Any] = ["a": "1", "b": "2", "list": [["a": "x"], ["b": "y"]], "d": ["e": "deep"]]
        let upper: [String: Any] = ["b": "<3>", "c": false]
        var merged = lower
        for (key, value) in upper { merged[key] = value }
        let stacked = String(decoding: template.renderBytes([lower, upper]), as: UTF8.self)
        #expect(stacked == template.render(merged))
        #expect(stacked == "1|&lt;3&gt;|false|x&lt;3&gt;;1y;|2|some|deep")
    }

    @Test func htmlBytesRenderAsTheirString() throws {
        let template = try PageTemplate("{{{raw}}}|{{raw}}|{{#raw}}yes{{/raw}}|{{^raw}}no{{/raw}}")
        for text in Self.samples {
            let bytes = String(decoding: template.renderBytes(["raw": HTMLBytes(Array(text.utf8))]), as: UTF8.self)
            #expect(bytes == template.render(["raw": text]))
        }
    }

    @Test func jsonStringsAreEscapedAsBefore() {
        // Byte by byte, as JSONWriter wrote them before copying runs.
        func reference(_ text: String, htmlSafe: Bool) -> String {
            var output = "\""
            let bytes = Array(text.utf8)
            var i = 0
            var pending: [UInt8] = []
            func flush() { output += String(decoding: pending, as: UTF8.self); pending = [] }
            while i < bytes.count {
                let byte = bytes[i]
                switch byte {
                case UInt8(ascii: "\""): flush(); output += "\\\""
                case UInt8(ascii: "\\"): flush(); output += "\\\\"
                case UInt8(ascii: "\n"): flush(); output += "\\n"
                case UInt8(ascii: "\r"): flush(); output += "\\r"
                case UInt8(ascii: "\t"): flush(); output += "\\t"
                case 0..<0x20: flush(); output += "\\u" + String(byte, radix: 16).leftPadded(to: 4)
                case UInt8(ascii: "<") where htmlSafe: flush(); output += "\\u003c"
                case 0x7F: flush(); output += "\\u007f"
                case 0xC2 where i + 1 < bytes.count && (0x80...0x9F).contains(bytes[i + 1]):
                    flush(); output += "\\u00" + String(bytes[i + 1], radix: 16); i += 1
                case 0xE2 where i + 2 < bytes.count && ((bytes[i + 1] == 0x80 && (0xA8...0xAE).contains(bytes[i + 2]))
                                                        || (bytes[i + 1] == 0x81 && (0xA6...0xA9).contains(bytes[i + 2]))):
                    flush(); output += "\\u" + String((UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F) | 0x2000, radix: 16); i += 2
                default: pending.append(byte)
                }
                i += 1
            }
            flush()
            return output + "\""
        }
        for text in Self.samples {
            for htmlSafe in [false, true] {
                var output: [UInt8] = []
                JSONWriter.writeString(text, into: &output, htmlSafe: htmlSafe)
                #expect(String(decoding: output, as: UTF8.self) == reference(text, htmlSafe: htmlSafe))
            }
        }
    }

    @Test func aSearchIndexInPartsEqualsTheWholeScript() {
        let entries = (0..<5).map { ["id\($0)", "T<\($0)>", "goal", "active", "", "g\($0).html", "text \($0)"] }
        func part(_ range: Range<Int>) -> [UInt8] {
            var bytes: [UInt8] = []
            for i in range {
                if i > range.lowerBound { bytes += ",\n".utf8 }
                SearchIndex.append(entries[i], to: &bytes)
            }
            return bytes
        }
        let whole = SearchIndex.script(entries)
        #expect(whole.hasPrefix("window.BEARING_SEARCH=[\n[\"id0\""))
        #expect(whole.hasSuffix("\"text 4\"]\n];\n"))
        for cuts in [[0..<5], [0..<2, 2..<2, 2..<5], [0..<0, 0..<1, 1..<4, 4..<5, 5..<5]] {
            #expect(String(decoding: Array(SearchIndex.script(parts: cuts.map(part)).joined()), as: UTF8.self) == whole)
        }
        #expect(String(decoding: Array(SearchIndex.script(parts: [[], []]).joined()), as: UTF8.self) == SearchIndex.script([]))
        #expect(SearchIndex.script([]) == "window.BEARING_SEARCH=[\n];\n")
    }

    @Test func aFileWrittenPieceByPieceHoldsThemInOrder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bearing-parts-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let writer = try SiteWriter(output: root + "/site", source: SiteTests.basic)
        writer.write("\(SiteLinks.theme)/site.css", "x")
        let pieces = [Array("one,".utf8), [], Array("two".utf8)]
        writer.write("a/b.js") { emit in pieces.forEach(emit) }
        let memory = SiteFiles()
        memory.write("a/b.js") { emit in pieces.forEach(emit) }
        try writer.commit()
        #expect(try String(contentsOfFile: root + "/site/a/b.js", encoding: .utf8) == "one,two")
        #expect(memory["a/b.js"] == Array("one,two".utf8))
    }
}
