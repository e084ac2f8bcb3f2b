/// Edits of a status written in the body, in the form each reader expects (Import/):
///
/// ```markdown
/// ## Status                          * Status: superseded by [ADR-0005](0005-use-y.md)
///                                    * Supersedes: [ADR-0001](0001-use-x.md)
/// Superseded by [5. Use Y](0005-use-y.md)
///
/// Supersedes [1. Use X](0001-use-x.md)
/// ```
///
/// Nygard / adr-tools records keep the status in the first paragraph of their `## Status`
/// section; MADR 2 records on a `* Status:` bullet. Nil when the body states no status there.
enum BodyStatusEdit {
    /// Where the status is written: the line, and whether it is a bullet (`* Status: x`).
    struct Place {
        var line: Int
        var bullet: Bool
    }

    static func place(in text: String) -> Place? {
        let lines = TextLines(text)
        var underStatus = false
        var fence = false
        var comment = false
        for n in stride(from: 1, through: lines.count, by: 1) {
            let trimmed = lines.content(n).trimmingSpaces()
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { fence.toggle(); continue }
            if fence { continue }
            // HTML comments (a template's instructions) and quotes are not the status.
            if comment || trimmed.hasPrefix("<!--") {
                comment = !trimmed.contains("-->")
                continue
            }
            if trimmed.hasPrefix(">") { continue }
            if trimmed.hasPrefix("#") {
                underStatus = trimmed.hasPrefix("##") && trimmed.drop { $0 == "#" }.trimmingSpaces().lowercased() == "status"
                continue
            }
            let lower = trimmed.lowercased()
            if lower.hasPrefix("* status:") || lower.hasPrefix("- status:") { return Place(line: n, bullet: true) }
            if underStatus, !trimmed.isEmpty { return Place(line: n, bullet: false) }
        }
        return nil
    }

    /// The status changed to `status`; with a `successor` link, `Superseded by [title](path)`.
    /// The new word takes the old one's capitalisation.
    static func setting(_ status: String, successor: (title: String, path: String)?, in text: String) -> String? {
        guard let place = place(in: text) else { return nil }
        var lines = TextLines(text)
        let content = lines.content(place.line)
        let indent = content.prefix { $0 == " " || $0 == "\t" }
        let body = content.dropFirst(indent.count)
        let valueStart = place.bullet ? body.index(after: body.firstIndex(of: ":")!) : body.startIndex
        let old = body[valueStart...].trimmingSpaces()
        let capital = old.first?.isUppercase ?? !place.bullet
        var word = capital ? status.prefix(1).uppercased() + status.dropFirst() : status
        if let successor { word += " by [\(successor.title)](\(successor.path))" }
        let prefix = place.bullet ? String(body[..<valueStart]) + " " : ""
        lines.setContent(place.line, String(indent) + prefix + word)
        return lines.text
    }

    /// `Supersedes [title](path)` added after the status: a paragraph in a Nygard status section,
    /// a `* Supersedes:` bullet after a MADR 2 status bullet. Unchanged when the link is there.
    static func addingSupersedes(title: String, path: String, in text: String) -> String? {
        guard let place = place(in: text) else { return nil }
        if text.contains("](\(path))"), text.lowercased().contains("supersedes") { return text }
        var lines = TextLines(text)
        let content = lines.content(place.line)
        if place.bullet {
            let marker = content.trimmingSpaces().prefix(1)
            let indent = content.prefix { $0 == " " || $0 == "\t" }
            lines.insert("\(indent)\(marker) Supersedes: [\(title)](\(path))", after: place.line)
        } else {
            // After the status paragraph: its last non-blank line.
            var last = place.line
            while last + 1 <= lines.count, !lines.content(last + 1).trimmingSpaces().isEmpty, !lines.content(last + 1).hasPrefix("#") { last += 1 }
            lines.insert("Supersedes [\(title)](\(path))", after: last)
            lines.insert("", after: last)
        }
        return lines.text
    }
}
