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
        var reader = FieldReader(path: parsed.path, skipsPlaceholders: true)
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
            .type(of: parsed.path, stated: stated, headings: parsed.markdown.headings, hasSidecar: parsed.sidecar != nil,
                  frontMatterStatus: parsed.fields.first { $0.key == "status" }?.value.string)
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
            document.statedLocations["status"] = location
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

    func addReferences(_ kind: ReferenceKind, _ values: [Located<String>], to document: inout Document) {
        for value in values where !value.value.isEmpty {
            document.references.append(Reference(kind: kind, written: value.value, location: value.location))
        }
    }

    func addPeople(_ role: PersonRole, _ values: [Located<String>], to document: inout Document) {
        for value in values { document.people.append(PersonReference(role: role, id: value.value, location: value.location)) }
    }
}
