import BearingCore

/// Completion in front matter: the keys of the document's type not yet written, and the values a
/// key takes (ids of the type it refers to, the workflow's statuses, people and teams, horizons,
/// periods, the few fixed words).
enum FrontMatterCompletion {
    /// The known keys for the document's type that the front matter does not have yet.
    static func keys(for document: Document, into items: inout CompletionItems) {
        let rest = items.site.rest
        // On a line that already has its colon, only the key is replaced.
        let suffix = rest.contains(":") ? "" : ": "
        var written = items.site.writtenKeys
        // `deciders` is an alias of `decision-makers`: one written, neither is offered.
        if !written.isDisjoint(with: ["deciders", "decision-makers"]) { written.formUnion(["deciders", "decision-makers"]) }
        for field in FieldDocumentation.fields(for: document.type) where !written.contains(field.key) && items.matches(field.key) {
            items.add(field.key, kind: .property, newText: field.key + suffix, detail: field.value, documentation: field.markdown)
        }
    }

    /// The values of a key, for a list item or the value itself.
    static func values(of key: String, for document: Document, _ snapshot: WorkspaceSnapshot, into items: inout CompletionItems) {
        let kb = snapshot.knowledgeBase
        if let types = referencedTypes[key] {
            DocumentCompletion.ids(of: types, from: document, kb, into: &items)
        } else if peopleKeys.contains(key) {
            people(kb, into: &items)
        } else {
            switch key {
            case "status": statuses(of: kb.configuration.workflow(for: document.type), current: document.status, into: &items)
            case "horizon":
                for horizon in kb.configuration.horizons where items.matches(horizon) { items.add(horizon, kind: .enumMember, detail: "horizon") }
            case "period": PeriodCompletion.periods(for: document, kb, today: snapshot.today, into: &items)
            case "health":
                for health in ["on-track", "at-risk", "off-track"] where items.matches(health) { items.add(health, kind: .enumMember, detail: "health") }
            case "type":
                for type in DocumentType.allCases where items.matches(type.rawValue) { items.add(type.rawValue, kind: .enumMember, detail: "type") }
            default: break
            }
        }
    }

    /// The types of documents each reference key names (`links`: any).
    static let referencedTypes: [String: Set<DocumentType>] = [
        "parent": [.goal], "goals": [.goal], "briefs": [.brief],
        "decisions": [.decision], "supersedes": [.decision], "superseded_by": [.decision],
        "links": Set(DocumentType.allCases),
    ]

    /// The keys whose values are person or team ids.
    static let peopleKeys: Set<String> = ["owner", "reviewers", "decision-makers", "deciders", "consulted", "informed", "contributors"]

    /// A workflow's statuses in order, each saying where it stands and whether it ends the work.
    static func statuses(of workflow: Workflow, current: String, into items: inout CompletionItems) {
        let flow = workflow.statuses.map { $0 == current ? "**\($0)**" : $0 }.joined(separator: " → ")
        for (index, status) in workflow.statuses.enumerated() where items.matches(status) {
            let detail = "step \(index + 1) of \(workflow.statuses.count)" + (workflow.isTerminal(status) ? ", terminal" : "")
            items.add(status, kind: .enumMember, detail: detail, documentation: flow)
        }
    }

    /// people.yml's people, then its teams, by id, with their names; without people.yml, the
    /// ids the documents use.
    static func people(_ kb: KnowledgeBase, into items: inout CompletionItems) {
        let directory = kb.people
        guard directory.exists else {
            let used = Set(kb.documents.flatMap { $0.people.map(\.id) }).sorted()
            for id in used where items.matches(id) { items.add(id, kind: .value, detail: "used in the knowledge base") }
            return
        }
        for person in directory.people.values.sorted(by: { $0.id.lowercased() < $1.id.lowercased() }) where items.matches(person.id, person.name) {
            let team = person.team.map { " · " + directory.name(of: $0) } ?? ""
            items.add(person.id, kind: .value, description: person.name, detail: "person" + team,
                      documentation: person.email.map { "\(person.name) <\($0)>" }, filterText: person.id + " " + person.name)
        }
        for team in directory.teams.values.sorted(by: { $0.id.lowercased() < $1.id.lowercased() }) where items.matches(team.id, team.name) {
            items.add(team.id, kind: .value, description: team.name, detail: "team · \(team.members.count) members",
                      documentation: team.members.isEmpty ? nil : "Members: " + team.members.joined(separator: ", "), filterText: team.id + " " + team.name)
        }
    }
}
