import BearingCore

/// The small knowledge base every document input joins: a goal, a decision, a brief and people,
/// so that the input's references, queries and people resolve to something.
public enum FuzzKnowledgeBase {
    public static let today = Day(year: 2027, month: 2, day: 17)!

    /// Where the input is placed, chosen by its first byte: each folder reads it as another type
    /// (goal, decision, brief, note, MADR/Nygard import, README, changelog, odd names).
    public static let paths = [
        "goals/fuzz.md", "decisions/0042-fuzz.md", "briefs/fuzz.md", "notes/fuzz.md", "docs/adr/0007-fuzz.md",
        "README.md", "CHANGELOG.md", "rfcs/0003-fuzz/README.md", "notes/wéird [name] (1).md", "adr/0001 Fuzz Näme.md",
    ]

    /// Separates the document from a `bearing.yml` in one input (the dictionaries hold it).
    public static let configurationMarker: [UInt8] = Array("\n\u{0}bearing.yml\u{0}\n".utf8)

    public static let companions: [String: [UInt8]] = [
        "people.yml": "people:\n  li: {name: Li Wei, team: growth}\n  maria: {name: Maria}\nteams:\n  growth: {name: Growth, members: [li]}\n",
        "goals/g-root.md": "---\ntype: goal\nid: g-root\ntitle: Root goal\nstatus: active\nowner: li\nhorizon: year\nperiod: 2027\n---\n# Root goal\n\nSee [[d-1]] and [the brief](../briefs/b-1.md).\n",
        "decisions/0001-first.md": "---\ntype: decision\nid: d-1\ntitle: First decision\nstatus: accepted\ndate: 2027-01-04\ndeciders: [maria]\ngoals: [g-root]\n---\n# First decision\n\n## Context\n\nText.\n",
        "briefs/b-1.md": "---\ntype: brief\nid: b-1\ntitle: First brief\nstatus: in-review\nowner: maria\ngoals: [g-root]\nreviewers: [li]\n---\n# First brief\n\n```bearing\nall where status != done sort title\n```\n",
    ].mapValues { Array($0.utf8) }

    /// The files of the knowledge base with `input` at a path its first byte chooses; nil for an
    /// empty input. A `bearing.yml` follows the configuration marker when the input has one.
    public static func files(for input: [UInt8]) -> (path: String, files: [String: [UInt8]])? {
        guard let first = input.first else { return nil }
        let path = paths[Int(first) % paths.count]
        var document = Array(input.dropFirst())
        var files = companions
        if let marker = range(of: configurationMarker, in: document) {
            files["bearing.yml"] = Array(document[marker.upperBound...])
            document.removeSubrange(marker.lowerBound...)
        }
        files[path] = document
        return (path, files)
    }

    static func range(of needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return start..<(start + needle.count) }
        }
        return nil
    }
}
