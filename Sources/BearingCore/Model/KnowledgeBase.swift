import Foundation

/// The whole knowledge base: immutable, `Sendable`, with references resolved into one graph.
public struct KnowledgeBase: Sendable {
    public let configuration: Configuration
    public let people: PeopleDirectory
    /// Every document, sorted by id.
    public internal(set) var documents: [Document]
    /// Non-Markdown files under the KB (images, PDFs), relative paths.
    public let assets: [String]
    /// Who refers to each document, by target id.
    public internal(set) var backlinks: [String: [Backlink]]
    let index: [String: Int]
    /// Positions by file path.
    let byPath: [String: Int]
    let childGoals: [String: [Int]]
    /// Decisions by the number in their file name (`0007-x.md` → 7).
    let decisionsByNumber: [Int: [Int]]
    /// The documents of each type, kept once so rules do not filter (and copy) every time.
    var byType: [DocumentType: [Document]]
    /// Each document's position in its type's list (`byType`).
    let typeSlots: [Int]
    /// The goals each document serves (`servedGoalIDs`), by position: rules and the analysis all ask.
    var servedGoals: [[String]]

    init(configuration: Configuration, people: PeopleDirectory, documents: [Document], assets: [String]) {
        self.configuration = configuration
        self.people = people
        self.documents = documents
        self.assets = assets
        var index: [String: Int] = [:]
        for (i, document) in documents.enumerated() where index[document.id.lowercased()] == nil {
            index[document.id.lowercased()] = i
        }
        self.index = index
        byPath = Dictionary(documents.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
        var childGoals: [String: [Int]] = [:]
        for (i, document) in documents.enumerated() {
            if let parent = document.goal?.parent { childGoals[parent, default: []].append(i) }
        }
        self.childGoals = childGoals
        var decisionsByNumber: [Int: [Int]] = [:]
        for (i, document) in documents.enumerated() where document.type == .decision {
            if let number = document.number { decisionsByNumber[number, default: []].append(i) }
        }
        self.decisionsByNumber = decisionsByNumber
        byType = Dictionary(grouping: documents, by: \.type)
        var counts: [DocumentType: Int] = [:]
        typeSlots = documents.map { document in
            defer { counts[document.type, default: 0] += 1 }
            return counts[document.type, default: 0]
        }
        // The backlinks and the goals each document serves, side by side.
        let madeBacklinks = LockedSlots<[String: [Backlink]]>(count: 1)
        let madeServedGoals = LockedSlots<[[String]]>(count: 1)
        let positions = index
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                madeBacklinks.set(0, Self.backlinks(documents))
            } else {
                madeServedGoals.set(0, documents.map { Self.servedGoals($0, documents: documents, index: positions) })
            }
        }
        backlinks = madeBacklinks.values[0]
        servedGoals = madeServedGoals.values[0]
    }

    /// Who refers to each document, by target id: sorted, each source and kind once.
    static func backlinks(_ documents: [Document]) -> [String: [Backlink]] {
        var backlinks: [String: [Backlink]] = [:]
        for document in documents {
            for reference in document.references {
                guard let target = reference.target, target != document.id else { continue }
                backlinks[target, default: []].append(Backlink(source: document.id, kind: reference.kind))
            }
        }
        return backlinks.mapValues { list in
            var unique: [Backlink] = []
            for backlink in list.sorted() where unique.last != backlink { unique.append(backlink) }
            return unique
        }
    }

    /// The document read from this file (a path relative to the knowledge base).
    public func document(atPath path: String) -> Document? {
        byPath[path].map { documents[$0] }
    }

    /// The goals the document at this position serves.
    func servedGoals(at position: Int) -> [String] { servedGoals[position] }

    /// The document with this id (case-insensitive).
    public func document(_ id: String) -> Document? {
        self.index(of: id).map { documents[$0] }
    }

    /// The position in `documents` of the document with this id (case-insensitive).
    public func index(of id: String) -> Int? {
        // Keys are lowercased; most ids already are, so try the id as given before lowercasing it.
        index[id] ?? index[id.lowercased()]
    }

    /// The position of the decision a label such as `ADR-0005` or `adr 5` names, when exactly one
    /// decision has that number.
    public func index(ofDecisionLabel label: String) -> Int? {
        guard let number = ReferenceResolver.recordNumber(label.lowercased()), let found = decisionsByNumber[number], found.count == 1 else { return nil }
        return found[0]
    }

    public func documents(ofType type: DocumentType) -> [Document] {
        byType[type] ?? []
    }

    /// The positions in `documents` of the goals whose `parent` is this goal.
    public func childIndices(of goalID: String) -> [Int] {
        childGoals[goalID] ?? []
    }

    public func workflow(of document: Document) -> Workflow {
        configuration.workflow(for: document.type)
    }

    /// True when the document's status ends its workflow (achieved, done, superseded, …).
    public func isFinished(_ document: Document) -> Bool {
        configuration.workflow(for: document.type).isTerminal(document.status)
    }
}
