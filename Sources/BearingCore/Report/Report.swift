/// The alignment report (SPEC §5) as one view model. The JSON form encodes it as is (documented in
/// docs/json-report.md); the Markdown and HTML forms render it through templates. Field names are
/// the JSON names, so templates use the same names. Lists name documents by id; `documents`
/// describes each of them once (templates receive the descriptions in place of the ids).
public struct Report: Sendable, Encodable {
    public var format = "bearing-report"
    /// Raised when a field changes meaning or goes away; new fields do not raise it. 2: a
    /// document's `link` is absent when there is nowhere to link to (no `base_url`), and `path` names its file.
    public var version = 2
    public var title: String
    public var today: Day
    /// `--person`: the view of one person (and their teams).
    public var person: String?
    /// `--horizon`: the goal tree starts at goals of this horizon.
    public var horizon: String?
    public var summary: Summary
    public var goal_tree: [GoalNode]
    public var orphans: Orphans
    public var attention: Attention
    public var people: [PersonEntry]
    /// Decisions of the last 30 days, newest first.
    public var recent_decisions: [String]
    /// Query blocks of the KB's home page (README.md or index.md at its root), evaluated.
    public var views: [View]
    /// Every document the lists above name, by id.
    public var documents: [String: Item]

    /// A document as the report names it.
    public struct Item: Sendable, Encodable, Hashable {
        public var id: String
        public var title: String
        public var type: String
        public var status: String
        public var owner: String?
        /// `ADR-0007` for numbered decisions.
        public var label: String?
        /// Its file, relative to the knowledge base's folder.
        public var path: String
        /// Where to read it: its page under `base_url` (or in the site, for the site's own report);
        /// absent without `base_url`, since a report is read away from the files (mailed, pasted).
        public var link: String?
        /// A decision's `date`, else the document's `created`.
        public var date: Day?
        /// For recent decisions: the titles of the goals of their first alignment chain,
        /// nearest first (`Quarter goal › Year goal`).
        public var chain: String?
    }

    /// A document with how many days it is overdue, pending or stale, and who must act on it.
    public struct Late: Sendable, Encodable, Hashable {
        public var id: String
        public var days: Int
        /// Who must act: for an overdue review, the reviewers who have not signed off; for a
        /// pending decision, its decision-makers; empty for stale items (their owner acts).
        public var awaiting: [String] = []
        /// For an overdue review, the reviewers who have signed off (`approvals:`).
        public var signed_off_by: [String] = []
    }

    public struct Share: Sendable, Encodable, Hashable {
        public var covered: Int
        public var total: Int
        /// covered / total, nil when total is 0.
        public var share: Double?
        /// The share as a whole percentage, nil when total is 0.
        public var percent: Int?
        /// `12 of 14 (86%)`, or `none to count`.
        public var text: String
    }

    public struct CoverageRow: Sendable, Encodable, Hashable {
        /// A horizon or a team id.
        public var key: String
        public var name: String
        public var work: Share
        public var goals: Share
    }

    public struct StatusCount: Sendable, Encodable, Hashable {
        public var status: String
        public var count: Int
    }

    public struct TypeCount: Sendable, Encodable, Hashable {
        public var type: String
        public var total: Int
        public var statuses: [StatusCount]
        /// `accepted 5 · proposed 2`.
        public var text: String
    }

    public struct Summary: Sendable, Encodable {
        public var documents: Int
        public var types: [TypeCount]
        public var work_coverage: Share
        public var goal_coverage: Share
        public var coverage_by_horizon: [CoverageRow]
        public var coverage_by_team: [CoverageRow]
        public var errors: Int
        public var warnings: Int
    }

    public struct KeyResultEntry: Sendable, Encodable, Hashable {
        public var title: String
        public var baseline: Double
        public var target: Double
        public var current: Double?
        public var unit: String?
        public var progress: Double?
        public var progress_text: String
        /// `baseline → current → target unit`, e.g. `12 → 31 → 40 %`.
        public var text: String
    }

    public struct GoalNode: Sendable, Encodable {
        /// The goal's id.
        public var goal: String
        public var horizon: String?
        public var period: String?
        public var health: String?
        public var progress: Double?
        public var progress_percent: Int?
        /// `43%` or `unknown`.
        public var progress_text: String
        public var progress_source: String
        public var key_results: [KeyResultEntry]
        /// Unfinished briefs and decisions serving this goal directly.
        public var work: [String]
        public var children: [GoalNode]
        /// Active sub-goals left out below this goal when the tree is cut (`ReportOptions.treeDepth`).
        public var hidden_goals: Int?
        /// Work left out of a cut tree (`work` is then empty, as are `key_results`: the goal's page has them).
        public var hidden_work: Int?
    }

    public struct Orphans: Sendable, Encodable {
        public var work: [String]
        public var unsupported_goals: [String]
    }

    public struct BrokenReference: Sendable, Encodable, Hashable {
        public var path: String
        public var line: Int
        public var column: Int
        public var message: String
    }

    public struct RetiredReference: Sendable, Encodable, Hashable {
        /// The finished decision's id.
        public var decision: String
        /// The id of the unfinished document that names it.
        public var referrer: String
        public var field: String
    }

    public struct Attention: Sendable, Encodable {
        public var overdue_reviews: [Late]
        public var pending_decisions: [Late]
        public var stale: [Late]
        public var serving_finished_goals: [String]
        public var broken_references: [BrokenReference]
        public var retired_references: [RetiredReference]
        /// How many entries the lists above hold together.
        public var count: Int
    }

    public struct PersonEntry: Sendable, Encodable {
        public var id: String
        public var name: String
        /// `person`, `team`, or `unknown` for ids not in people.yml.
        public var kind: String
        /// A person's teams (their `team:` and the teams listing them as members), joined by ", ".
        public var team: String?
        public var owns: [String]
        public var reviews: [String]
        public var decides: [String]
        public var consulted: [String]
        public var informed: [String]
        public var contributes: [String]
        /// Items that need their action now; a review they have signed off is not theirs any more.
        public var overdue: [String]
        /// Unfinished briefs they have signed off as reviewers (`approvals:`).
        public var signed_off: [String]
    }

    public struct View: Sendable, Encodable {
        /// The id of the page the queries come from.
        public var document: String
        public var queries: [ViewQuery]
    }

    public struct ViewQuery: Sendable, Encodable {
        public var query: String
        /// A Markdown code fence longer than any run of backticks in the query, so the query can be
        /// shown in a code block that it cannot close.
        public var fence: String
        public var layout: String
        public var columns: [String]
        public var rows: [ViewRow]
        public var count: Int
        /// The Markdown table, list or count, as it replaces the block.
        public var markdown: String
        /// The same as HTML.
        public var html: String
    }

    public struct ViewRow: Sendable, Encodable, Hashable {
        public var id: String
        /// One list of parts per column; a part links to a document when `link` is set.
        public var cells: [[ViewCell]]
    }

    public struct ViewCell: Sendable, Encodable, Hashable {
        public var text: String
        public var link: String?
    }
}
