/// Everything the report, the site and the digests show about alignment, computed once from a
/// knowledge base, its diagnostics and today. Pure: the same input gives the same value.
/// Each metric is defined in docs/metrics.md.
public struct AlignmentAnalysis: Sendable {
    /// An item with a number of days (overdue by, pending for, stale for).
    public struct Late: Sendable, Hashable {
        public var id: String
        public var days: Int
    }

    /// A superseded (or deprecated, or rejected) decision that an unfinished document other than
    /// its successor still names in `decisions:` or `links:`.
    public struct RetiredReference: Sendable, Hashable {
        public var decision: String
        public var status: String
        public var referrer: String
        public var kind: ReferenceKind
    }

    public let today: Day
    /// Alignment chains (goal ids, nearest first) of every goal, brief and decision, by document.
    public let chains: AlignmentChains
    /// Goal id → every brief and decision serving it directly, any status.
    public let directWork: [String: [String]]
    /// Goal id → unfinished briefs and decisions whose chains pass through it.
    public let workUnder: [String: [String]]
    /// Progress of every goal.
    public let progress: [String: GoalProgress]
    public let coverage: AlignmentCoverage
    /// By goal horizon, in the configured order; only horizons that occur.
    public let coverageByHorizon: [(horizon: String, coverage: AlignmentCoverage)]
    /// By team of the owner (a team id, or the team of the owning person); only when people.yml names teams.
    public let coverageByTeam: [(team: String, coverage: AlignmentCoverage)]
    public let orphans: [String]
    /// Active goals that no unfinished work serves, directly or through descendants.
    public let unsupportedGoals: [String]
    public let servingFinishedGoals: [String]
    public let overdueReviews: [Late]
    public let pendingDecisions: [Late]
    public let staleItems: [Late]
    /// `unresolved-reference` and `missing-file` diagnostics, in the order given (sorted, as loading gives them).
    public internal(set) var brokenReferences: [Diagnostic]
    public let retiredReferences: [RetiredReference]
    /// Person or team id → what they are named in. Every id of people.yml, plus every id documents name.
    public let responsibilities: [String: Responsibilities]

    /// Computes everything in turn. `make` gives the same value with independent parts side by side.
    public init(_ kb: KnowledgeBase, diagnostics: [Diagnostic], today: Day) {
        self.init(kb, diagnostics: diagnostics, today: today, structure: Structure(kb), progress: kb.goalProgressTable(),
                  lists: Lists(kb, today: today), responsibilities: Self.responsibilities(kb, today: today))
    }

    /// The same value as `init`, its independent parts computed side by side.
    public static func make(_ kb: KnowledgeBase, diagnostics: [Diagnostic], today: Day) async -> AlignmentAnalysis {
        async let structure = Structure(kb)
        async let progress = kb.goalProgressTable()
        async let lists = Lists(kb, today: today)
        async let responsibilities = Self.responsibilities(kb, today: today)
        return await AlignmentAnalysis(kb, diagnostics: diagnostics, today: today, structure: structure, progress: progress,
                                       lists: lists, responsibilities: responsibilities)
    }

    /// Chains and the work under each goal.
    struct Structure: Sendable {
        var chains: AlignmentChains
        var directWork: [String: [String]] = [:]
        var workUnder: [String: [String]] = [:]

        init(_ kb: KnowledgeBase) {
            chains = AlignmentChains(kb)
            for (position, document) in kb.documents.enumerated() {
                guard let served = chains.served(at: position) else { continue }
                for goal in served { directWork[goal, default: []].append(document.id) }
                if !kb.isFinished(document) {
                    var seen = Set<String>()
                    chains.forEachGoal(at: position) { goal in
                        if seen.insert(goal).inserted { workUnder[goal, default: []].append(document.id) }
                    }
                }
            }
        }
    }

    /// The lists that need only the documents and today.
    struct Lists: Sendable {
        var overdueReviews: [Late]
        var pendingDecisions: [Late]
        var staleItems: [Late]
        var retiredReferences: [RetiredReference]

        init(_ kb: KnowledgeBase, today: Day) {
            overdueReviews = AlignmentAnalysis.late(kb.documents(ofType: .brief)) { kb.overdueReviewDays($0, today: today) }
            pendingDecisions = AlignmentAnalysis.late(kb.documents(ofType: .decision)) { kb.pendingDays($0, today: today) }
            staleItems = AlignmentAnalysis.late(kb.documents) { kb.staleDays($0, today: today) }
            retiredReferences = AlignmentAnalysis.retiredReferences(kb)
        }
    }

