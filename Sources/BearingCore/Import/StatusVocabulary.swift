/// The status words of the ecosystems Bearing reads, each mapped to a stage of the default
/// decision workflow: MADR and Nygard/adr-tools (`Accepted`, `Superseded by …`), log4brains
/// (`draft`), EIP (`Last Call`, `Final`, `Living`, `Stagnant`, `Moved`), Swift Evolution
/// (`Implemented (Swift 5.1)`, `Returned for revision`, `Previewing`, `Active Review (…)`),
/// KEP (`provisional`, `implementable`, `replaced`), PEP-style (`Active`, `Deferred`,
/// `Withdrawn`) and RFC-style (`Approved`, `Decided`, `Declined`). A KB maps its own words
/// with `status_aliases:` in bearing.yml.
enum StatusVocabulary {
    /// The stage a written status maps to and the words of the table that matched it.
    struct Match: Equatable {
        var stage: String
        var words: String
        /// True for a status that waits for a decision (`proposed`, `in review`, `last call`), as
        /// `pending-decision` asks; drafts, dormant and deferred records do not.
        var awaitsDecision: Bool
    }

    /// The table entry the text starts with (longest first), else the first word of the text's
    /// first few that the table knows.
    static func match(_ text: String) -> Match? {
        let words = normalizedWords(text)
        guard !words.isEmpty else { return nil }
        for length in stride(from: min(4, words.count), through: 1, by: -1) {
            let phrase = words.prefix(length).joined(separator: " ")
            if let stage = table[phrase] { return Match(stage: stage, words: phrase, awaitsDecision: awaiting.contains(phrase)) }
        }
        for word in words.prefix(5) where !ignoredAlone.contains(word) {
            if let stage = table[word] { return Match(stage: stage, words: word, awaitsDecision: awaiting.contains(word)) }
        }
        return nil
    }

    /// Lowercased words of the text, `superceded` read as `superseded`, a repeated `Status:` dropped.
    static func normalizedWords(_ text: String) -> [String] {
        var lower = text.lowercased()
        if Placeholder.containsASCII(lower.utf8, "superc") { lower = lower.replacingOccurrences(of: "superceded", with: "superseded") }
        if lower.hasPrefix("status:") { lower = String(lower.dropFirst(7)) }
        return lower.split { !($0.isLetter || $0.isNumber || $0 == "'") }.map(String.init)
    }

    /// Words that name a stage only when they open the status (`implemented` in "Partially
    /// implemented" is found by its phrase; "open" deep in prose is not a status).
    private static let ignoredAlone: Set<String> = [
        "open", "active", "done", "review", "final", "moved", "removed", "settled", "complete", "completed", "current",
        "valid", "confirmed", "released", "invalid", "outdated", "new", "idea", "discussion", "rfc", "draft",
    ]

    /// Words for a record set aside rather than waiting (`pending-decision` does not nag them),
    /// whatever stage a KB maps them to.
    static let dormant: Set<String> = [
        "deferred", "on hold", "hold", "stagnant", "postponed", "parked", "shelved", "paused", "frozen", "blocked",
        "backlog", "icebox", "later", "dormant", "inactive",
    ]

    static let awaiting: Set<String> = [
        "proposed", "pending", "review", "in review", "under review", "last call", "active review",
        "awaiting review", "scheduled for review", "open", "rfc", "request for comments",
    ]

    static let table: [String: String] = {
        var table: [String: String] = [:]
        let stages: [(String, [String])] = [
            ("proposed", [
                "proposed", "draft", "pending", "review", "in review", "under review", "last call",
                "active review", "awaiting review", "scheduled for review", "provisional", "returned for revision",
                "on hold", "deferred", "stagnant", "postponed", "parked", "idea", "open", "wip", "work in progress",
                "for prototyping", "rfc", "request for comments", "discussion", "in discussion", "in progress",
                "experimental", "exploring",
            ]),
            ("accepted", [
                "accepted", "accepted with modifications", "approved", "decided", "final", "living", "active",
                "adopted", "agreed", "implemented", "partially implemented", "partially accepted",
                "implemented with modifications", "implementable", "previewing", "done", "merged", "completed",
                "complete", "settled", "in effect", "valid", "current", "confirmed", "ratified", "landed", "shipped",
                "released", "enacted",
            ]),
            ("rejected", [
                "rejected", "declined", "withdrawn", "expired", "abandoned", "not accepted", "won't do", "wont do",
                "dropped", "refused", "cancelled", "canceled", "denied",
            ]),
            ("deprecated", [
                "deprecated", "obsolete", "retired", "removed", "moved", "reverted", "archived", "outdated",
                "invalid", "sunset",
            ]),
            ("superseded", ["superseded", "replaced", "overridden", "overruled"]),
        ]
        for (stage, words) in stages { for word in words { table[word] = stage } }
        return table
    }()
}
