/// A JSON value for front matter exported as written: plain YAML scalars that read as
/// numbers, booleans or null become those; everything else (`0037`, dates, quoted text) stays a string.
public indirect enum JSONValue: Sendable, Hashable, Encodable {
    case string(String)
    case number(Double)
    case integer(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([String: JSONValue])

    public init(_ node: YAMLNode) {
        switch node.value {
        case .scalar(let text, let plain):
            self = plain ? JSONValue.typed(text) : .string(text)
        case .sequence(let items):
            self = .array(items.map(JSONValue.init))
        case .mapping(let pairs):
            var object: [String: JSONValue] = [:]
            for pair in pairs where object[pair.key] == nil { object[pair.key] = JSONValue(pair.value) }
            self = .object(object)
        }
    }

    static func typed(_ text: String) -> JSONValue {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        let leadingZero = digits.count > 1 && digits.hasPrefix("0") && !digits.hasPrefix("0.")
        if !leadingZero, !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), let value = Int(text) { return .integer(value) }
        if !leadingZero, digits.first?.isASCIIDigit == true, digits.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "e" || $0 == "E" || $0 == "-" || $0 == "+" }),
           let value = Double(text), value.isFinite { return .number(value) }
        return .string(text)
    }

    public func encode(to encoder: Encoder) throws {
        switch self {
        case .string(let s): var c = encoder.singleValueContainer(); try c.encode(s)
        case .number(let n): var c = encoder.singleValueContainer(); try c.encode(n)
        case .integer(let n): var c = encoder.singleValueContainer(); try c.encode(n)
        case .bool(let b): var c = encoder.singleValueContainer(); try c.encode(b)
        case .null: var c = encoder.singleValueContainer(); try c.encodeNil()
        case .array(let items): var c = encoder.unkeyedContainer(); for item in items { try c.encode(item) }
        case .object(let object):
            var c = encoder.container(keyedBy: DynamicKey.self)
            for (key, value) in object { try c.encode(value, forKey: DynamicKey(key)) }
        }
    }

    /// Plain Swift values for templates: dictionaries, arrays, strings, numbers and booleans;
    /// null becomes nil, so a `{{#field}}` section is skipped.
    public var templateValue: Any? {
        switch self {
        case .string(let s): return s
        case .number(let n): return n
        case .integer(let n): return n
        case .bool(let b): return b
        case .null: return nil
        case .array(let items): return items.compactMap(\.templateValue)
        case .object(let object): return object.compactMapValues(\.templateValue)
        }
    }

    struct DynamicKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
