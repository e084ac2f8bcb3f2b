import BearingCore

/// Completion in a ```` ```bearing ```` block (docs/queries.md): the source first, then clause
/// keywords, fields after `where`, `sort`, `show`, `and`, `or`, `not` and commas, operators
/// after a field of a condition, the values a field takes after an operator, `asc`/`desc` after
/// a sort field and the layouts after `as`. Read from the words before the cursor, so that a
/// query half typed (which does not parse) completes too.
enum QueryCompletion {
    /// What ends a word of the language.
    static let separators: Set<Character> = [" ", "\t", "\n", "=", "!", "<", ">", "(", ")", ",", "\"", "'"]

    /// Adds what may come at the cursor, given the block's text before it.
    static func complete(_ text: String, _ kb: KnowledgeBase, into items: inout CompletionItems) {
        let tokens = words(of: String(text.dropLast(items.site.typed.count)))
        guard let source = tokens.first else {
            for source in Query.Source.allCases where items.matches(source.rawValue) { items.add(source.rawValue, kind: .keyword, detail: "source") }
            return
        }
        let lowered = tokens.map { $0.lowercased() }
        let used = Set(lowered.dropFirst()).intersection(QueryParser.clauseKeywords)
        let clause = lowered.dropFirst().last { QueryParser.clauseKeywords.contains($0) }
        let previous = lowered.count > 1 ? lowered[lowered.count - 1] : nil
        let beforePrevious = lowered.count > 2 ? lowered[lowered.count - 2] : nil
        switch (clause, previous) {
        case (_, "as"?): keywords(Query.Layout.allCases.map(\.rawValue), detail: "layout", into: &items)
        case (_, "limit"?): break
        case ("show"?, "show"?), ("show"?, ","?), ("sort"?, "sort"?), ("sort"?, ","?): fields(into: &items)
        case ("sort"?, _) where !["asc", "desc"].contains(previous ?? ""):
            keywords(["asc", "desc"], detail: "order", into: &items)
            clauses(used, into: &items)
        case ("where"?, ","?), ("where"?, "("?) where inListField(lowered) != nil:
            values(of: inListField(lowered) ?? "", source: source, kb, into: &items)
        case ("where"?, let word?) where ["where", "and", "or", "not", "("].contains(word):
            fields(into: &items)
            keywords(["not"], detail: "negation", into: &items)
        case ("where"?, "in"?): break
        case ("where"?, let word?) where operators.contains(word):
            values(of: beforePrevious ?? "", source: source, kb, into: &items)
        case ("where"?, _) where ["where", "and", "or", "not", "("].contains(beforePrevious ?? ""):
            // A field alone tests that it has a value: a connective may follow as well as an operator.
            keywords(["=", "!=", "contains", "in", "not in", "<", "<=", ">", ">="], detail: "operator", into: &items)
            keywords(["and", "or"], detail: "connective", into: &items)
            clauses(used, into: &items)
        case ("where"?, _): keywords(["and", "or"], detail: "connective", into: &items); clauses(used, into: &items)
        default: clauses(used, into: &items)
        }
    }

    /// The comparison operators, as words of the text.
    static let operators: Set<String> = ["=", "!=", "<", "<=", ">", ">=", "contains"]

    /// The words and symbols of a query's text: comments and quoted strings left out, `!=`,
    /// `<=` and `>=` one word each.
    static func words(of text: String) -> [String] {
        var words: [String] = []
        var word = ""
        var quote: Character?
        var comment = false
        var last: Character = " "
        func flush() { if !word.isEmpty { words.append(word); word = "" } }
        for character in text {
            defer { last = character }
            if comment { if character == "\n" { comment = false }; continue }
            if let open = quote { if character == open { quote = nil; words.append("\"…\"") }; continue }
            if character == "#", last == " " || last == "\n" || last == "\t", word.isEmpty { comment = true; continue }
            if character == "\"" || character == "'" { flush(); quote = character; continue }
            if character == "=", let previous = words.last, ["!", "<", ">"].contains(previous), word.isEmpty, last == Character(previous) {
                words[words.count - 1] = previous + "="
                continue
            }
            if separators.contains(character) {
                flush()
                if character != " ", character != "\t", character != "\n" { words.append(String(character)) }
            } else {
                word.append(character)
            }
        }
        flush()
        return words
    }

