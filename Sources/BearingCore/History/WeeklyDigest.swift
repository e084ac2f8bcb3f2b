/// The weekly alignment digest (SPEC §6, `bearing digest`): what changed in a window, each item
/// once under the goal nearest to it, the decisions made, status transitions, goal progress,
/// sign-offs, reviews due next, what is late, who needs to act, and who contributed. From git when
/// the knowledge base is in a work tree; else from the documents' own dates.
public struct WeeklyDigest: Sendable, Encodable {
    public var format = "bearing-digest"
    public var version = 1
    public var title: String
    /// `2027-W05`, or `2027-01-25..2027-01-31` for other windows.
    public var period: String
    public var since: Day
    public var until: Day
    /// The window has not ended yet (it reaches today): what it holds so far.
    public var in_progress: Bool
    /// The day the end state was analysed for: `until`, or today for a window in progress.
    public var as_of: Day
    /// `git`, or `dates` (no git: changes found by `created`/`updated`/`date`, no status transitions).
    public var source: String
    /// The counts in words, in the right number: `12 changes, 1 decision made, 4 status changes`.
    public var summary: String
    public var groups: [Group]
    public var decisions: [Item]
    public var status_changes: [KnowledgeBaseChange.StatusChange]
    public var progress_changes: [KnowledgeBaseChange.ProgressChange]
    /// Reviewers' sign-offs (`approvals:`) made in the window.
    public var sign_offs: [SignOff]
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

    /// A document that changed, listed once, under the goal nearest to it.
    public struct Line: Sendable, Encodable {
        public var document: KnowledgeBaseChange.Entry
        /// `added`, `removed`, `renamed`, or the fields that changed.
        public var what: String
        /// The other goals it serves, named on its line.
        public var also: [KnowledgeBaseChange.Entry]
    }

    public struct Item: Sendable, Encodable {
        public var document: KnowledgeBaseChange.Entry
        /// A date or a number of days, as text.
        public var note: String
        /// For reviews: the reviewers who have not signed off yet. Absent for other items.
        public var awaiting: [Who]?
        /// For reviews: the reviewers who have signed off. Absent for other items.
        public var signed_off: [Who]?
    }

    /// A person or team: the id as written, the name from people.yml.
    public struct Who: Sendable, Encodable, Hashable {
        public var id: String
        public var name: String
    }

    public struct SignOff: Sendable, Encodable {
        public var document: KnowledgeBaseChange.Entry
        public var by: Who
        public var date: Day?
        public var note: String?
    }

    /// What one person or team must act on; each item once (overdue first, then reviews, then decisions).
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

    /// What the digest is made from. `change` is the window's change (from `before`, the state at
    /// its start, to `after`, the state at its end), nil without git; `after` is what reviews,
    /// lateness and people are read from. `decidedOn` dates decisions accepted in the window (by
    /// their commit); `link` gives a document's address, nil for none.
    public struct Window: Sendable {
        public var title: String
        public var period: String
        public var since: Day
        public var until: Day
        public var inProgress = false
        public var change: KnowledgeBaseChange?
        public var before: KnowledgeBaseChange.State?
        public var after: KnowledgeBaseChange.State
        public var contributors: [Contributor] = []
        public var decidedOn: [String: Day] = [:]
        public var link: @Sendable (KnowledgeBaseChange.Entry) -> String? = { _ in nil }

        public init(title: String, period: String, since: Day, until: Day, change: KnowledgeBaseChange?,
                    before: KnowledgeBaseChange.State?, after: KnowledgeBaseChange.State) {
            (self.title, self.period, self.since, self.until) = (title, period, since, until)
            (self.change, self.before, self.after) = (change, before, after)
        }
    }

    public init(_ window: Window) {
        title = window.title
        period = window.period
        since = window.since
        until = window.until
        in_progress = window.inProgress
        as_of = window.after.analysis.today
        contributors = window.contributors
        source = window.change == nil ? "dates" : "git"
        status_changes = window.change?.status_changes ?? []
        progress_changes = window.change?.progress_changes ?? []
        groups = Self.groups(window)
        decisions = Self.decisions(window)
        sign_offs = Self.signOffs(window)
        (reviews_due, late) = Self.reviewsDueAndLate(window)
        needs_action = Self.needsAction(window.after)
        summary = ""
        summary = Self.summary(self)
        linkEntries(window.link)
    }

    /// `12 changes, 1 decision made, 4 status changes` (status changes only from git, sign-offs
    /// when there are some).
    static func summary(_ digest: WeeklyDigest) -> String {
        let changes = digest.groups.reduce(0) { $0 + $1.changes.count }
        var parts = [Plural.count(changes, "change"), Plural.count(digest.decisions.count, "decision") + " made"]
        if digest.source == "git" { parts.append(Plural.count(digest.status_changes.count, "status change")) }
        if !digest.sign_offs.isEmpty { parts.append(Plural.count(digest.sign_offs.count, "sign-off")) }
        return parts.joined(separator: ", ")
    }
}
