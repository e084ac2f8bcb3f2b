/// Reads a status as people write it and maps it to a stage of the type's workflow (SPEC §2):
/// `Accepted`, `accepted; supersedes ADR-0045`, `Superseded by [2. …](0002-….md)`,
/// `Superceded by ADR 10`, `Implemented (Swift 5.1)`, `on hold`. First found of: the KB's
/// `status_aliases`, a status of the workflow at the start, the built-in vocabularies (decisions),
/// a workflow status among the first words, a vocabulary word among them.
struct StatusText: Equatable {
    /// The workflow status, or the leading words (lowercased) when nothing maps them.
    var status: String
    /// True when `status` is a status of the workflow.
    var known: Bool
    /// The text as written, when it says more than the status word.
    var text: String?
    /// The successor named by "superseded by X" when X is not a Markdown link.
    var supersededBy: String?
    /// The record named by "supersedes X" / "replaces X" (`accepted; supersedes ADR-0045`).
    var supersedes: String?
    /// A status that waits for a decision (`proposed`, `in review`), as `pending-decision` asks.
    var awaitsDecision: Bool

    /// nil for an empty value or a template placeholder (`{…}`, `[draft | proposed]`).
    static func read(_ raw: String, type: DocumentType, workflow: Workflow, aliases: [String: String] = [:]) -> StatusText? {
        let trimmed = raw.trimmingSpaces()
        guard !trimmed.isEmpty, !Placeholder.isPlaceholder(trimmed) else { return nil }
        let words = StatusVocabulary.normalizedWords(trimmed)
        guard !words.isEmpty else { return nil }
        let lower = trimmed.lowercased()
        let (status, known, awaits) = aliases.isEmpty && workflow.knows(lower)
            ? (lower, true, type == .decision && StatusVocabulary.awaiting.contains(lower))
            : map(words, type: type, workflow: workflow, aliases: aliases) ?? (workflow.knows(lower) ? (lower, true, false) : nil)
            ?? (leadingPhrase(trimmed), false, false)
        var result = StatusText(status: status, known: known, text: lower == status ? nil : trimmed, awaitsDecision: awaits)
        result.supersededBy = successor(in: trimmed)
        result.supersedes = reference(after: ["supersedes", "supercedes", "replaces"], in: trimmed)
        return result
    }

    private static func map(_ words: [String], type: DocumentType, workflow: Workflow, aliases: [String: String]) -> (String, Bool, Bool)? {
        for length in stride(from: min(8, words.count), through: 1, by: -1) {
            let phrase = words.prefix(length).joined(separator: " ")
            if let target = aliases[phrase] {
                // A team's own word for waiting awaits a decision; one for setting aside does not.
                let dormant = StatusVocabulary.dormant.contains(phrase) || StatusVocabulary.dormant.contains(words[0])
                return (target, true, target == workflow.initial && type == .decision && !dormant)
            }
        }
        // A phrase of the vocabulary at the start first: `Not accepted` is not `accepted`.
        let vocabulary = type == .decision ? StatusVocabulary.match(words.prefix(6).joined(separator: " ")) : nil
        if let match = vocabulary, workflow.knows(match.stage), match.words.contains(" ") { return (match.stage, true, match.awaitsDecision) }
        if let found = workflowStatus(in: words, first: 1, workflow: workflow) {
            return (found, true, type == .decision && StatusVocabulary.awaiting.contains(found))
        }
        if let match = vocabulary, workflow.knows(match.stage), StatusVocabulary.table[words[0]] != nil {
            return (match.stage, true, match.awaitsDecision)
        }
        if !negations.contains(words[0]), let found = workflowStatus(in: words, first: 6, workflow: workflow) {
            return (found, true, type == .decision && StatusVocabulary.awaiting.contains(found))
        }
        if !negations.contains(words[0]), let match = vocabulary, workflow.knows(match.stage) { return (match.stage, true, match.awaitsDecision) }
        return nil
    }