    private init(_ kb: KnowledgeBase, diagnostics: [Diagnostic], today: Day, structure: Structure, progress: [String: GoalProgress],
                 lists: Lists, responsibilities: [String: Responsibilities]) {
        self.today = today
        let chains = structure.chains
        let workUnder = structure.workUnder
        self.chains = chains
        self.directWork = structure.directWork
        self.workUnder = workUnder
        self.progress = progress
        self.responsibilities = responsibilities
        overdueReviews = lists.overdueReviews
        pendingDecisions = lists.pendingDecisions
        staleItems = lists.staleItems
        retiredReferences = lists.retiredReferences
        brokenReferences = Self.brokenReferences(in: diagnostics)

        let horizons = kb.configuration.horizons
        var coverage = AlignmentCoverage()
        var byHorizon: [String: AlignmentCoverage] = [:]
        var byTeam: [String: AlignmentCoverage] = [:]
        var teamsOfOwner: [String: [String]] = [:]
        func teams(_ owner: String?) -> [String] {
            guard let owner else { return [] }
            if let known = teamsOfOwner[owner] { return known }
            let teams = kb.people.teams(of: owner)
            teamsOfOwner[owner] = teams
            return teams
        }
        func isActiveTop(_ top: Int) -> Bool {
            kb.isTopLevel(kb.documents[top]) && kb.isActive(kb.documents[top])
        }
        for (position, document) in kb.documents.enumerated() {
            if kb.isWork(document), !kb.isFinished(document) {
                let ends = chains.ends(at: position)
                let covered = ends.contains { isActiveTop($0.last) }
                coverage.work.count(covered)
                let direct = Set(ends.compactMap { kb.documents[$0.first].goal?.horizon })
                for horizon in direct { byHorizon[horizon, default: .init()].work.count(covered) }
                for team in teams(document.owner) { byTeam[team, default: .init()].work.count(covered) }
            } else if document.type == .goal, kb.isActive(document) {
                let covered = workUnder[document.id] != nil
                coverage.goals.count(covered)
                if let horizon = document.goal?.horizon { byHorizon[horizon, default: .init()].goals.count(covered) }
                for team in teams(document.owner) { byTeam[team, default: .init()].goals.count(covered) }
            }
        }
        self.coverage = coverage
        coverageByHorizon = horizons.compactMap { horizon in byHorizon[horizon].map { (horizon, $0) } }
        coverageByTeam = byTeam.keys.sorted().map { ($0, byTeam[$0]!) }

        orphans = kb.documents.indices.filter { kb.isOrphan(kb.documents[$0], served: chains.served(at: $0)) }.map { kb.documents[$0].id }
        unsupportedGoals = kb.documents(ofType: .goal).filter { kb.isActive($0) && workUnder[$0.id] == nil }.map(\.id)
        servingFinishedGoals = kb.documents.indices.filter { position in
            !kb.finishedGoalsServedOnly(by: kb.documents[position], served: chains.served(at: position)).isEmpty
        }.map { kb.documents[$0].id }
    }

    /// Items with their days, most days first, then by id.
    static func late(_ documents: [Document], days: (Document) -> Int?) -> [Late] {
        documents.compactMap { document in days(document).map { Late(id: document.id, days: $0) } }
            .sorted { ($1.days, $0.id) < ($0.days, $1.id) }
    }

    static func retiredReferences(_ kb: KnowledgeBase) -> [RetiredReference] {
        var result: [RetiredReference] = []
        var seen: Set<RetiredReference> = []
        for document in kb.documents where !kb.isFinished(document) {
            for reference in document.references where reference.kind == .decisions || reference.kind == .links {
                guard let target = reference.target.flatMap { kb.document($0) }, target.type == .decision, kb.isFinished(target),
                      !document.targets(.supersedes).contains(target.id) else { continue }
                let retired = RetiredReference(decision: target.id, status: target.status, referrer: document.id, kind: reference.kind)
                if seen.insert(retired).inserted { result.append(retired) }
            }
        }
        return result
    }

    private static func responsibilities(_ kb: KnowledgeBase, today: Day) -> [String: Responsibilities] {
        var result: [String: Responsibilities] = [:]
        for id in kb.people.allIDs { result[id] = Responsibilities() }
        // Ids compare without case: an id not in people.yml is spelled as first written.
        var spelling: [String: String] = [:]
        func key(_ id: String) -> String {
            if let person = kb.people.people[id.lowercased()] { return person.id }
            if let team = kb.people.teams[id.lowercased()] { return team.id }
            if let first = spelling[id.lowercased()] { return first }
            spelling[id.lowercased()] = id
            return id
        }
        for document in kb.documents {
            let finished = kb.isFinished(document)
            let late = kb.overdueReviewDays(document, today: today) != nil || kb.pendingDays(document, today: today) != nil
                || kb.staleDays(document, today: today) != nil
            for person in document.people {
                let id = key(person.id)
                // Taken out of the table while changed: a copy left in it would copy its lists on every append.
                var entry = result.removeValue(forKey: id) ?? Responsibilities()
                switch person.role {
                case .owner:
                    if !finished { entry.owns.append(document.id) }
                    if late { entry.overdue.append(document.id) }
                case .reviewer:
                    // A review is owed until the reviewer signs off (`approvals:`).
                    let owed = document.brief?.awaitedReviewers.contains { $0.lowercased() == person.id.lowercased() } ?? true
                    if document.status == "in-review", owed { entry.reviews.append(document.id) }
                    if owed, kb.overdueReviewDays(document, today: today) != nil { entry.overdue.append(document.id) }
                case .decisionMaker:
                    if document.status == "proposed" { entry.decides.append(document.id) }
                    if kb.pendingDays(document, today: today) != nil { entry.overdue.append(document.id) }
                case .consulted: if !finished { entry.consulted.append(document.id) }
                case .informed: if !finished { entry.informed.append(document.id) }
                case .contributor: if !finished { entry.contributes.append(document.id) }
                }
                result[id] = entry
            }
        }
        return result.mapValues { entry in
            var sorted = entry
            for keyPath: WritableKeyPath<Responsibilities, [String]> in [\.owns, \.reviews, \.decides, \.consulted, \.informed, \.contributes, \.overdue] {
                sorted[keyPath: keyPath] = Array(Set(entry[keyPath: keyPath])).sorted()
            }
            return sorted
        }
    }
}
