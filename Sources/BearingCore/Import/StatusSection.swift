/// Nygard / adr-tools records: the first paragraph of a `## Status` section is the status, and
/// its `Superseded by …` / `Supersedes …` lines name the records on either side; MADR and
/// adr-tools also list them as bullets under `## Links`.
///
/// ```markdown
/// ## Status
///
/// Superseded by [3. Use PostgreSQL](0003-use-postgresql.md)
///
/// Supersedes [1. Use MySQL](0001-use-mysql.md)
/// ```
enum StatusSection {
    /// A status, not prose about one: a few words, or a line a vocabulary reads (`Accepted (PR #2897)`,
    /// `Rejected in favour of ADR 111`). "This is the design for adding generic programming…" is not.
    static func isStatus(_ text: String) -> Bool {
        let words = StatusVocabulary.normalizedWords(text)
        return words.count <= 4 || StatusVocabulary.table[words[0]] != nil
            || StatusVocabulary.match(words.prefix(3).joined(separator: " ")) != nil
    }

    static func read(_ blocks: [MarkdownBlock], links: [MarkdownLink], into stated: inout StatedMetadata) {
        var section: String?
        var paragraphs = 0
        for block in blocks {
            if case .heading(let level) = block.kind {
                section = level >= 2 || TitleChooser.isGeneric(block.text) ? block.text.trimmingSpaces().lowercased() : nil
                paragraphs = 0
                continue
            }
            guard let name = section, name == "status" || name == "links" || name == "status and links" else { continue }
            guard block.kind == .paragraph || block.kind == .listItem else { continue }
            let value = StatedMetadata.Value(text: block.text.split(separator: "\n").first.map(String.init) ?? "", line: block.line,
                                             links: block.links.map { links[$0].destination })
            let words = StatusVocabulary.normalizedWords(value.text)
            if words.starts(with: ["superseded", "by"]) || words.starts(with: ["replaced", "by"]) { stated.add(.supersededBy, value) }
            else if words.first == "supersedes" || words.first == "replaces" { stated.add(.supersedes, value) }
            if name != "links", paragraphs == 0, isStatus(value.text) { stated.offer(.status, value) }
            paragraphs += 1
        }
    }
}
