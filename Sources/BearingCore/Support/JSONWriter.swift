/// The one JSON encoding of every command's output (check, export, report): pretty-printed, keys
/// sorted, so the same value always gives the same bytes. Two-space indentation, `"key": value`,
/// empty containers as `[]` and `{}`, slashes and non-ASCII text unescaped, whole numbers
/// without a fraction.
enum JSONWriter {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        pretty(try TreeEncoder.encode(value))
    }

    static func pretty(_ value: JSONValue) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(1 << 16)
        write(value, indent: 0, into: &output)
        output.append(UInt8(ascii: "\n"))
        return String(decoding: output, as: UTF8.self)
    }

    private static func write(_ value: JSONValue, indent: Int, into output: inout [UInt8]) {
        switch value {
        case .string(let text): writeString(text, into: &output)
        case .integer(let number): output += String(number).utf8
        case .number(let number): output += format(number).utf8
        case .bool(let flag): output += (flag ? "true" : "false").utf8
        case .null: output += "null".utf8
        case .array(let items):
            guard !items.isEmpty else { output += "[]".utf8; return }
            output += "[\n".utf8
            for (i, item) in items.enumerated() {
                pad(indent + 1, &output)
                write(item, indent: indent + 1, into: &output)
                output += (i + 1 < items.count ? ",\n" : "\n").utf8
            }
            pad(indent, &output)
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            guard !object.isEmpty else { output += "{}".utf8; return }
            output += "{\n".utf8
            let keys = object.keys.sorted()
            for (i, key) in keys.enumerated() {
                pad(indent + 1, &output)
                writeString(key, into: &output)
                output += ": ".utf8
                write(object[key]!, indent: indent + 1, into: &output)
                output += (i + 1 < keys.count ? ",\n" : "\n").utf8
            }
            pad(indent, &output)
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func pad(_ indent: Int, _ output: inout [UInt8]) {
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
    }

    static func format(_ number: Double) -> String {
        number.isFinite ? Plain.number(number) : "null"
    }

    /// A JSON string. `htmlSafe` also escapes `<`, so the string can stand in a script (the
    /// site's search index). DEL, C1 controls, bidi controls and the line separators U+2028/U+2029
    /// (which older JavaScript reads as line ends) are always escaped.
    static func writeString(_ text: String, into output: inout [UInt8], htmlSafe: Bool = false) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            // Bytes that need no escape are copied in runs.
            var run = 0
            var i = 0
            func escape(_ replacement: String, skipping extra: Int = 0) {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                output += replacement.utf8
                i += extra
                run = i + 1
            }
            while i < bytes.count {
                let byte = bytes[i]
                switch byte {
                case UInt8(ascii: "\""): escape("\\\"")
                case UInt8(ascii: "\\"): escape("\\\\")
                case UInt8(ascii: "\n"): escape("\\n")
                case UInt8(ascii: "\r"): escape("\\r")
                case UInt8(ascii: "\t"): escape("\\t")
                case 0..<0x20: escape("\\u" + String(byte, radix: 16).leftPadded(to: 4))
                case UInt8(ascii: "<") where htmlSafe: escape("\\u003c")
                case 0x7F: escape("\\u007f")
                // C1 controls (U+0080–009F) and the bidi controls and separators (U+2028–202E, U+2066–2069):
                // valid in JSON, but a terminal showing the output would act on them (String+TerminalSafe).
                case 0xC2 where i + 1 < bytes.count && (0x80...0x9F).contains(bytes[i + 1]):
                    escape("\\u00" + String(bytes[i + 1], radix: 16), skipping: 1)
                case 0xE2 where i + 2 < bytes.count && ((bytes[i + 1] == 0x80 && (0xA8...0xAE).contains(bytes[i + 2]))
                                                        || (bytes[i + 1] == 0x81 && (0xA6...0xA9).contains(bytes[i + 2]))):
                    let scalar = (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F) | 0x2000
                    escape("\\u" + String(scalar, radix: 16), skipping: 2)
                default: break
                }
                i += 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
        output.append(UInt8(ascii: "\""))
    }
}
