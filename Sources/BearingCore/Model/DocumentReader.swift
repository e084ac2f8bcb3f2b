/// The model stage for one file: types the known front matter fields, imports body metadata
/// of decision logs, and lists references as written (resolved later, across the KB).
struct DocumentReader {
    let configuration: Configuration

    /// A document whose id may still change (colliding file names) and whose references are unresolved.
    struct Draft {
        var document: Document
        var explicitID: Located<String>?
        var diagnostics: [Diagnostic]
    }

    func read(_ parsed: ParsedDocument) -> Draft {
        var reader = FieldReader(path: parsed.path)
        let field = Dictionary(parsed.fields.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        let stem = Self.stem(of: parsed.path)

        var explicitID: Located<String>?
        if let node = field["id"], let id = reader.string("id", node) {
            if Self.isValidID(id) { explicitID = Located(id, reader.location(node)) }
            else { reader.invalid("id", node, expected: "letters, digits and . _ / - (starting with a letter or digit)") }
        }
        var type = DocumentType.inferred(fromPath: parsed.path)
        if let node = field["type"], let text = reader.string("type", node) {
            if let explicit = DocumentType(rawValue: text.lowercased()) { type = explicit }
            else { reader.invalid("type", node, expected: "goal, brief, decision or note") }
        }
        let workflow = configuration.workflow(for: type)
        let body = type == .decision ? BodyMetadata.read(parsed.markdown.blocks) : BodyMetadata()

        var title = reader.string("title", field["title"]) ?? parsed.markdown.title ?? stem
        if type == .decision, field["title"] == nil { title = Self.strippingNumber(title) }
        var document = Document(id: explicitID?.value ?? stem, path: parsed.path, type: type, title: title,
                                status: workflow.initial, body: parsed.markdown)
        document.fields = parsed.fields
        document.number = type == .decision ? Self.number(inFileName: stem) : nil
        document.owner = reader.string("owner", field["owner"])
        if let owner = document.owner, let node = field["owner"] {
            document.people.append(PersonReference(role: .owner, id: owner, location: reader.location(node)))
        }
        document.tags = reader.strings("tags", field["tags"], commaSeparated: true).map(\.value)
        if document.tags.isEmpty, let tags = body.tags {
            document.tags = tags.text.split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        }
        document.created = reader.day("created", field["created"])
        document.updated = reader.day("updated", field["updated"])

        readStatus(field["status"], body: body, workflow: workflow, explicitSuccessor: field["superseded_by"] != nil,
                   into: &document, reader: &reader)
        addReferences(.links, reader.strings("links", field["links"]), to: &document)

        switch type {
        case .goal: readGoal(field, into: &document, reader: &reader)
        case .brief: readBrief(field, into: &document, reader: &reader)
        case .decision: readDecision(field, body: body, into: &document, reader: &reader)
        case .note: break
        }
        for link in parsed.markdown.links where link.kind != .autolink {
            document.references.append(Reference(kind: .mentions, written: link.kind == .wikilink ? "[[\(link.destination)]]" : link.destination,
                                                  anchor: link.anchor,
                                                  location: SourceLocation(path: parsed.path, line: link.line, column: link.column),
                                                  label: link.label))
        }
        readQueries(parsed.markdown.codeBlocks, into: &document, reader: &reader)
        return Draft(document: document, explicitID: explicitID, diagnostics: parsed.diagnostics + reader.diagnostics)
    }

    /// Parses the ```` ```bearing ```` blocks; a malformed query is an error at its line and column.
    private func readQueries(_ blocks: [MarkdownCodeBlock], into document: inout Document, reader: inout FieldReader) {
        for block in blocks where block.isQuery {
            let start = SourceLocation(path: document.path, line: block.line + 1, column: block.column)
            switch QueryParser.parse(block.literal) {
            case .success(let query):
                document.queries.append(QueryBlock(text: block.literal, location: start, query: query))
            case .failure(let error):
                document.queries.append(QueryBlock(text: block.literal, location: start, query: nil))
                reader.report(Diagnostic(.error, .query, "query: \(error.message)", at: start.offset(by: error)))
            }
        }
    }

    private func readStatus(_ node: YAMLNode?, body: BodyMetadata, workflow: Workflow, explicitSuccessor: Bool,
                            into document: inout Document, reader: inout FieldReader) {
        var raw: String?
        var location = document.location
        var statusLinks: [String] = []
        if let node, let text = reader.string("status", node) {
            raw = text
            location = reader.location(node)
        } else if let value = body.status {
            raw = value.text
            location = SourceLocation(path: document.path, line: value.line, column: 1)
            statusLinks = value.links
        }
        guard let raw, let parsed = StatusText.read(raw, workflow: workflow) else { return }
        document.status = parsed.status
        document.statusText = parsed.text
        if !parsed.known {
            let valid = workflow.statuses.joined(separator: ", ")
            reader.report(Diagnostic(.warning, .unknownStatus, "status '\(raw)' is not in the \(document.type.rawValue) workflow (\(valid))",
                                     at: location, hint: Suggestion.didYouMean(parsed.status, among: workflow.statuses)))
        }
        if parsed.status == "superseded", !explicitSuccessor, node != nil || body.supersededBy == nil {
            if let target = statusLinks.first ?? parsed.supersededBy {
                document.references.append(Reference(kind: .supersededBy, written: target, location: location))
            }
        }
    }

    private func readGoal(_ field: [String: YAMLNode], into document: inout Document, reader: inout FieldReader) {
        var goal = GoalDetails()
        if let node = field["period"], let text = reader.string("period", node) {
            if let period = Period.parse(text) { goal.period = period }
            else { reader.invalid("period", node, expected: "a period such as 2027, 2027-H1, 2027-Q1, 2027-03 or 2027-W05 (got '\(text)')") }
        }
        if let node = field["horizon"], let text = reader.string("horizon", node) {
            let horizon = text.lowercased()
            if configuration.horizons.contains(horizon) { goal.horizon = horizon }
            else { reader.invalid("horizon", node, expected: "one of \(configuration.horizons.joined(separator: ", ")) (got '\(text)')") }
            if let period = goal.period, let kind = Period.Kind(rawValue: horizon), kind != period.kind, let at = field["period"] {
                reader.report(Diagnostic(.error, .periodMismatch, "period '\(period.text)' is a \(period.kind.rawValue), but the horizon is '\(horizon)'",
                                         at: reader.location(at)))
            }
        } else if let period = goal.period, configuration.horizons.contains(period.kind.rawValue) {
            goal.horizon = period.kind.rawValue
        }
        if let parents = field["parent"].map({ reader.strings("parent", $0) }), let parent = parents.first {
            goal.parent = parent.value
            addReferences(.parent, [parent], to: &document)
        }
        if let node = field["health"], let text = reader.string("health", node) {
            let health = text.lowercased()
            if ["on-track", "at-risk", "off-track"].contains(health) { goal.health = health }
            else { reader.invalid("health", node, expected: "on-track, at-risk or off-track (got '\(text)')") }
        }
        let contributors = reader.strings("contributors", field["contributors"])
        goal.contributors = contributors.map(\.value)
        addPeople(.contributor, contributors, to: &document)
        goal.keyResults = readKeyResults(field["key_results"], reader: &reader)
        if let node = field["progress"] { goal.explicitProgress = readProgress(node, reader: &reader) }
        document.goal = goal
    }

    private func readKeyResults(_ node: YAMLNode?, reader: inout FieldReader) -> [KeyResult] {
        guard let node, !node.isNull else { return [] }
        guard let items = node.sequence else {
            reader.invalid("key_results", node, expected: "a list of {title, baseline, target, current, unit}")
            return []
        }
        var results: [KeyResult] = []
        for item in items {
            guard item.mapping != nil else {
                reader.invalid("key_results", item, expected: "a mapping with title and target")
                continue
            }
            let title = reader.string("key_results.title", item["title"]) ?? ""
            guard let target = reader.number("key_results.target", item["target"]) else {
                if item["target"] == nil { reader.invalid("key_results", item, expected: "a mapping with a 'target' number") }
                continue
            }
            results.append(KeyResult(title: title,
                                     baseline: reader.number("key_results.baseline", item["baseline"]) ?? 0,
                                     target: target,
                                     current: reader.number("key_results.current", item["current"]),
                                     unit: reader.string("key_results.unit", item["unit"])))
        }
        return results
    }

    private func readProgress(_ node: YAMLNode, reader: inout FieldReader) -> Double? {
        guard let text = reader.string("progress", node) else { return nil }
        let expected = "a number from 0 to 1 or a percentage such as \"40%\" (got '\(text)')"
        if text.hasSuffix("%") {
            guard let percent = Double(text.dropLast().trimmingSpaces()), (0...100).contains(percent) else {
                reader.invalid("progress", node, expected: expected)
                return nil
            }
            return percent / 100
        }
        guard let value = Double(text), (0...1).contains(value) else {
            reader.invalid("progress", node, expected: expected)
            return nil
        }
        return value
    }

    private func readBrief(_ field: [String: YAMLNode], into document: inout Document, reader: inout FieldReader) {
        var brief = BriefDetails()
        addReferences(.goals, reader.strings("goals", field["goals"]), to: &document)
        addReferences(.decisions, reader.strings("decisions", field["decisions"]), to: &document)
        let reviewers = reader.strings("reviewers", field["reviewers"])
        brief.reviewers = reviewers.map(\.value)
        addPeople(.reviewer, reviewers, to: &document)
        brief.reviewBy = reader.day("review_by", field["review_by"])
        document.brief = brief
    }

    private func readDecision(_ field: [String: YAMLNode], body: BodyMetadata, into document: inout Document, reader: inout FieldReader) {
        var decision = DecisionDetails()
        decision.date = reader.day("date", field["date"])
        if decision.date == nil, field["date"] == nil, let value = body.date { decision.date = Day.parse(value.text) }
        var makers = reader.strings("decision-makers", field["decision-makers"] ?? field["deciders"], commaSeparated: true)
        if makers.isEmpty, field["decision-makers"] == nil, field["deciders"] == nil, let value = body.deciders, !StatusText.isPlaceholder(value.text) {
            let at = SourceLocation(path: document.path, line: value.line, column: 1)
            makers = value.text.split(separator: ",").map { Located($0.trimmingSpaces(), at) }.filter { !$0.value.isEmpty }
        }
        decision.decisionMakers = makers.map(\.value)
        addPeople(.decisionMaker, makers, to: &document)
        let consulted = reader.strings("consulted", field["consulted"], commaSeparated: true)
        let informed = reader.strings("informed", field["informed"], commaSeparated: true)
        decision.consulted = consulted.map(\.value)
        decision.informed = informed.map(\.value)
        addPeople(.consulted, consulted, to: &document)
        addPeople(.informed, informed, to: &document)
        addReferences(.goals, reader.strings("goals", field["goals"]), to: &document)
        addReferences(.briefs, reader.strings("briefs", field["briefs"]), to: &document)
        addReferences(.supersedes, reader.strings("supersedes", field["supersedes"]), to: &document)
        if let node = field["superseded_by"] {
            addReferences(.supersededBy, reader.strings("superseded_by", node), to: &document)
        } else if let value = body.supersededBy, let target = value.links.first,
                  !document.references.contains(where: { $0.kind == .supersededBy }) {
            document.references.append(Reference(kind: .supersededBy, written: target,
                                                 location: SourceLocation(path: document.path, line: value.line, column: 1)))
        }
        if field["supersedes"] == nil {
            for value in body.supersedes {
                for target in value.links {
                    document.references.append(Reference(kind: .supersedes, written: target,
                                                         location: SourceLocation(path: document.path, line: value.line, column: 1)))
                }
            }
        }
        document.decision = decision
    }

    private func addReferences(_ kind: ReferenceKind, _ values: [Located<String>], to document: inout Document) {
        for value in values where !value.value.isEmpty {
            document.references.append(Reference(kind: kind, written: value.value, location: value.location))
        }
    }

    private func addPeople(_ role: PersonRole, _ values: [Located<String>], to document: inout Document) {
        for value in values { document.people.append(PersonReference(role: role, id: value.value, location: value.location)) }
    }

    /// `[A-Za-z0-9][A-Za-z0-9._/-]*` (SPEC §1.1).
    static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, first.isASCIIAlphanumeric else { return false }
        return id.unicodeScalars.allSatisfy { $0.isASCIIAlphanumeric || "._/-".unicodeScalars.contains($0) }
    }

