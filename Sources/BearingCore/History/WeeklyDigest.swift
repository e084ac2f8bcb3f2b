/// The weekly alignment digest (SPEC §6, `bearing digest`): what changed in a window, grouped by
/// the goal each piece of work serves, the decisions made, status transitions, goal progress,
/// reviews due next, what is late, who needs to act, and who contributed. From git when the
/// knowledge base is in a work tree; else from the documents' own dates.
public struct WeeklyDigest: Sendable, Encodable {
    public var format = "bearing-digest"
    public var version = 1
    public var title: String
    /// `2027-W05`, or `2027-01-25..2027-01-31` for other windows.
    public var period: String
    public var since: Day
    public var until: Day
    /// `git`, or `dates` (no git: changes found by `created`/`updated`/`date`, no status transitions).
    public var source: String
    public var groups: [Group]
    public var decisions: [Item]
    public var status_changes: [KnowledgeBaseChange.StatusChange]
    public var progress_changes: [KnowledgeBaseChange.ProgressChange]
    public var reviews_due: [Item]
    public var late: [Item]
    public var needs_action: [Person]
    public var contributors: [Contributor]

    /// The changes under one goal (or under none).
    public struct Group: Sendable, Encodable {
        /// The goal, nil for work that serves no goal.
        public var goal: KnowledgeBaseChange.Entry?
        public var progress: String?
        public var changes: [Line]
    }

    public struct Line: Sendable, Encodable {
        public var document: KnowledgeBaseChange.Entry
        /// `added`, `removed`, `renamed`, or the fields that changed.
        public var what: String
    }

    public struct Item: Sendable, Encodable {
        public var document: KnowledgeBaseChange.Entry
        /// A date or a number of days, as text.
        public var note: String
    }

    public struct Person: Sendable, Encodable {
        public var id: String
        public var name: String
        public var reviews: [KnowledgeBaseChange.Entry]
        public var decides: [KnowledgeBaseChange.Entry]
        public var overdue: [KnowledgeBaseChange.Entry]
    }

    public struct Contributor: Sendable, Encodable {
        public var name: String
        public var commits: Int
    }

    /// `change` is the window's change (from the state at its start to the state at its end);
    /// `after` the state at its end, which reviews, lateness and people are read from.
    public init(title: String, period: String, since: Day, until: Day, change: KnowledgeBaseChange?,
                after: KnowledgeBaseChange.State, contributors: [Contributor]) {
        self.title = title
        self.period = period
        self.since = since
        self.until = until
        self.contributors = contributors
        let kb = after.kb
        let entry = KnowledgeBaseChange.Entry.init
        func entries(_ ids: [String]) -> [KnowledgeBaseChange.Entry] { ids.compactMap { kb.document($0).map(entry) } }
        var lines: [(String, Line)] = []
        if let change {
            source = "git"
            status_changes = change.status_changes
            progress_changes = change.progress_changes
            lines += change.added.map { ($0.id, Line(document: $0, what: "added")) }
            lines += change.changed.map { ($0.document.id, Line(document: $0.document, what: $0.fields.joined(separator: ", "))) }
            lines += change.renamed.compactMap { renamed in kb.document(renamed.id).map { (renamed.id, Line(document: entry($0), what: "renamed")) } }
            lines += change.removed.map { ($0.id, Line(document: $0, what: "removed")) }
        } else {
            source = "dates"
            status_changes = []
            progress_changes = []
            let window = since...until
            for document in kb.documents {
                if let created = document.created, window.contains(created) {
                    lines.append((document.id, Line(document: entry(document), what: "added")))
                } else if let updated = document.updated, window.contains(updated) {
                    lines.append((document.id, Line(document: entry(document), what: "updated")))
                }
            }
        }
        // Grouped under each goal a document serves (a goal under itself), in the order of goals' titles.
        var byGoal: [String: [Line]] = [:]
        var unaligned: [Line] = []
        for (id, line) in lines {
            let goals: [String]
            if let document = kb.document(id) {
                goals = document.type == .goal ? [document.id] : kb.servedGoalIDs(document)
            } else {
                goals = []
            }
            if goals.isEmpty { unaligned.append(line) }
            for goal in goals { byGoal[goal, default: []].append(line) }
        }
        groups = byGoal.compactMap { goal, lines -> Group? in
            guard let document = kb.document(goal) else { return nil }
            return Group(goal: entry(document), progress: after.analysis.progress[document.id]?.value.map(Percent.format),
                         changes: lines.sorted { $0.document.title < $1.document.title })
        }.sorted { ($0.goal?.title ?? "", $0.goal?.id ?? "") < ($1.goal?.title ?? "", $1.goal?.id ?? "") }
        if !unaligned.isEmpty { groups.append(Group(goal: nil, progress: nil, changes: unaligned.sorted { $0.document.title < $1.document.title })) }

        // Decisions made: no longer proposed, and dated in the window or moved out of proposed in it.
        let window = since...until
        let proposed = kb.configuration.workflow(for: .decision).initial
        let decidedByStatus = Set(status_changes.filter { $0.document.type == DocumentType.decision.rawValue && $0.to != proposed }.map(\.document.id))
        decisions = kb.documents(ofType: .decision).filter { document in
            document.status != proposed
                && ((document.decision?.date.map { window.contains($0) } ?? false) || decidedByStatus.contains(document.id))
        }.map { Item(document: entry($0), note: $0.decision?.date?.description ?? "") }

        let nextWeek = until.adding(days: 1)...until.adding(days: 7)
        reviews_due = kb.documents(ofType: .brief).filter { document in
            document.status == "in-review" && (document.brief?.reviewBy.map { nextWeek.contains($0) } ?? false)
        }.map { Item(document: entry($0), note: $0.brief?.reviewBy?.description ?? "") }
        let analysis = after.analysis
        late = analysis.overdueReviews.compactMap { late in kb.document(late.id).map { Item(document: entry($0), note: "review overdue \(late.days) d") } }
            + analysis.pendingDecisions.compactMap { late in kb.document(late.id).map { Item(document: entry($0), note: "pending \(late.days) d") } }
        needs_action = analysis.responsibilities.keys.sorted().compactMap { id in
            guard let duties = analysis.responsibilities[id], !(duties.reviews.isEmpty && duties.decides.isEmpty && duties.overdue.isEmpty) else { return nil }
            return Person(id: id, name: kb.people.name(of: id), reviews: entries(duties.reviews),
                          decides: entries(duties.decides), overdue: entries(duties.overdue))
        }
    }
}