    /// The field of the `in (…` list the cursor is in: the last `(` follows `in` and no `)` closed it.
    private static func inListField(_ words: [String]) -> String? {
        guard let open = words.lastIndex(of: "("), open >= 2, words[open - 1] == "in", !words[open...].contains(")") else { return nil }
        return words[open - 2] == "not" && open >= 3 ? words[open - 3] : words[open - 2]
    }

    private static func keywords(_ words: [String], detail: String, into items: inout CompletionItems) {
        for word in words where items.matches(word) { items.add(word, kind: .keyword, detail: detail) }
    }

    /// The clause keywords the query does not have yet.
    private static func clauses(_ used: Set<String>, into items: inout CompletionItems) {
        keywords(["where", "sort", "limit", "show", "as"].filter { !used.contains($0) }, detail: "clause", into: &items)
    }

    /// The fields a query can name, with their front matter documentation when they are fields.
    private static func fields(into items: inout CompletionItems) {
        for field in QueryField.known where items.matches(field) {
            let documentation = FieldDocumentation.all.first { $0.key.replacingUnderscores == field }
            items.add(field, kind: .field, detail: documentation?.value ?? "computed", documentation: documentation?.markdown)
        }
    }

    /// The values a field takes: statuses of the source's workflow, people, ids, horizons, tags.
    private static func values(of field: String, source: String, _ kb: KnowledgeBase, into items: inout CompletionItems) {
        let field = field.replacingUnderscores
        let types: [DocumentType] = DocumentType(querySource: source).map { [$0] } ?? DocumentType.allCases
        switch field {
        case "status":
            var seen = Set<String>()
            let statuses = types.flatMap { kb.configuration.workflow(for: $0).statuses }.filter { seen.insert($0).inserted }
            keywords(statuses, detail: "status", into: &items)
        case "type": keywords(DocumentType.allCases.map(\.rawValue), detail: "type", into: &items)
        case "horizon": keywords(kb.configuration.horizons, detail: "horizon", into: &items)
        case "health": keywords(["on-track", "at-risk", "off-track"], detail: "health", into: &items)
        case "tags": keywords(Set(kb.documents.flatMap(\.tags)).sorted(), detail: "tag", into: &items)
        case "team": keywords(kb.people.teams.values.map(\.id).sorted(), detail: "team", into: &items)
        case "owner", "reviewers", "decision_makers", "deciders", "consulted", "informed", "contributors": FrontMatterCompletion.people(kb, into: &items)
        case "parent", "goals", "serves": DocumentCompletion.ids(of: [.goal], from: nil, kb, into: &items)
        case "briefs": DocumentCompletion.ids(of: [.brief], from: nil, kb, into: &items)
        case "decisions", "supersedes", "superseded_by": DocumentCompletion.ids(of: [.decision], from: nil, kb, into: &items)
        case "links", "id": DocumentCompletion.ids(of: Set(DocumentType.allCases), from: nil, kb, into: &items)
        default: break
        }
    }
}

extension DocumentType {
    /// The type a query's source names (`goals`, `goal`, …); nil for `all` and unknown words.
    init?(querySource word: String) {
        switch word.lowercased() {
        case "goals", "goal": self = .goal
        case "briefs", "brief": self = .brief
        case "decisions", "decision": self = .decision
        case "notes", "note": self = .note
        default: return nil
        }
    }
}

private extension String {
    /// The name with `-` as `_`, as query fields are compared.
    var replacingUnderscores: String { String(map { $0 == "-" ? "_" : $0 }) }
}
