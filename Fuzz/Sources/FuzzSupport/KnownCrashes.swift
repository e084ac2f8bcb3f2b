import Glibc

/// Inputs of the shapes issue 14 already lists as crashes being fixed (deep `- - -` / `> > >`
/// nesting walked recursively, deep YAML): the targets skip them so the fuzzer can look further.
/// TEMPORARY: empty `maxDepth` checks once those fixes are merged (docs/security-fuzz.md).
public enum KnownCrashes {
    /// Deeper than this is skipped (FUZZ_KNOWN_CRASHES=1 in the environment turns the filter off).
    public static let maxDepth = 48

    public static let enabled = getenvFlag("FUZZ_KNOWN_CRASHES") == false

    /// Whether `bytes` nests list or quote markers, or YAML brackets, deeper than `maxDepth`.
    public static func isKnown(_ bytes: [UInt8]) -> Bool {
        guard enabled else { return false }
        return markerDepth(bytes) > maxDepth || bracketDepth(bytes) > maxDepth
    }

    /// The most block markers (`-`, `*`, `+`, `>`, `1.`, `1)`) one line opens before its text,
    /// a tab counting as one level.
    static func markerDepth(_ bytes: [UInt8]) -> Int {
        var deepest = 0
        var depth = 0
        var atLineStart = true
        var digits = false
        for byte in bytes {
            if byte == UInt8(ascii: "\n") { deepest = max(deepest, depth); depth = 0; atLineStart = true; digits = false; continue }
            guard atLineStart else { continue }
            switch byte {
            case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ">"): depth += 1
            case UInt8(ascii: " "): continue
            case UInt8(ascii: "\t"): depth += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits = true
            case UInt8(ascii: "."), UInt8(ascii: ")"): if digits { depth += 1; digits = false } else { atLineStart = false }
            default: atLineStart = false
            }
        }
        return max(deepest, depth)
    }

    /// The deepest nesting of `[`/`{` (YAML flow collections, link brackets).
    static func bracketDepth(_ bytes: [UInt8]) -> Int {
        var deepest = 0
        var depth = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1; deepest = max(deepest, depth)
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
            default: break
            }
        }
        return deepest
    }
}

func getenvFlag(_ name: String) -> Bool {
    guard let value = getenv(name) else { return false }
    return String(cString: value) == "1"
}
