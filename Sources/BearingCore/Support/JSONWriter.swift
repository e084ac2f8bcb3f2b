/// Writes a `JSONValue` as pretty-printed JSON with keys sorted: the same value always gives the
/// same bytes. Two-space indentation, `"key": value`, empty containers as `[]` and `{}`, slashes
/// and non-ASCII text unescaped, whole numbers without a fraction.
enum JSONWriter {
    static func pretty(_ value: JSONValue) -> String {
        var output = ""
        write(value, indent: 0, into: &output)
        output += "\n"
        return output
    }

    private static func write(_ value: JSONValue, indent: Int, into output: inout String) {
        switch value {
        case .string(let text): writeString(text, into: &output)
        case .integer(let number): output += String(number)
        case .number(let number): output += format(number)
        case .bool(let flag): output += flag ? "true" : "false"
        case .null: output += "null"
        case .array(let items):
            guard !items.isEmpty else { output += "[]"; return }
            output += "[\n"
            let inner = String(repeating: "  ", count: indent + 1)
            for (i, item) in items.enumerated() {
                output += inner
                write(item, indent: indent + 1, into: &output)
                output += i + 1 < items.count ? ",\n" : "\n"
            }
            output += String(repeating: "  ", count: indent) + "]"
        case .object(let object):
            guard !object.isEmpty else { output += "{}"; return }
            output += "{\n"
            let inner = String(repeating: "  ", count: indent + 1)
            let keys = object.keys.sorted()
            for (i, key) in keys.enumerated() {
                output += inner
                writeString(key, into: &output)
                output += ": "
                write(object[key]!, indent: indent + 1, into: &output)
                output += i + 1 < keys.count ? ",\n" : "\n"
            }
            output += String(repeating: "  ", count: indent) + "}"
        }
    }

    static func format(_ number: Double) -> String {
        number.isFinite ? Plain.number(number) : "null"
    }

    private static func writeString(_ text: String, into output: inout String) {
        output += "\""
        // Most text needs no escape at all: append it whole.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            output += text
            output += "\""
            return
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20: bytes += Array(("\\u" + String(byte, radix: 16).leftPadded(to: 4)).utf8)
            default: bytes.append(byte)
            }
        }
        output += String(decoding: bytes, as: UTF8.self)
        output += "\""
    }
}
