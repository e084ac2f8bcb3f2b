/// A decision's fields, from front matter or, for records without it, from what the body states.
extension DocumentReader {
    func readDecision(_ field: [String: YAMLNode], body: StatedMetadata, into document: inout Document, reader: inout FieldReader) {
        var decision = DecisionDetails()
        decision.date = reader.day("date", field["date"])
        if decision.date == nil, field["date"] == nil {
            if let stated = statedDate(body, document: document, reader: &reader) {
                decision.date = stated.day
                document.statedLocations["date"] = stated.at
            } else {
                decision.date = document.created
            }
        }
        var makers = reader.strings("decision-makers", field["decision-makers"] ?? field["deciders"], commaSeparated: true)
        if makers.isEmpty, field["decision-makers"] == nil, field["deciders"] == nil {
            makers = people(body.all(.deciders), in: document)
        }
        decision.decisionMakers = makers.map(\.value)
        document.authors = people(body.all(.authors), in: document).map(\.value)
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
    func statedDate(_ body: StatedMetadata, document: Document, reader: inout FieldReader) -> (day: Day, at: SourceLocation)? {
        for key in [StatedMetadata.Key.date, .updated, .undatedLine] {
            for value in body.all(key) {
                if let day = day(value, document: document, reader: &reader) { return (day, location(of: value, in: document)) }
            }
        }
        var earliest: (day: Day, at: SourceLocation)?
        // A changelog that writes its unambiguous dates in one order writes them all in it.
        let orders = Set(body.all(.changelog).compactMap { WrittenDate.order(of: $0.text) })
        let order = orders.count == 1 ? orders.first : nil
        for value in body.all(.changelog) {
            guard let day = day(value, order: order, document: document, reader: &reader) else { continue }
            if earliest == nil || day < earliest!.day { earliest = (day, location(of: value, in: document)) }
        }
        return earliest
    }

    /// A stated date as a day; an ambiguous one (`05-06-2021`) is reported, never guessed.
    func day(_ value: StatedMetadata.Value, order: WrittenDate.Order? = nil, document: Document, reader: inout FieldReader) -> Day? {
        switch WrittenDate.parse(value.text, order: order) {
        case .day(let day): return day
        case .ambiguous(let written):
            reader.report(Diagnostic(.warning, .ambiguousDate, "date '\(written)' could be read day-first or month-first; write it as YYYY-MM-DD",
                                     at: location(of: value, in: document)))
            return nil
        case .none: return nil
        }
    }

    /// People named by stated values, each list split (PeopleList), in order, each once.
    func people(_ values: [StatedMetadata.Value], in document: Document) -> [Located<String>] {
        var result: [Located<String>] = []
        for value in values {
            for person in PeopleList.split(value.text) where !Placeholder.isPlaceholder(person) && !result.contains(where: { $0.value == person }) {
                result.append(Located(person, location(of: value, in: document)))
            }
        }
        return result
    }

    func location(of value: StatedMetadata.Value, in document: Document) -> SourceLocation {
        SourceLocation(path: value.path ?? document.path, line: value.line, column: value.column)
    }

    /// `ADR-0045`, `SE-0123`, `/keps/sig-auth/3130-kms`, `0008-kustomize.md`: the first word of a
    /// stated reference that is not a link (`Supersedes ADR-0045` or just `ADR-0045`).
    static func referenceText(_ text: String) -> String? {
        let phrases = ["supersedes", "supercedes", "replaces"]
        return StatusText.reference(after: phrases, in: text) ?? StatusText.reference(after: ["supersedes"], in: "supersedes " + text)
    }
}
