/// A string as a YAML scalar that reads back as the same string: plain when that is safe
/// (`adr`, `docs/adr`, `/template/`), else double-quoted with escapes (`"a: b"`, `"no"`, `"0007"`).
enum YAMLScalar {
    static func text(_ value: String) -> String {
        isPlainSafe(value) ? value : quoted(value)
    }

    /// Letters, digits and `. _ - / ' ( )` and inner spaces, starting with a letter or `/`, and not
    /// a word YAML 1.1 reads as a boolean or null.
    static func isPlainSafe(_ value: String) -> Bool {
        isIdentifierLike(value) || isWordLike(value)
    }

    /// Ids and dates: `0002-use-z`, `adr/0001-x`, `2027-02-17` (not a bare number such as `0007` or `1e3`).
    static func isIdentifierLike(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, first.properties.isAlphabetic || ("0"..."9").contains(first),
              value.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "._/-".unicodeScalars.contains($0) }),
              Double(value) == nil, !value.hasSuffix("."), !reserved.contains(value.lowercased()) else { return false }
        return value.contains { $0.isLetter || $0 == "-" || $0 == "/" }
    }

    private static func isWordLike(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, first.properties.isAlphabetic || first == "/",
              value.last != " ", !value.contains("  "), !reserved.contains(value.lowercased()) else { return false }
        return value.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-/'() ".unicodeScalars.contains($0) }
    }

    static func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16, uppercase: true)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static let reserved: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"]
}
