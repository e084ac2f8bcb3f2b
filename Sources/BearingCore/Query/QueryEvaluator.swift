/// What a query gives: the matching documents in order, with the cells of the shown columns.
public struct QueryResult: Sendable, Hashable {
    /// One piece of a cell: text, linked to a document when `target` is its id.
    public struct Part: Sendable, Hashable {
        public var text: String
        public var target: String?
    }

    public struct Row: Sendable, Hashable {
        public var id: String
        public var cells: [[Part]]
    }

    public var layout: Query.Layout
    public var columns: [String]
    /// Rows after `limit`.
    public var rows: [Row]
    /// Matches before `limit`.
    public var total: Int
}

/// Runs queries over a knowledge base. Pure: the result depends on the KB, the analysis and today only.
public struct QueryEvaluator: Sendable {
    public let kb: KnowledgeBase
    public let analysis: AlignmentAnalysis

    public init(kb: KnowledgeBase, analysis: AlignmentAnalysis) {
        self.kb = kb
        self.analysis = analysis
    }

    public func evaluate(_ query: Query) -> QueryResult {
        let candidates: [Document]
        if let type = query.source.type { candidates = kb.documents(ofType: type) } else { candidates = kb.documents }
        var matches = candidates.filter { document in query.condition.map { satisfies($0, document) } ?? true }
        if !query.sort.isEmpty {
            let keys = matches.map { document in query.sort.map { sortValue($0.field, of: document) } }
            let order = matches.indices.sorted { a, b in
                for (k, key) in query.sort.enumerated() {
                    switch (keys[a][k], keys[b][k]) {
                    case (nil, nil): continue
                    case (nil, _): return false  // missing values last, whatever the direction
                    case (_, nil): return true
                    default: break
                    }
                    let comparison = Self.order(keys[a][k], keys[b][k])
                    if comparison != 0 { return key.descending ? comparison > 0 : comparison < 0 }
                }
                return a < b  // the knowledge base's order: by id, ignoring case
            }
            matches = order.map { matches[$0] }
        }
        let total = matches.count
        if let limit = query.limit { matches = Array(matches.prefix(limit)) }
        let columns = query.columns
        let rows = matches.map { document in
            QueryResult.Row(id: document.id, cells: columns.map { cell($0, of: document) })
        }
        return QueryResult(layout: query.layout, columns: columns, rows: rows, total: total)
    }

    private func value(_ field: String, of document: Document) -> QueryValue? {
        QueryField.value(field, of: document, in: kb, analysis: analysis)
    }

    /// Statuses sort in their workflow's order and horizons in the configured order, not alphabetically.
    private func sortValue(_ field: String, of document: Document) -> QueryValue? {
        switch QueryField.normalized(field) {
        case "status":
            let statuses = kb.workflow(of: document).statuses
            return .number(Double(statuses.firstIndex(of: document.status) ?? statuses.count))
        case "horizon":
            guard let horizon = document.goal?.horizon else { return nil }
            return .number(Double(kb.configuration.horizons.firstIndex(of: horizon) ?? kb.configuration.horizons.count))
        default:
            return value(field, of: document)
        }
    }

    private func satisfies(_ condition: Query.Condition, _ document: Document) -> Bool {
        switch condition {
        case .exists(let field): return value(field, of: document) != nil
        case .not(let inner): return !satisfies(inner, document)
        case .and(let a, let b): return satisfies(a, document) && satisfies(b, document)
        case .or(let a, let b): return satisfies(a, document) || satisfies(b, document)
        case .compare(let field, let op, let literal):
            guard let value = value(field, of: document) else { return op == .notEqual }
            if case .list(let elements) = value {
                // A list matches when one of its elements does; `contains` means "has this element".
                if op == .notEqual { return !elements.contains { compare($0, .equal, literal) } }
                return elements.contains { compare($0, op == .contains ? .equal : op, literal) }
            }
            return compare(value, op, literal)
        }
    }

