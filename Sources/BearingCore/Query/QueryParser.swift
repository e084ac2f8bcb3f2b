/// Parses query text into a `Query`. Clauses after the type may come in any order, each once:
/// `where CONDITION`, `sort FIELD [asc|desc][, …]`, `limit N`, `show FIELD[, …]`, `as table|list|count`.
public enum QueryParser {
    /// The words that open a clause, and every word a value must quote (editors complete them).
    public static let clauseKeywords: Set<String> = ["where", "sort", "limit", "show", "as"]
    public static let reserved: Set<String> = clauseKeywords.union(["and", "or", "not", "contains", "in", "asc", "desc"])
    /// Conditions (comparisons, `in` values) in one query, and `not` and `(` inside one another: the
    /// condition is a tree that parsing, evaluating and freeing walk recursively, so its depth is bounded.
    static let maximumConditions = 256
    static let maximumNesting = 32

    public static func parse(_ text: String) -> Result<Query, QueryError> {
        switch QueryLexer.tokens(text) {
        case .failure(let error): return .failure(error)
        case .success(let tokens):
            var parser = Parser(tokens: tokens, end: Self.end(of: text))
            do { return .success(try parser.query()) } catch let error as QueryError { return .failure(error) } catch {
                return .failure(QueryError(message: "\(error)", line: 1, column: 1))
            }
        }
    }

