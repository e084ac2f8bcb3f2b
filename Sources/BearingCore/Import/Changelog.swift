/// A `## Changelog` section, one entry per change (CometBFT and Cosmos ADRs): the entries' dates
/// give the record's date (the earliest) and their handles its authors, in the order written.
///
/// ```markdown
/// ## Changelog
///
/// - 2023-05-03: Mark as rejected in favour of ADR-101 (@thanethomson)
/// - July 15 2021: Created by @williambanfield
/// ```
enum Changelog {
    static func read(_ blocks: [MarkdownBlock], into stated: inout StatedMetadata) {
        var inChangelog = false
        var authors: [StatedMetadata.Value] = []
        for block in blocks {
            if case .heading = block.kind {
                let name = block.text.trimmingSpaces().lowercased()
                inChangelog = name == "changelog" || name == "change log"
                continue
            }
            guard inChangelog, block.kind == .listItem || block.kind == .paragraph else { continue }
            for (text, line) in block.lines {
                let (date, rest) = WrittenDate.leading(text.trimmingSpaces())
                if date != .none {
                    let written = text.trimmingSpaces().dropLast(rest.count).trimmingSpaces()
                    stated.add(.changelog, StatedMetadata.Value(text: written, line: line))
                }
                // An entry whose date cannot be read (`2023-24-05`) still credits its author.
                for handle in handles(in: Substring(text)) where !authors.contains(where: { $0.text == handle }) {
                    authors.append(StatedMetadata.Value(text: handle, line: line))
                }
            }
        }
        if stated.all(.authors).isEmpty { for author in authors { stated.add(.authors, author) } }
    }

    /// `@name` words (a trailing `)`, `,` or `.` is not part of them).
    static func handles(in text: Substring) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == "," || $0 == ";" || $0 == "\n" }).compactMap { word in
            guard word.hasPrefix("@"), word.count > 1 else { return nil }
            let handle = String(word).trimmingCharacters(in: ").,:;")
            return handle.count > 1 ? handle : nil
        }
    }
}
