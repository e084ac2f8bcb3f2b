/// A document's title when front matter gives none: the first level-1 heading that is not a
/// section name of a template (`# Summary` opens most RFCs), else — in a file with no level-1
/// heading — its first heading, else a `feature:` name (NixOS), else the file name made
/// readable (`0002-new-version-of-context.md` → `New version of context`).
enum TitleChooser {
    static func title(headings: [MarkdownHeading], feature: String?, fileStem: String) -> String {
        // When the first level-1 heading is a section, the file's level-1 headings are its sections.
        if let h1 = headings.first(where: { $0.level == 1 }) {
            if !isGeneric(h1.text), !Placeholder.isTemplateTitle(h1.text) { return h1.text.trimmingSpaces() }
        } else if let first = headings.first, !isGeneric(first.text), !Placeholder.isTemplateTitle(first.text) {
            return first.text.trimmingSpaces()
        }
        if let feature, !feature.isEmpty { return feature }
        return readable(fileStem)
    }

    /// `0002-new-version-of-context` → `New version of context`; `README`, `index` → their folder's name is not known here, so kept.
    static func readable(_ stem: String) -> String {
        var rest = Substring(stem)
        let digits = rest.prefix(while: \.isASCIIDigit)
        if !digits.isEmpty, let next = rest.dropFirst(digits.count).first, "-_. ".contains(next), rest.count > digits.count + 1 {
            rest = rest.dropFirst(digits.count + 1)
        }
        let words = rest.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
            .split(separator: " ").joined(separator: " ")
        guard let first = words.first else { return stem }
        return first.uppercased() + words.dropFirst()
    }

    /// A heading that names a section of a template rather than the document.
    static func isGeneric(_ heading: String) -> Bool {
        var text = heading.lowercased().trimmingSpaces()
        while let last = text.last, last == ":" || last == "!" || last == "." { text.removeLast() }
        return sections.contains(text)
    }

    static let sections: Set<String> = [
        "summary", "abstract", "context", "context and problem statement", "problem statement", "motivation",
        "background", "introduction", "overview", "status", "decision", "decision outcome", "decision drivers",
        "considered options", "consequences", "detailed design", "design", "proposal", "proposed solution",
        "proposed design", "rationale", "drawbacks", "alternatives", "alternatives considered",
        "unresolved questions", "open questions", "prior art", "basic example", "adoption strategy",
        "how we teach this", "changelog", "change log", "table of contents", "contents", "toc", "references",
        "specification", "implementation", "superseded", "deprecated", "future work", "future possibilities",
        "goals", "non-goals", "examples", "example", "pros and cons of the options", "more information",
        "security considerations", "backwards compatibility", "test cases", "reference implementation",
        "copyright", "terminology", "glossary", "notes", "appendix", "faq", "risks", "trade-offs", "tradeoffs",
        "explanation", "guide-level explanation", "reference-level explanation", "detailed explanation",
        "testing", "testing plan", "test plan", "release signoff checklist", "user stories", "risks and mitigations",
        "design details", "source compatibility", "abi compatibility", "effect on abi stability",
        "alternatives to consider", "acknowledgments", "acknowledgements", "future directions",
        "deprecation note", "positive", "negative", "neutral", "tracking issue",
    ]
}