    /// The position just after the text, where "expected …, found the end" errors point.
    private static func end(of text: String) -> (line: Int, column: Int) {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isLineBreak)
        var last = lines.count
        while last > 1 && lines[last - 1].allSatisfy(\.isWhitespace) { last -= 1 }
        return (max(last, 1), (lines.isEmpty ? 0 : lines[last - 1].count) + 1)
    }

    private struct Parser {
        let tokens: [QueryToken]
        let end: (line: Int, column: Int)
        var position = 0
        var fieldUses: [Query.FieldUse] = []
        var conditions = 0
        var nesting = 0

        mutating func counted() throws {
            conditions += 1
            guard conditions <= QueryParser.maximumConditions else {
                throw error("the query has more than \(QueryParser.maximumConditions) conditions")
            }
        }

        var current: QueryToken? { position < tokens.count ? tokens[position] : nil }

        func error(_ message: String, at token: QueryToken? = nil) -> QueryError {
            if let token = token ?? current { return QueryError(message: message, line: token.line, column: token.column) }
            return QueryError(message: message, line: end.line, column: end.column)
        }

        func describe(_ token: QueryToken?) -> String {
            guard let token else { return "the end of the query" }
            return token.kind == .string ? "\"\(token.text)\"" : "'\(token.text)'"
        }

        mutating func advance() -> QueryToken? {
            defer { position += 1 }
            return current
        }

        mutating func accept(keyword: String) -> Bool {
            guard current?.isKeyword(keyword) == true else { return false }
            position += 1
            return true
        }

        mutating func accept(symbol: String) -> Bool {
            guard let token = current, token.kind == .symbol, token.text == symbol else { return false }
            position += 1
            return true
        }

        mutating func query() throws -> Query {
            guard let first = advance() else {
                throw QueryError(message: "empty query: start with goals, briefs, decisions, notes or all", line: 1, column: 1)
            }
            let name = first.text.lowercased()
            let singular: [String: Query.Source] = ["goal": .goals, "brief": .briefs, "decision": .decisions, "note": .notes]
            guard first.kind == .word, let source = Query.Source(rawValue: name) ?? singular[name] else {
                let hint = Suggestion.didYouMean(name, among: Query.Source.allCases.map(\.rawValue)).map { " (\($0))" } ?? ""
                throw error("a query starts with goals, briefs, decisions, notes or all, not \(describe(first))\(hint)", at: first)
            }
            var query = Query(source: source)
            var seen = Set<String>()
            while let token = current {
                let keyword = token.text.lowercased()
                guard token.kind == .word, QueryParser.clauseKeywords.contains(keyword) else {
                    throw error("expected where, sort, limit, show or as, found \(describe(token))")
                }
                guard seen.insert(keyword).inserted else { throw error("'\(keyword)' is given twice") }
                position += 1
                switch keyword {
                case "where": query.condition = try disjunction()
                case "sort": query.sort = try sortKeys()
                case "limit": query.limit = try limit()
                case "show": query.fields = try fieldList()
                default: query.layout = try layout()
                }
            }
            query.fieldUses = fieldUses
            return query
        }

        mutating func disjunction() throws -> Query.Condition {
            var condition = try conjunction()
            while accept(keyword: "or") { condition = .or(condition, try conjunction()) }
            return condition
        }

        mutating func conjunction() throws -> Query.Condition {
            var condition = try negation()
            while accept(keyword: "and") { condition = .and(condition, try negation()) }
            return condition
        }

        mutating func negation() throws -> Query.Condition {
            try counted()
            let nests = current?.isKeyword("not") == true || (current?.kind == .symbol && current?.text == "(")
            if nests {
                guard nesting < QueryParser.maximumNesting else {
                    throw error("'not' and '(' nest more than \(QueryParser.maximumNesting) levels deep")
                }
                nesting += 1
            }
            defer { if nests { nesting -= 1 } }
            if accept(keyword: "not") { return .not(try negation()) }
            if accept(symbol: "(") {
                let inner = try disjunction()
                guard accept(symbol: ")") else { throw error("expected ')' to close the '(', found \(describe(current))") }
                return inner
            }
            let field = try fieldName()
            if accept(keyword: "in") { return try oneOf(field) }
            if current?.isKeyword("not") == true, position + 1 < tokens.count, tokens[position + 1].isKeyword("in") {
                position += 2
                return .not(try oneOf(field))
            }
            guard let token = current else { return .exists(field: field) }
            let op: Query.Operator
            if token.kind == .symbol, let symbol = Query.Operator(rawValue: token.text) { op = symbol }
            else if token.isKeyword("contains") { op = .contains }
            else { return .exists(field: field) }
            position += 1
            return .compare(field: field, op: op, value: try literal(after: "'\(op.rawValue)'"))
        }

        mutating func literal(after what: String) throws -> Query.Literal {
            guard let token = current, token.kind != .symbol, !(token.kind == .word && QueryParser.reserved.contains(token.text.lowercased())) else {
                throw error("expected a value after \(what), found \(describe(current))")
            }
            position += 1
            if token.kind == .word, let offset = Self.todayOffset(token.text) {
                guard abs(offset) <= Self.maximumOffset else {
                    throw error("'\(token.text)' is too far from today (at most \(Self.maximumOffset) days either way)", at: token)
                }
                return .today(offset: offset)
            }
            return .text(token.text)
        }

        /// `FIELD in (a, b, c)`: the same as `FIELD = a or FIELD = b or FIELD = c`.
        mutating func oneOf(_ field: String) throws -> Query.Condition {
            guard accept(symbol: "(") else { throw error("expected '(' and a list of values after 'in', found \(describe(current))") }
            var condition = Query.Condition.compare(field: field, op: .equal, value: try literal(after: "'in ('"))
            while accept(symbol: ",") {
                try counted()
                condition = .or(condition, .compare(field: field, op: .equal, value: try literal(after: "','")))
            }
            guard accept(symbol: ")") else { throw error("expected ',' or ')' in the list of values, found \(describe(current))") }
            return condition
        }

        /// About 270 years: far enough for any plan, near enough that date arithmetic cannot overflow.
        static let maximumOffset = 100_000

        /// `today` → 0, `today+7` → 7, `today-30` → -30.
        static func todayOffset(_ word: String) -> Int? {
            let lower = word.lowercased()
            guard lower.hasPrefix("today") else { return nil }
            let rest = lower.dropFirst(5)
            if rest.isEmpty { return 0 }
            guard let sign = rest.first, sign == "+" || sign == "-", let days = Int(rest.dropFirst()), rest.count > 1 else { return nil }
            return sign == "+" ? days : -days
        }

        mutating func fieldName() throws -> String {
            guard let token = current, token.kind == .word, !QueryParser.reserved.contains(token.text.lowercased()),
                  let first = token.text.first, first.isLetter || first == "_" else {
                throw error("expected a field name, found \(describe(current))")
            }
            position += 1
            fieldUses.append(Query.FieldUse(name: token.text, line: token.line, column: token.column))
            return token.text
        }

        mutating func fieldList() throws -> [String] {
            var fields = [try fieldName()]
            while accept(symbol: ",") { fields.append(try fieldName()) }
            return fields
        }

        mutating func sortKeys() throws -> [Query.SortKey] {
            var keys: [Query.SortKey] = []
            repeat {
                let field = try fieldName()
                var descending = false
                if accept(keyword: "desc") { descending = true } else { _ = accept(keyword: "asc") }
                keys.append(Query.SortKey(field: field, descending: descending))
            } while accept(symbol: ",")
            return keys
        }

        mutating func limit() throws -> Int {
            guard let token = current, token.kind == .word, let value = Int(token.text), value > 0 else {
                throw error("expected a positive whole number after 'limit', found \(describe(current))")
            }
            position += 1
            return value
        }

        mutating func layout() throws -> Query.Layout {
            guard let token = current, token.kind == .word, let layout = Query.Layout(rawValue: token.text.lowercased()) else {
                throw error("expected table, list or count after 'as', found \(describe(current))")
            }
            position += 1
            return layout
        }
    }
}
