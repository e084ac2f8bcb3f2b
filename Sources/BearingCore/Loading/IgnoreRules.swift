/// `.gitignore`-style patterns (`*`, `**`, `?`, leading `/`, trailing `/`, `!` negation)
/// matched against paths relative to the KB root.
public struct IgnoreRules: Sendable {
    struct Pattern: Sendable {
        var glob: [UInt8]
        var negated: Bool
        var directoryOnly: Bool
        /// Anchored patterns match from the root; others match any trailing path segments.
        var anchored: Bool
    }

    var patterns: [Pattern]

    public init(_ lines: [String]) {
        patterns = lines.compactMap { raw in
            var line = raw.trimmingSpaces()
            guard !line.isEmpty, !line.hasPrefix("#") else { return nil }
            var negated = false
            if line.hasPrefix("!") { negated = true; line.removeFirst() }
            var directoryOnly = false
            if line.hasSuffix("/") { directoryOnly = true; line.removeLast() }
            var anchored = line.contains("/")
            if line.hasPrefix("/") { line.removeFirst(); anchored = true }
            if line.hasPrefix("**/") { line.removeFirst(3); anchored = false }
            guard !line.isEmpty else { return nil }
            return Pattern(glob: Array(line.utf8), negated: negated, directoryOnly: directoryOnly, anchored: anchored)
        }
    }

    /// Whether `path` (relative, `/`-separated) is ignored; the last matching pattern wins.
    public func isIgnored(_ path: String, isDirectory: Bool) -> Bool {
        var ignored = false
        let bytes = Array(path.utf8)
        for pattern in patterns where !(pattern.directoryOnly && !isDirectory) {
            if pattern.matches(bytes) { ignored = !pattern.negated }
        }
        return ignored
    }
}

extension IgnoreRules.Pattern {
    func matches(_ path: [UInt8]) -> Bool {
        if anchored { return Glob.match(glob[...], path[...]) }
        // Unanchored: try every suffix that starts at a segment boundary.
        if Glob.match(glob[...], path[...]) { return true }
        for (i, byte) in path.enumerated() where byte == UInt8(ascii: "/") {
            if Glob.match(glob[...], path[(i + 1)...]) { return true }
        }
        return false
    }
}

/// Glob matching where `*` and `?` stay within a path segment and `**` crosses segments.
enum Glob {
    static let slash = UInt8(ascii: "/")
    static let star = UInt8(ascii: "*")
    static let question = UInt8(ascii: "?")

    static func match(_ pattern: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> Bool {
        var p = pattern
        var t = text
        while let c = p.first {
            if c == star {
                let isDouble = p.dropFirst().first == star
                if isDouble {
                    var rest = p.dropFirst(2)
                    if rest.first == slash { rest = rest.dropFirst() }
                    if rest.isEmpty { return true }
                    var candidate = t
                    while true {
                        if match(rest, candidate) { return true }
                        guard !candidate.isEmpty else { return false }
                        candidate = candidate.dropFirst()
                    }
                }
                let rest = p.dropFirst()
                var candidate = t
                while true {
                    if match(rest, candidate) { return true }
                    guard let next = candidate.first, next != slash else { return false }
                    candidate = candidate.dropFirst()
                }
            }
            guard let d = t.first else { return false }
            if c == question ? d == slash : c != d { return false }
            p = p.dropFirst()
            t = t.dropFirst()
        }
        // A pattern matching a directory prefix matches everything below it.
        return t.isEmpty || t.first == slash
    }
}
