/// The model stage for one file: types the known front matter fields, imports body metadata
/// of decision logs, and lists references as written (resolved later, across the KB).
struct DocumentReader {
    let configuration: Configuration

    /// A document whose id may still change (colliding file names) and whose references are unresolved.
    struct Draft {
        var document: Document
        var explicitID: Located<String>?
        var diagnostics: [Diagnostic]
        /// A status no workflow, alias or vocabulary maps: reported once per word across the KB.
        var unknownStatus: Located<String>? = nil
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
        var stated = Self.stated(parsed)
        if Placeholder.isTemplatePath(parsed.path) { stated = stated.keeping([.title, .feature]) }
        let type = readType(field["type"], parsed: parsed, stated: stated, reader: &reader)
        let workflow = configuration.workflow(for: type)
        let body = type == .decision ? stated : StatedMetadata()

        let feature = stated.first(.feature)?.text
        var title = reader.string("title", field["title"]).flatMap { Placeholder.isPlaceholder($0) ? nil : $0 } ?? body.first(.title)?.text
            ?? TitleChooser.title(headings: parsed.markdown.headings, feature: feature, fileStem: stem)
        if type == .decision, field["title"] == nil { title = Self.strippingNumber(title) }
        var document = Document(id: explicitID?.value ?? Self.defaultID(of: parsed.path), path: parsed.path, type: type, title: title,
                                status: "", body: parsed.markdown)
        document.fields = parsed.fields
        document.number = type == .decision ? Self.number(of: parsed.path) : nil
        document.owner = reader.string("owner", field["owner"])
        if let owner = document.owner, let node = field["owner"] {
            document.people.append(PersonReference(role: .owner, id: owner, location: reader.location(node)))
        }
        document.tags = reader.strings("tags", field["tags"], commaSeparated: true).map(\.value)
        if document.tags.isEmpty, let tags = body.first(.tags) {
            document.tags = tags.text.split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        }
        document.created = reader.day("created", field["created"])
        document.updated = reader.day("updated", field["updated"])

        var unknownStatus: Located<String>?
        readStatus(field["status"], body: body, workflow: workflow, explicitSuccessor: field["superseded_by"] != nil,
                   into: &document, unknown: &unknownStatus, reader: &reader)
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
        return Draft(document: document, explicitID: explicitID, diagnostics: parsed.diagnostics + reader.diagnostics,
                     unknownStatus: unknownStatus)
    }

    /// Front matter fields Bearing types itself; other keys are read as foreign fields (ForeignFields).
    static let ownFields: Set<String> = [
        "id", "type", "title", "status", "owner", "tags", "created", "updated", "links", "parent", "horizon", "period",
        "health", "contributors", "key_results", "progress", "goals", "decisions", "reviewers", "review_by", "date",
        "decision-makers", "deciders", "consulted", "informed", "briefs", "supersedes", "superseded_by",
    ]

    /// What the file states outside Bearing's own fields, in every form the readers know; the first
    /// form that gives a value wins: a sidecar file, foreign front matter keys, header lines, a
    /// metadata table, a Nygard status section, a changelog.
    static func stated(_ parsed: ParsedDocument) -> StatedMetadata {
        var stated = StatedMetadata()
        if let sidecar = parsed.sidecar { ForeignFields.read(sidecar.fields, skipping: [], path: sidecar.path, into: &stated) }
        ForeignFields.read(parsed.fields, skipping: ownFields, into: &stated)
        let blocks = parsed.markdown.blocks
        let links = parsed.markdown.links
        HeaderLines.read(blocks, links: links, into: &stated)
        MetadataTable.read(blocks, links: links, into: &stated)
        StatusSection.read(blocks, links: links, into: &stated)
        Changelog.read(blocks, into: &stated)
        return stated
    }

