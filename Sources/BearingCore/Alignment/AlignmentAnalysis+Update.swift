import Foundation

extension AlignmentAnalysis {
    /// The analysis of a model updated from `old` by replacing the documents at `replaced` (their
    /// positions): the last analysis, with today's broken references, when no replaced document
    /// changed what the analysis reads of it (`AlignmentFacts`: a new title or body, say); else
    /// made anew. Equal to `make` either way (a property test holds it to that).
    static func update(_ last: AlignmentAnalysis, from old: KnowledgeBase, to kb: KnowledgeBase, replaced: [Int],
                       diagnostics: [Diagnostic], today: Day) async -> AlignmentAnalysis {
        guard last.today == today, old.documents.count == kb.documents.count,
              replaced.allSatisfy({ AlignmentFacts(old.documents[$0]) == AlignmentFacts(kb.documents[$0]) }) else {
            return await make(kb, diagnostics: diagnostics, today: today)
        }
        var analysis = last
        analysis.brokenReferences = brokenReferences(in: diagnostics)
        return analysis
    }

    static func brokenReferences(in diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.filter { $0.rule == .unresolvedReference || $0.rule == .missingFile }
    }

    /// What the analysis reads of a document: everything but its title, body, queries, other
    /// front matter fields and where things are written.
    struct AlignmentFacts: Equatable {
        struct Link: Equatable {
            var kind: ReferenceKind
            var target: String?
            var external: Bool
        }

        var id: String
        var type: DocumentType
        var status: String
        var statusText: String?
        var awaitsDecision: Bool
        var owner: String?
        var tags: [String]
        var created: Day?
        var updated: Day?
        var authors: [String]
        var number: Int?
        var goal: GoalDetails?
        var brief: BriefDetails?
        var decision: DecisionDetails?
        var people: [PersonReference]
        var links: [Link]

        init(_ document: Document) {
            id = document.id
            type = document.type
            status = document.status
            statusText = document.statusText
            awaitsDecision = document.awaitsDecision
            owner = document.owner
            tags = document.tags
            created = document.created
            updated = document.updated
            authors = document.authors
            number = document.number
            goal = document.goal
            brief = document.brief
            decision = document.decision
            people = document.people
            links = document.references.map { Link(kind: $0.kind, target: $0.target, external: $0.external) }
        }
    }
}
