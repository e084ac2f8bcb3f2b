import Foundation

/// The one JSON encoding of every command's output: pretty-printed, keys sorted, slashes
/// unescaped, so the same value always gives the same bytes.
enum StableJSON {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
