import BearingCore
import Foundation

/// Where completion was asked for, read from the text around the cursor (not from the parsed
/// document, which a half-typed line may have broken): what kind of place it is, the word typed
/// so far and its range (from the word's start to the cursor), and the rest of the line.
struct CompletionSite {
    enum Place: Equatable {
        /// A front matter key.
        case key
        /// The value of a front matter key, or an item of its list (flow `[a, |` or block `- |`).
        case value(key: String)
        /// After `[[` in the body.
        case wikilink
        /// After `](` in the body.
        case relativeLink
        /// In a ```` ```bearing ```` block: the block's text up to the cursor.
        case query(String)
    }

    let place: Place
    let typed: String
    let range: Range
    /// What follows the cursor on its line.
    let rest: String
    /// The front matter keys written in the file, the cursor's line aside.
    let writtenKeys: Set<String>

    /// The site at `position` in a file's lines (nil: nowhere completion has anything to offer).
    static func find(at position: Position, in lines: LineIndex, encoding: PositionEncoding) -> CompletionSite? {
        guard position.line >= 0, position.line < lines.lineCount else { return nil }
        let scalars = Array(lines.line(position.line).unicodeScalars)
        let column = min(lines.column(of: position, encoding: encoding), scalars.count + 1)
        let before = String(String.UnicodeScalarView(scalars[0..<column - 1]))
        let rest = String(String.UnicodeScalarView(scalars[(column - 1)...]))
        let cursorLine = position.line + 1
        let split = FrontMatter.split(lines.text)
        let frontMatter: ClosedRange<Int>? = if split.yaml != nil {
            split.yamlFirstLine <= split.bodyFirstLine - 2 ? split.yamlFirstLine...(split.bodyFirstLine - 2) : nil
        } else if split.unclosedAtLine != nil, lines.lineCount >= 2 {
            2...lines.lineCount
        } else {
            nil
        }
        func site(_ place: Place, typed: String, keys: Set<String> = []) -> CompletionSite {
            let start = lines.position(line: cursorLine, column: column - typed.unicodeScalars.count, encoding: encoding)
            return CompletionSite(place: place, typed: typed, range: Range(start: start, end: position), rest: rest, writtenKeys: keys)
        }
        if let frontMatter {
            if frontMatter.contains(cursorLine) {
                let keys = writtenKeys(in: lines, frontMatter, except: cursorLine)
                return frontMatterPlace(before, line: cursorLine, lines: lines, frontMatter).map { site($0.place, typed: $0.typed, keys: keys) }
            }
            if cursorLine <= frontMatter.upperBound + 1 { return nil }  // A fence.
        }
        let bodyStart = frontMatter.map { $0.upperBound + 2 } ?? 1
        if let query = queryText(before: before, line: cursorLine, bodyStart: bodyStart, lines: lines) {
            return site(.query(query), typed: trailingWord(of: before, stoppingAt: QueryCompletion.separators))
        }
        // The link opened last is the one the cursor is in.
        let wikilink = before.range(of: "[[", options: .backwards)
        let link = before.range(of: "](", options: .backwards)
        if let wikilink, link.map({ $0.lowerBound < wikilink.lowerBound }) ?? true {
            let typed = String(before[wikilink.upperBound...])
            return !typed.contains("]]") && !typed.contains("|") && typed.unicodeScalars.count <= 200 ? site(.wikilink, typed: typed) : nil
        }
        if let link {
            let typed = String(before[link.upperBound...])
            return !typed.contains(")") && !typed.contains(" ") ? site(.relativeLink, typed: typed) : nil
        }
        return nil
    }

