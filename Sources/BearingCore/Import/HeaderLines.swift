/// `Label: value` lines in a record's header: the blocks before its first section heading (the
/// title may come first). One reader for what Markdown makes the same plain text:
///
/// ```markdown
/// # Use Plain JUnit5            (MADR 2 bullets)     - Start Date: 2017-12-08   (RFC bullets, above the title)
/// * Status: accepted                                 **Status:** Accepted       (bold labels)
/// * Deciders: Alice, Bob                             Author(s): Austin Clements (Go header lines)
/// * Date: 2020-10-16                                 Last updated: 2015-07-31
/// ```
///
/// A line with no label continues the value above it when that value has an open parenthesis or
/// ends with a comma. Under the title, a paragraph of bare lines holds names and a date
/// (`Russ Cox\` / `Robert Griesemer\` / `August 20, 2021`): names are authors, the date an
/// unlabelled date.
enum HeaderLines {
    static func read(_ blocks: [MarkdownBlock], links: [MarkdownLink], into stated: inout StatedMetadata) {
        let zone = HeaderZone(blocks)
        for (i, block) in zone.blocks.enumerated() where block.kind == .paragraph || block.kind == .listItem {
            let labelled = readLabelled(block, links: links, into: &stated)
            if !labelled, block.kind == .paragraph, i == zone.firstAfterTitle { readBareLines(block, into: &stated) }
        }
    }

    /// Reads the labelled lines of a block; true when it had one.
    @discardableResult
    static func readLabelled(_ block: MarkdownBlock, links: [MarkdownLink], into stated: inout StatedMetadata) -> Bool {
        var found = false
        var open: (key: StatedMetadata.Key, value: StatedMetadata.Value)?
        var continued = 0
        func flush() {
            if let (key, value) = open { stated.add(key, value) }
            open = nil
            continued = 0
        }
        for (text, line) in block.lines {
            let pairs = labelledValues(in: text)
            if pairs.isEmpty {
                // A value wraps onto a few lines at most (bounded work on any paragraph).
                if let (key, previous) = open, continued < 8, continues(previous.text) {
                    continued += 1
                    var value = previous
                    value.text += " " + text.trimmingSpaces()
                    open = (key, value)
                }
                continue
            }
            flush()
            found = true
            let lineLinks = block.links.filter { links[$0].line == line }.map { links[$0].destination }
            for (i, pair) in pairs.enumerated() {
                let value = StatedMetadata.Value(text: pair.value, line: line, column: 1, links: i == 0 ? lineLinks : [])
                if i == pairs.count - 1 { open = (pair.key, value) } else { stated.add(pair.key, value) }
            }
        }
        flush()
        return found
    }

    /// `Author: A Last Updated: 2019-02-20` → [(authors, "A"), (updated, "2019-02-20")]: a line starts
    /// with a known label; a second known label is recognised after a space, `,`, `;` or `|`.
    static func labelledValues(in line: String) -> [(key: StatedMetadata.Key, value: String)] {
        // Most lines have no colon at all: decided on bytes before any Character is looked at.
        guard line.utf8.contains(UInt8(ascii: ":")) else { return [] }
        let text = line.trimmingSpaces()
        guard let colon = text.firstIndex(of: ":"), text.distance(from: text.startIndex, to: colon) <= 30,
              let key = StatedMetadata.key(forLabel: text[..<colon]) else { return [] }
        var result: [(StatedMetadata.Key, String)] = []
        var currentKey = key
        var rest = text[text.index(after: colon)...]
        // Swift Evolution repeats the label inside the bold value: `Status: **Status: Active Review**`.
        let trimmed = rest.trimmingLeadingSpaces
        if let inner = trimmed.firstIndex(of: ":"), StatedMetadata.key(forLabel: trimmed[..<inner]) == key { rest = trimmed[trimmed.index(after: inner)...] }
        while let (range, next) = nextLabel(in: rest) {
            result.append((currentKey, String(rest[..<range.lowerBound]).trimmingCharacters(in: " ,;|\t")))
            currentKey = next
            rest = rest[range.upperBound...]
        }
        result.append((currentKey, String(rest).trimmingSpaces()))
        return result
    }

    /// A known label with a capital letter after a separator, as in `… Last Updated: 2019-02-20`.
    private static func nextLabel(in text: Substring) -> (Range<Substring.Index>, StatedMetadata.Key)? {
        var index = text.startIndex
        while let colon = text[index...].firstIndex(of: ":") {
            let before = text[..<colon]
            // Try label lengths of one to three words ending at the colon.
            let words = before.split(separator: " ", omittingEmptySubsequences: false)
            for count in (1...min(3, words.count)).reversed() {
                let label = words.suffix(count).joined(separator: " ")
                guard let first = label.first, first.isUppercase, let key = StatedMetadata.key(forLabel: label) else { continue }
                let start = text.index(colon, offsetBy: -label.count)
                guard start > text.startIndex else { continue }
                let previous = text[text.index(before: start)]
                guard " ,;|\t".contains(previous) else { continue }
                return (start..<text.index(after: colon), key)
            }
            index = text.index(after: colon)
        }
        return nil
    }

    private static func continues(_ value: String) -> Bool {
        value.filter { $0 == "(" }.count > value.filter { $0 == ")" }.count || value.hasSuffix(",") || value.hasSuffix(" and")
    }

    /// The first paragraph under the title, when every line is a name or a date (Go design docs).
    private static func readBareLines(_ block: MarkdownBlock, into stated: inout StatedMetadata) {
        let lines = block.lines.map { (text: $0.text.trimmingCharacters(in: " \\\t"), line: $0.line) }.filter { !$0.text.isEmpty }
        guard !lines.isEmpty else { return }
        var names: [(String, Int)] = []
        var dates: [(String, Int)] = []
        for (text, line) in lines {
            if WrittenDate.parse(text) != .none || isMonthAndYear(text) { dates.append((text, line)); continue }
            if !text.contains(" "), text.contains(".") || text.contains("/") { continue }  // golang.org/s/go13compiler
            guard looksLikeName(text) else { return }
            names.append((text, line))
        }
        guard !names.isEmpty || !dates.isEmpty else { return }
        for (name, line) in names { stated.add(.authors, StatedMetadata.Value(text: name, line: line)) }
        for (date, line) in dates { stated.add(.undatedLine, StatedMetadata.Value(text: date, line: line)) }
    }

    /// `May 2023`, `December 2013`: a date line that names no day.
    private static func isMonthAndYear(_ text: String) -> Bool {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," })
        return words.count == 2 && WrittenDate.month(words[0]) != nil && words[1].count == 4 && words[1].allSatisfy(\.isASCIIDigit)
    }

    /// One to four capitalised words, optionally with an email: `Russ Cox`, `David Chase <x@y>`.
    private static func looksLikeName(_ text: String) -> Bool {
        let words = PeopleList.withoutEmails(text).split(separator: " ")
        guard (1...4).contains(words.count) else { return false }
        return words.allSatisfy { word in
            guard let first = word.first else { return false }
            return (first.isUppercase || first == "@") && !word.contains(":") && !word.contains("/")
        }
    }
}