    static func stem(of path: String) -> String {
        let name = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path[path.index(after: $0)...] } ?? Substring(path)
        return String(name.isMarkdownPath ? name.dropLast(3) : name)
    }

    /// `0007-use-x` → 7; date-like prefixes (`20201016-…`) are not sequence numbers.
    static func number(inFileName stem: String) -> Int? {
        let digits = stem.prefix { $0.isASCII && $0.isNumber }
        guard (1...5).contains(digits.count), stem.count == digits.count || stem.dropFirst(digits.count).first.map({ "-_.".contains($0) }) == true else { return nil }
        return Int(digits)
    }

    /// `1. Record architecture decisions` → `Record architecture decisions`.
    static func strippingNumber(_ title: String) -> String {
        var rest = Substring(title.trimmingSpaces())
        if rest.lowercased().hasPrefix("adr") { rest = rest.dropFirst(3); if rest.first == "-" || rest.first == " " { rest = rest.dropFirst() } }
        let digits = rest.prefix(while: \.isASCIIDigit)
        guard !digits.isEmpty else { return title }
        rest = rest.dropFirst(digits.count)
        guard let mark = rest.first, mark == "." || mark == ":", rest.dropFirst().first == " " else { return title }
        let remainder = rest.dropFirst(2).trimmingSpaces()
        return remainder.isEmpty ? title : remainder
    }
}
