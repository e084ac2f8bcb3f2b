/// Metadata that decision logs without front matter write in the body:
/// MADR 2 bullets (`* Status: accepted`, `* Deciders: a, b`, `* Date: 2020-01-01`) and
/// Nygard / adr-tools records (`Date:` line, `## Status` section, `Superseded by [..](..)` lines).
struct BodyMetadata: Equatable {
    struct Value: Equatable {
        var text: String
        var line: Int
        var links: [String]
    }

    var status: Value?
    var date: Value?
    var deciders: Value?
    var tags: Value?
    /// Link destinations of `Supersedes …` lines in the Status section.
    var supersedes: [Value] = []
    /// Link destinations of `Superseded by …` lines.
    var supersededBy: Value?

    static func read(_ blocks: [MarkdownBlock]) -> BodyMetadata {
        var result = BodyMetadata()
        var inStatus = false
        var statusParagraphs = 0
        var beforeSections = true
        for block in blocks {
            switch block.kind {
            case .heading(let level):
                if level >= 2 { beforeSections = false }
                inStatus = level >= 2 && block.text.trimmingSpaces().lowercased() == "status"
                statusParagraphs = 0
            case .listItem, .paragraph:
                if inStatus {
                    readStatusParagraph(block, index: statusParagraphs, into: &result)
                    statusParagraphs += 1
                } else if beforeSections {
                    readLabelled(block, into: &result)
                }
            }
        }
        return result
    }

    private static func readStatusParagraph(_ block: MarkdownBlock, index: Int, into result: inout BodyMetadata) {
        let value = Value(text: block.text.trimmingSpaces(), line: block.line, links: block.linkDestinations)
        let lower = StatusText.normalizedSpelling(value.text)
        if index == 0, result.status == nil { result.status = value }
        if lower.hasPrefix("superseded by") { result.supersededBy = value }
        else if lower.hasPrefix("supersedes") || lower.hasPrefix("supercedes") { result.supersedes.append(value) }
    }

    /// `Status: x` / `Date: x` / `Deciders: x` / `Tags: x` as a bullet or a line under the title.
    /// A paragraph may hold several such lines (soft breaks became spaces), so only the first
    /// label of a paragraph counts, except for list items, which hold one each.
    private static func readLabelled(_ block: MarkdownBlock, into result: inout BodyMetadata) {
        let text = block.text.trimmingSpaces()
        guard let colon = text.firstIndex(of: ":") else { return }
        let label = text[..<colon].trimmingSpaces().lowercased()
        var rest = text[text.index(after: colon)...].trimmingSpaces()
        if block.kind == .paragraph, let cut = rest.range(of: " Status:") ?? rest.range(of: " Deciders:") {
            rest = rest[..<cut.lowerBound].trimmingSpaces()
        }
        let value = Value(text: rest, line: block.line, links: block.linkDestinations)
        switch label {
        case "status": if result.status == nil { result.status = value }
        case "date": if result.date == nil { result.date = value }
        case "deciders", "decision-makers", "decision makers": if result.deciders == nil { result.deciders = value }
        case "tags": if result.tags == nil { result.tags = value }
        default: break
        }
    }
}
