/// A list of people as real records write it: `Alice, Bob and Carol`, `"@a; @b"`, `@a @b @c`,
/// `Robin Gloster (@globin)`, `Russ Cox <rsc@golang.org>`. Split on `,`, `;` and ` and `, never
/// inside parentheses; emails in `<…>` dropped; `and others` / `et al.` are nobody.
enum PeopleList {
    static func split(_ raw: String) -> [String] {
        var people: [String] = []
        var current = ""
        var depth = 0
        func finish() {
            let person = clean(current)
            if !person.isEmpty, !["others", "et al", "et al.", "etc", "etc."].contains(person.lowercased()), !isCompany(person) { people.append(person) }
            current = ""
        }
        var text = withoutEmails(raw)
        // `John Ericson (@Ericson2314) on behalf of [Obsidian Systems](…)`: the person, not the company.
        if let range = text.range(of: " on behalf of ", options: .caseInsensitive) { text = String(text[..<range.lowerBound]) }
        var rest = Substring(text)
        while let c = rest.first {
            if c == "(" { depth += 1 }
            if c == ")" { depth = max(0, depth - 1) }
            if depth == 0, c == "," || c == ";" || c == "\n" {
                finish()
                rest = rest.dropFirst()
                continue
            }
            if depth == 0, c == " ", let word = [" and ", " & "].first(where: { rest.lowercased().hasPrefix($0) }) {
                finish()
                rest = rest.dropFirst(word.count)
                continue
            }
            current.append(c)
            rest = rest.dropFirst()
        }
        finish()
        // `@kevincox @7c6f434c @edolstra`: handles separated by spaces only.
        return people.flatMap { person -> [String] in
            let words = person.split(separator: " ")
            return words.count > 1 && words.allSatisfy({ $0.hasPrefix("@") }) ? words.map(String.init) : [person]
        }
    }

    /// `Omnition Inc.`, `Zondax AG`: a company written after a person, not a person.
    static func isCompany(_ name: String) -> Bool {
        guard let last = name.split(separator: " ").last?.lowercased().trimmingCharacters(in: "."), name.contains(" ") else { return false }
        return ["inc", "llc", "ltd", "gmbh", "ag", "corp", "corporation", "co", "plc", "sa", "bv", "limited", "labs"].contains(last)
    }

    /// Drops emails: `<a@b.c>`, `&lt;a@b.c&gt;`, `\<a@b.c\>`, `(a@b.c)` and a bare `a@b.c` (what an
    /// autolinked `<a@b.c>` leaves in plain text), keeping the rest.
    static func withoutEmails(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "@") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }) else { return text }
        var result = text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "\\<", with: "<").replacingOccurrences(of: "\\>", with: ">")
        while let open = result.firstIndex(of: "<"), let close = result[open...].firstIndex(of: ">"),
              result[open...close].contains("@") || result[open...close].contains(".") {
            result.removeSubrange(open...close)
        }
        guard result.contains("@") else { return result }
        return result.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            let bare = String(word).trimmingCharacters(in: "(),;")
            let unpunctuated = String(word).trimmingCharacters(in: ",;")
            guard isEmail(bare), bare == unpunctuated || unpunctuated == "(" + bare + ")" else { return String(word) }
            return String(word.reversed().prefix { $0 == "," || $0 == ";" })   // the list's separator stays
        }.joined(separator: " ")
    }

    /// `a@b.c`: an `@` inside (not a leading `@handle`) and a dot after it.
    static func isEmail(_ word: String) -> Bool {
        guard let at = word.firstIndex(of: "@"), at != word.startIndex else { return false }
        return word[at...].contains(".")
    }

    private static func clean(_ text: String) -> String {
        var person = text.trimmingSpaces()
        let quotes: Set<Character> = ["\"", "'", "`", "“", "”"]
        while let first = person.first, quotes.contains(first) { person = person.dropFirst().trimmingSpaces() }
        while let last = person.last, quotes.contains(last) || last == "." || last == "\\" { person = person.dropLast().trimmingSpaces() }
        return person.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
