/// Link URLs that must never reach a reader's browser (SPEC §7.1).
public enum URLSafety {
    static let dangerousSchemes = ["javascript:", "vbscript:", "data:", "file:"]

    /// True for `javascript:`, `vbscript:`, `data:` and `file:` URLs, whatever their case,
    /// leading spaces or embedded control characters.
    public static func isDangerous(_ url: String) -> Bool {
        // Relative paths and anchors (the common case) have no scheme to check.
        // (A byte search: `String.contains(String)` goes through Foundation on Linux.)
        guard url.utf8.contains(UInt8(ascii: ":")) else { return false }
        let normalized = String(url.unicodeScalars.filter { $0.value > 0x20 && $0 != "\u{7F}" }).lowercased()
        return dangerousSchemes.contains { normalized.hasPrefix($0) }
    }

    /// True for an `http://` or `https://` address (any case) without spaces, control characters,
    /// quotes or angle brackets: what `base_url`, `repository_url` and `--base-url` must be (SPEC §4).
    /// Checked where they are read, with a located error, and again where they are written into
    /// a feed, a sitemap or a link, so a value that did not come through bearing.yml cannot slip by.
    public static func isWebAddress(_ url: String) -> Bool {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return false }
        return !url.unicodeScalars.contains { $0.value <= 0x20 || (0x7F...0x9F).contains($0.value) || $0.properties.isWhitespace
            || $0 == "\"" || $0 == "<" || $0 == ">" || $0 == "`" }
    }

    /// `url` when it is a web address (`isWebAddress`), else nil.
    static func webAddress(_ url: String?) -> String? {
        url.flatMap { isWebAddress($0) ? $0 : nil }
    }
}
