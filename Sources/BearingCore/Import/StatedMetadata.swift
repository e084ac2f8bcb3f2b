/// What a file states about itself in the forms real decision logs and proposals use, each value
/// as written with where it was written. The readers of this folder fill it, one form each; the
/// model stage (DocumentReader) types it. Bearing's own front matter fields win over all of it.
struct StatedMetadata: Equatable {
    struct Value: Equatable {
        var text: String
        var line: Int
        var column: Int = 1
        /// Destinations of the links written in the value, in order.
        var links: [String] = []
        /// The file it was written in, when not the document's own (a sidecar `kep.yaml`).
        var path: String? = nil
    }

    /// What a value says, whatever the form called it (`Author(s)`, `co-authors`, `Start Date`…).
    enum Key: Hashable, CaseIterable {
        case status, date, updated, deciders, authors, tags, supersededBy, supersedes, title
        /// A NixOS `feature:` name, the title when the file has no better one.
        case feature
        /// A date line with no label under the title (`July 31, 2019`), or a changelog's first date.
        case undatedLine
        /// The date of each `## Changelog` entry.
        case changelog
    }

    /// Values by key in the order found; the first of each is the one used (authors, deciders
    /// and supersedes use them all).
    private(set) var values: [Key: [Value]] = [:]

    func first(_ key: Key) -> Value? { values[key]?.first }
    func all(_ key: Key) -> [Value] { values[key] ?? [] }

    /// Adds a value unless it is empty or an unfilled template placeholder.
    mutating func add(_ key: Key, _ value: Value) {
        var value = value
        value.text = value.text.trimmingSpaces()
        guard !value.text.isEmpty, !Placeholder.isPlaceholder(value.text) else { return }
        values[key, default: []].append(value)
    }

    /// Adds a value only when no earlier form gave one for that key.
    mutating func offer(_ key: Key, _ value: Value) {
        guard values[key] == nil else { return }
        add(key, value)
    }

    var isEmpty: Bool { values.isEmpty }

    /// Only the values of `keys` (a template keeps its sidecar's title, not its example people).
    func keeping(_ keys: Set<Key>) -> StatedMetadata {
        var result = StatedMetadata()
        result.values = values.filter { keys.contains($0.key) }
        return result
    }

    /// The key a label names, compared without case, `*`, `_` or a trailing `(s)`:
    /// `Status`, `Start Date`, `Author(s)`, `Last updated`, `Superseded by`, `replaces`…
    static func key(forLabel label: some StringProtocol) -> Key? {
        var name = label.lowercased().filter { $0 != "*" && $0 != "_" }.trimmingSpaces()
        if name.hasSuffix("(s)") { name = String(name.dropLast(3)) }
        return labels[name.replacingOccurrences(of: "-", with: " ")]
    }

    private static let labels: [String: Key] = {
        var table: [String: Key] = [:]
        let words: [(Key, [String])] = [
            (.status, ["status", "statut", "estado", "stato"]),
            (.date, ["date", "start date", "created", "creation date", "decision date", "date created", "proposed", "datum", "fecha"]),
            (.updated, ["last updated", "last update", "updated", "last modified", "last revised"]),
            (.deciders, ["deciders", "decider", "decision makers", "decision maker", "approvers", "approver", "decided by", "shepherd team"]),
            (.authors, ["author", "authors", "co authors", "co author", "coauthors", "written by", "proposed by", "autor", "autoren", "auteur", "auteurs", "autore"]),
            (.tags, ["tags", "labels", "keywords"]),
            (.supersededBy, ["superseded by", "superceded by", "superseding proposal", "replaced by", "next proposal"]),
            (.supersedes, ["supersedes", "supercedes", "replaces", "previous proposal"]),
            (.title, ["title"]),
            (.feature, ["feature"]),
        ]
        for (key, names) in words { for name in names { table[name] = key } }
        return table
    }()
}