    /// Key or value, and the word typed, on a front matter line.
    private static func frontMatterPlace(_ before: String, line: Int, lines: LineIndex, _ frontMatter: ClosedRange<Int>) -> (place: Place, typed: String)? {
        let valueWord = trailingWord(of: before, stoppingAt: [" ", "\t", "[", "]", ",", "{", "}", "\"", "'", ":"])
        let indented = before.first == " " || before.first == "\t"
        let content = before.drop { $0 == " " || $0 == "\t" }
        if content.hasPrefix("- ") || content == "-" {
            guard let key = keyAbove(line, lines: lines, frontMatter) else { return nil }
            return (.value(key: key.key), valueWord)
        }
        if !indented {
            guard let colon = content.firstIndex(of: ":") else {
                let key = trailingWord(of: before, stoppingAt: [])
                return key.unicodeScalars.count == before.unicodeScalars.count ? (.key, key) : nil
            }
            return (.value(key: String(content[..<colon]).trimmingCharacters(in: .whitespaces)), valueWord)
        }
        // An indented line continues a flow list opened on a key's line (`goals: [a,` then `  b`).
        guard let key = keyAbove(line, lines: lines, frontMatter), key.value.contains("["), !key.value.contains("]") else { return nil }
        return (.value(key: key.key), valueWord)
    }

    /// The nearest key line above `line` that is not indented, with its value as written.
    private static func keyAbove(_ line: Int, lines: LineIndex, _ frontMatter: ClosedRange<Int>) -> (key: String, value: String)? {
        var number = line - 1
        while number >= frontMatter.lowerBound {
            let text = lines.line(number - 1)
            if let first = text.first, first != " ", first != "\t", first != "-", first != "#" {
                guard let colon = text.firstIndex(of: ":") else { return nil }
                return (String(text[..<colon]).trimmingCharacters(in: .whitespaces), String(text[text.index(after: colon)...]))
            }
            number -= 1
        }
        return nil
    }

    /// The keys of the front matter's top-level lines.
    private static func writtenKeys(in lines: LineIndex, _ frontMatter: ClosedRange<Int>, except line: Int) -> Set<String> {
        var keys = Set<String>()
        for number in frontMatter where number != line {
            let text = lines.line(number - 1)
            guard let first = text.first, first != " ", first != "\t", first != "-", first != "#", let colon = text.firstIndex(of: ":") else { continue }
            keys.insert(String(text[..<colon]).trimmingCharacters(in: .whitespaces))
        }
        return keys
    }

    /// The word that ends at the cursor: the run of characters before it that are not
    /// `separators` (for none given: letters, digits, `-`, `_` and `.`, a key's characters).
    static func trailingWord(of text: String, stoppingAt separators: Set<Character>) -> String {
        let word = text.reversed().prefix { character in
            separators.isEmpty ? character.isLetter || character.isNumber || "-_.".contains(character) : !separators.contains(character)
        }
        return String(word.reversed())
    }

    /// The text of the ```` ```bearing ```` block the cursor's line is in, up to the cursor (nil
    /// when it is in none): fences are followed from the body's first line.
    private static func queryText(before: String, line: Int, bodyStart: Int, lines: LineIndex) -> String? {
        var fence: (marker: Character, length: Int, isQuery: Bool, firstLine: Int)?
        var number = bodyStart
        while number < line {
            let text = lines.line(number - 1)
            let indent = text.prefix { $0 == " " }.count
            let content = text.dropFirst(indent)
            if indent <= 3, let marker = content.first, marker == "`" || marker == "~" {
                let length = content.prefix { $0 == marker }.count
                let after = content.dropFirst(length).trimmingCharacters(in: .whitespaces)
                if let open = fence {
                    if marker == open.marker, length >= open.length, after.isEmpty { fence = nil }
                } else if length >= 3 {
                    fence = (marker, length, after.split(separator: " ").first?.lowercased() == "bearing", number + 1)
                }
            }
            number += 1
        }
        guard let fence, fence.isQuery else { return nil }
        let earlier = (fence.firstLine..<line).map { String(lines.line($0 - 1)) }
        return (earlier + [before]).joined(separator: "\n")
    }
}