    /// A status that opens with one of these says what it is not.
    private static let negations: Set<String> = ["not", "no", "non", "never", "un", "nicht", "pas"]

    /// The first of the first `count` words, or pair of words joined by `-` (`In review` →
    /// `in-review`), the workflow knows.
    private static func workflowStatus(in words: [String], first count: Int, workflow: Workflow) -> String? {
        for i in words.indices.prefix(count) {
            if i + 1 < words.endIndex, workflow.knows(words[i] + "-" + words[i + 1]) { return words[i] + "-" + words[i + 1] }
            if workflow.knows(words[i]) { return words[i] }
        }
        return nil
    }

    /// The words an unknown status is reported as and `status_aliases` maps: up to four, before
    /// punctuation and before a clause (`Shelved until Q3` → `shelved`; `En attente` stays two
    /// words, not `en`). An alias maps every status that starts with its words.
    static func leadingPhrase(_ text: String) -> String {
        let phrase = text.lowercased().prefix { !"(.,;:[#*`!?".contains($0) }
        var words: [String] = []
        for word in StatusVocabulary.normalizedWords(String(phrase)).prefix(4) {
            if !words.isEmpty, clauseWords.contains(word) { break }
            words.append(word)
        }
        return words.isEmpty ? (StatusVocabulary.normalizedWords(text).first ?? text.lowercased()) : words.joined(separator: " ")
    }

    private static let clauseWords: Set<String> = ["until", "since", "for", "by", "after", "before", "due", "because", "pending"]

    /// `superseded by ADR 10` → `ADR 10`; `superseded by [2. Use X](0002-use-x.md)` → `0002-use-x.md`;
    /// `replaced by SE-0123, see …` → `SE-0123`.
    static func successor(in text: String) -> String? {
        reference(after: ["superseded by", "superceded by", "replaced by"], in: text)
    }

    /// The reference written after the first of `phrases` (case-insensitive), as `successor(in:)` reads it.
    static func reference(after phrases: [String], in text: String) -> String? {
        // Every phrase starts `supe…` or `repl…`: most statuses have neither (no Foundation search then).
        guard Placeholder.containsASCII(text.utf8, "supe") || Placeholder.containsASCII(text.utf8, "repl") else { return nil }
        guard let range = phrases.lazy.compactMap({ text.range(of: $0, options: .caseInsensitive) }).first else { return nil }
        var rest = text[range.upperBound...].trimmingLeadingSpaces
        if rest.first == ":" { rest = rest.dropFirst().trimmingLeadingSpaces }
        if rest.hasPrefix("[[") {  // a wikilink
            guard let close = rest.range(of: "]]") else { return nil }
            return "[[" + String(rest[rest.index(rest.startIndex, offsetBy: 2)..<close.lowerBound]) + "]]"
        }
        if rest.hasPrefix("[") {
            guard let open = rest.range(of: "]("), let close = rest[open.upperBound...].firstIndex(of: ")") else { return nil }
            return String(rest[open.upperBound..<close])
        }
        let tokens = rest.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" || $0 == "(" || $0 == ")" }).prefix(2)
            .map { String($0).trimmingCharacters(in: ".:") }
        guard let first = tokens.first, !first.isEmpty else { return nil }
        // `ADR 10`, `RFC 44`: a record prefix and its number written apart.
        if tokens.count == 2, first.allSatisfy(\.isLetter), tokens[1].allSatisfy(\.isASCIIDigit), !tokens[1].isEmpty {
            return first + " " + tokens[1]
        }
        // An id, a record label or a path (`0005-use-y`, `ADR-0045`, `/keps/sig-a/536-x`), not a word
        // of prose (`replaces the old cache layer`) or an issue number (`#12`).
        let looksLikeReference = !first.hasPrefix("#") && first.contains { $0.isNumber || "-_/".contains($0) }
        return looksLikeReference ? first : nil
    }
}