    /// One value against a literal. A literal that cannot be read as the value's kind (a word
    /// against a number, a date against text) is unequal to it and neither less nor greater.
    private func compare(_ value: QueryValue, _ op: Query.Operator, _ literal: Query.Literal) -> Bool {
        let sign: Int
        switch value {
        case .list: return false  // lists are compared element by element by the caller
        case .number(let number):
            guard case .text(let text) = literal, let other = Self.number(text) else { return op == .notEqual }
            sign = number == other ? 0 : number < other ? -1 : 1
        case .date(let day):
            guard let other = self.day(literal) else { return op == .notEqual }
            sign = day == other ? 0 : day < other ? -1 : 1
        case .reference(let id):
            guard case .text(let text) = literal else { return op == .notEqual }
            sign = Self.textOrder(id, resolve(text))
        case .text(let text):
            if let day = Day.parse(text), text.count == 10, let other = self.day(literal) {
                sign = day == other ? 0 : day < other ? -1 : 1
            } else {
                guard case .text(let other) = literal else { return op == .notEqual }
                if op == .contains { return text.lowercased().contains(other.lowercased()) }
                sign = Self.textOrder(text, other)
            }
        }
        switch op {
        case .equal, .contains: return sign == 0
        case .notEqual: return sign != 0
        case .less: return sign < 0
        case .lessOrEqual: return sign <= 0
        case .greater: return sign > 0
        case .greaterOrEqual: return sign >= 0
        }
    }

    /// A value written for a reference: the id of the document it names (by id, or `ADR-0005` by
    /// decision number), else the text itself.
    private func resolve(_ text: String) -> String {
        (kb.index(of: text) ?? kb.index(ofDecisionLabel: text)).map { kb.documents[$0].id } ?? text
    }

    private func day(_ literal: Query.Literal) -> Day? {
        switch literal {
        case .today(let offset): return analysis.today.adding(days: offset)
        case .text(let text): return text.count == 10 ? Day.parse(text) : nil
        }
    }

    /// `0.4`, `40%` → 0.4, `-3`.
    static func number(_ text: String) -> Double? {
        if text.hasSuffix("%") { return Double(text.dropLast()).map { $0 / 100 } }
        return Double(text)
    }

    static func textOrder(_ a: String, _ b: String) -> Int {
        let x = a.lowercased(), y = b.lowercased()
        return x == y ? 0 : x < y ? -1 : 1
    }

    /// Sort order: missing values last; numbers before dates before text, each kind in its natural
    /// order (so the order is consistent when a field mixes kinds); a list by its first element.
    static func order(_ a: QueryValue?, _ b: QueryValue?) -> Int {
        switch (a, b) {
        case (nil, nil): return 0
        case (nil, _): return 1
        case (_, nil): return -1
        case (.list(let x), _): return order(x.first, b)
        case (_, .list(let y)): return order(a, y.first)
        case (.number(let x), .number(let y)): return x == y ? 0 : x < y ? -1 : 1
        case (.date(let x), .date(let y)): return x == y ? 0 : x < y ? -1 : 1
        default:
            let (x, y) = (kindRank(a!), kindRank(b!))
            return x != y ? (x < y ? -1 : 1) : textOrder(display(a!), display(b!))
        }
    }

    private static func kindRank(_ value: QueryValue) -> Int {
        switch value {
        case .number: 0
        case .date: 1
        case .text, .reference, .list: 2
        }
    }

    static func display(_ value: QueryValue) -> String {
        switch value {
        case .text(let text), .reference(let text): return text
        case .number(let number): return Plain.number(number)
        case .date(let day): return day.description
        case .list(let values): return values.map(display).joined(separator: ", ")
        }
    }

    /// A cell: progress as a percentage; `title` and `id` linked to the document, references to theirs (by title).
    private func cell(_ field: String, of document: Document) -> [QueryResult.Part] {
        let normalized = QueryField.normalized(field)
        if normalized == "title" { return [QueryResult.Part(text: document.title, target: document.id)] }
        if normalized == "id" { return [QueryResult.Part(text: document.id, target: document.id)] }
        guard let value = value(field, of: document) else { return [] }
        if normalized == "progress", case .number(let progress) = value {
            return [QueryResult.Part(text: Percent.format(progress), target: nil)]
        }
        return value.elements.map { element in
            if case .reference(let id) = element, let target = kb.document(id) { return QueryResult.Part(text: target.title, target: target.id) }
            return QueryResult.Part(text: Self.display(element), target: nil)
        }
    }
}
