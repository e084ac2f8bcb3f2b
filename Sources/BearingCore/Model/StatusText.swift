import Foundation

/// Reads a status as people write it: `Accepted`, `accepted; supersedes ADR-0045`,
/// `Superseded by [2. …](0002-….md)`, `Superceded by ADR-0005`, `on hold`.
struct StatusText: Equatable {
    /// The first word the workflow knows, or the whole text (lowercased) when none.
    var status: String
    /// True when `status` is a status of the workflow.
    var known: Bool
    /// The text as written, when it said more than the status word.
    var text: String?
    /// The successor named by "superseded by X" when X is not a Markdown link.
    var supersededBy: String?

    /// nil for an empty value or a template placeholder (`{…}`, `[draft | proposed]`).
    static func read(_ raw: String, workflow: Workflow) -> StatusText? {
        let trimmed = raw.trimmingSpaces()
        guard !trimmed.isEmpty, !isPlaceholder(trimmed) else { return nil }
        let lower = normalizedSpelling(trimmed)
        let words = lower.split { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }.map(String.init)
        var found: String?
        for (i, word) in words.enumerated() {
            if workflow.knows(word) { found = word; break }
            if i + 1 < words.count, workflow.knows(word + "-" + words[i + 1]) { found = word + "-" + words[i + 1]; break }
        }
        let status = found ?? words.joined(separator: " ")
        var result = StatusText(status: status, known: found != nil, text: lower == status ? nil : trimmed)
        if let range = trimmed.range(of: "superseded by", options: .caseInsensitive) ?? trimmed.range(of: "superceded by", options: .caseInsensitive) {
            let rest = trimmed[range.upperBound...].trimmingSpaces()
            if !rest.hasPrefix("[") {
                result.supersededBy = rest.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" }).first
                    .map { String($0).trimmingCharacters(in: ".") }
            } else if let open = rest.range(of: "]("), let close = rest[open.upperBound...].firstIndex(of: ")") {
                result.supersededBy = String(rest[open.upperBound..<close])
            }
        }
        return result
    }

    /// Lowercased, with adr-tools' spelling `superceded` read as `superseded`.
    static func normalizedSpelling(_ text: String) -> String {
        text.lowercased().replacingOccurrences(of: "superceded", with: "superseded")
    }

    static func isPlaceholder(_ text: String) -> Bool {
        (text.hasPrefix("{") && (text.hasSuffix("}") || text.contains("|")))
            || (text.hasPrefix("[") && text.hasSuffix("]"))
            || (text.hasPrefix("<") && text.hasSuffix(">"))
    }
}