    /// An explicit `type:` when it is one of the four; a near miss (`decison`) is an error with a
    /// suggestion; any other value (EIP's `Standards Track`) is a plain field, and the type comes
    /// from the classifier.
    private func readType(_ node: YAMLNode?, parsed: ParsedDocument, stated: StatedMetadata, reader: inout FieldReader) -> DocumentType {
        if let node, let text = reader.string("type", node) {
            if let explicit = DocumentType(rawValue: text.lowercased()) { return explicit }
            let names = DocumentType.allCases.map(\.rawValue)
            if let hint = Suggestion.didYouMean(text.lowercased(), among: names) {
                reader.report(Diagnostic(.error, .invalidField, "'type' must be goal, brief, decision or note (got '\(text)')",
                                         at: reader.location(node), hint: hint))
            }
        }
        return DocumentClassifier(configuration: configuration)
            .type(of: parsed.path, stated: stated, headings: parsed.markdown.headings, hasSidecar: parsed.sidecar != nil)
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

    private func readStatus(_ node: YAMLNode?, body: StatedMetadata, workflow: Workflow, explicitSuccessor: Bool,
                            into document: inout Document, unknown: inout Located<String>?, reader: inout FieldReader) {
        var raw: String?
        var location = document.location
        var statusLinks: [String] = []
        if let node, let text = reader.string("status", node) {
            raw = text
            location = reader.location(node)
        } else if let value = body.first(.status) {
            raw = value.text
            location = SourceLocation(path: value.path ?? document.path, line: value.line, column: value.column)
            statusLinks = value.links
        }
        guard let raw, let parsed = StatusText.read(raw, type: document.type, workflow: workflow,
                                                    aliases: configuration.statusAliases[document.type] ?? [:]) else { return }
        document.status = parsed.status
        document.statusText = parsed.text
        document.awaitsDecision = parsed.awaitsDecision
        if !parsed.known { unknown = Located(parsed.status, location) }
        if parsed.status == "superseded" || parsed.supersededBy != nil, !explicitSuccessor, node != nil || body.first(.supersededBy) == nil {
            if let target = statusLinks.first ?? parsed.supersededBy {
                document.references.append(Reference(kind: .supersededBy, written: target, location: location))
            }
        } else if let target = parsed.supersedes, document.type == .decision {
            document.references.append(Reference(kind: .supersedes, written: statusLinks.first ?? target, location: location))
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
        brief.approvals = readApprovals(field["approvals"], reader: &reader)
        for approval in brief.approvals where !brief.reviewers.contains(where: { $0.lowercased() == approval.by.lowercased() }) {
            document.people.append(PersonReference(role: .reviewer, id: approval.by, location: approval.location))
        }
        document.brief = brief
    }

    /// `approvals: [{by: li, date: 2027-02-20, note: "…"}]`, or a person id alone (`[li]`).
    private func readApprovals(_ node: YAMLNode?, reader: inout FieldReader) -> [Approval] {
        guard let node, !node.isNull else { return [] }
        guard let items = node.sequence else {
            reader.invalid("approvals", node, expected: "a list of {by, date, note}")
            return []
        }
        var approvals: [Approval] = []
        for item in items where !item.isNull {
            if let id = item.string {
                approvals.append(Approval(by: id.trimmingSpaces(), location: reader.location(item)))
                continue
            }
            guard item.mapping != nil, let by = reader.string("approvals.by", item["by"]) else {
                reader.invalid("approvals", item, expected: "a person id or a mapping with 'by' (and 'date', 'note')")
                continue
            }
            approvals.append(Approval(by: by.trimmingSpaces(), date: reader.day("approvals.date", item["date"]),
                                      note: reader.string("approvals.note", item["note"]), location: reader.location(item)))
        }
        return approvals
    }

    private func readDecision(_ field: [String: YAMLNode], body: StatedMetadata, into document: inout Document, reader: inout FieldReader) {
        var decision = DecisionDetails()
        decision.date = reader.day("date", field["date"])
        if decision.date == nil, field["date"] == nil {
            decision.date = statedDate(body, document: document, reader: &reader) ?? document.created
        }
        var makers = reader.strings("decision-makers", field["decision-makers"] ?? field["deciders"], commaSeparated: true)
        if makers.isEmpty, field["decision-makers"] == nil, field["deciders"] == nil {
            makers = people(body.all(.deciders), in: document)
        }
        decision.decisionMakers = makers.map(\.value)
        decision.authors = people(body.all(.authors), in: document).map(\.value)
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
        } else if let value = body.first(.supersededBy), !document.references.contains(where: { $0.kind == .supersededBy }),
                  let target = value.links.first ?? StatusText.successor(in: value.text) ?? StatusText.successor(in: "superseded by " + value.text) {
            document.references.append(Reference(kind: .supersededBy, written: target, location: location(of: value, in: document)))
        }
        if field["supersedes"] == nil {
            for value in body.all(.supersedes) {
                let targets = value.links.isEmpty ? [Self.referenceText(value.text)].compactMap { $0 } : value.links
                for target in targets {
                    document.references.append(Reference(kind: .supersedes, written: target, location: location(of: value, in: document)))
                }
            }
        }
        document.decision = decision
    }

    /// The date a record states about itself: a date line or field, else when it was last updated,
    /// else a date line with no label, else its changelog's earliest entry. An ambiguous date
    /// (`05-06-2021`) is reported, never guessed.
    private func statedDate(_ body: StatedMetadata, document: Document, reader: inout FieldReader) -> Day? {
        for key in [StatedMetadata.Key.date, .updated, .undatedLine] {
            for value in body.all(key) {
                switch WrittenDate.parse(value.text) {
                case .day(let day): return day
                case .ambiguous(let written):
                    reader.report(Diagnostic(.warning, .ambiguousDate, "date '\(written)' could be read day-first or month-first; write it as YYYY-MM-DD",
                                             at: location(of: value, in: document)))
                case .none: continue
                }
            }
        }
        var earliest: Day?
        for value in body.all(.changelog) {
            switch WrittenDate.parse(value.text) {
            case .day(let day): earliest = min(earliest ?? day, day)
            case .ambiguous(let written):
                reader.report(Diagnostic(.warning, .ambiguousDate, "date '\(written)' could be read day-first or month-first; write it as YYYY-MM-DD",
                                         at: location(of: value, in: document)))
            case .none: continue
            }
        }
        return earliest
    }

    /// People named by stated values, each list split (PeopleList), in order, each once.
    private func people(_ values: [StatedMetadata.Value], in document: Document) -> [Located<String>] {
        var result: [Located<String>] = []
        for value in values {
            for person in PeopleList.split(value.text) where !Placeholder.isPlaceholder(person) && !result.contains(where: { $0.value == person }) {
                result.append(Located(person, location(of: value, in: document)))
            }
        }
        return result
    }

    private func location(of value: StatedMetadata.Value, in document: Document) -> SourceLocation {
        SourceLocation(path: value.path ?? document.path, line: value.line, column: value.column)
    }

    /// `ADR-0045`, `SE-0123`, `/keps/sig-auth/3130-kms`, `0008-kustomize.md`: the first word of a
    /// stated reference that is not a link (`Supersedes ADR-0045` or just `ADR-0045`).
    static func referenceText(_ text: String) -> String? {
        let phrases = ["supersedes", "supercedes", "replaces"]
        return StatusText.reference(after: phrases, in: text) ?? StatusText.reference(after: ["supersedes"], in: "supersedes " + text)
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

    /// The file name without `.md`; for the README of a numbered record folder (a KEP's
    /// `keps/sig-node/281-dynamic-kubelet-config/README.md`; a folder named by a bare number holds
    /// a record's pictures and notes, not the record), the folder's name.
    static func defaultID(of path: String) -> String {
        let stem = stem(of: path)
        guard DocumentClassifier.indexNames.contains(stem.lowercased()), let folder = path.split(separator: "/").dropLast().last,
              DocumentClassifier.recordNumber(in: String(folder)) != nil, !folder.allSatisfy(\.isASCIIDigit) else { return stem }
        return String(folder)
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

    /// A record's number: from its file name (`0007-x.md`, `ADR-10.md`, `eip-1559.md`), or for a
    /// folder's README (a KEP) from the folder's name (`281-dynamic-kubelet-config/README.md`).
    static func number(of path: String) -> Int? {
        let stem = stem(of: path)
        if let number = number(inFileName: stem) ?? DocumentClassifier.recordNumber(in: stem) { return number }
        guard DocumentClassifier.indexNames.contains(stem.lowercased()), let folder = path.split(separator: "/").dropLast().last else { return nil }
        return number(inFileName: String(folder))
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
