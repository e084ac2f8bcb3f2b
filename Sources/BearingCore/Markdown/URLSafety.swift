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
}
