import Foundation

/// Makes the weekly digest of a knowledge base: in a git work tree, the state at the window's
/// end compared with the state at its start (the last commits before each), and the window's
/// commits; without git (or with `history: off`), the current files and their dates. Ten git
/// processes a window, eleven when a decision accepted in it was touched by several commits,
/// whatever the number of files.
public enum DigestBuilder {
    /// One window's digest. `today` marks a window that has not ended as in progress (its end
    /// state is then analysed as of today).
    public static func build(root: String, since: Day, until: Day, period: String, git: GitRunner?, today: Day? = nil) async -> WeeklyDigest {
        var unused: [Diagnostic] = []
        let (configuration, _) = Configuration.read(KnowledgeBaseLoader.readYAMLFile(FolderFiles(root: root), Configuration.fileName, &unused))
        let link = WeeklyDigest.baseURLLink(configuration.baseURL) { entry in
            FileManager.default.fileExists(atPath: root + "/" + entry.path)
        }
        let request = Request(since: since, until: until, period: period, today: today, link: link)
        guard let history = History(root: root, git: git, wanted: configuration.history) else {
            let after = await KnowledgeBaseChange.State.load(FolderFiles(root: root), label: "files", today: request.asOf)
            return WeeklyDigest(request.window(after: after))
        }
        var cache: [String: KnowledgeBaseChange.State] = [:]
        return await history.digest(request, end: history.revision(before: until.adding(days: 1)), cache: &cache)
    }

    /// The last `count` complete ISO weeks before `today`, newest first.
    public static func recentWeeks(_ count: Int, before today: Day) -> [Period] {
        (1...max(1, count)).prefix(count).map { Period.isoWeek(containing: today.adding(days: -7 * $0)) }
    }

    /// The digests of several windows (the site's weekly pages), sharing the states of the
    /// revisions they have in common (one week's end is the next one's start). Windows that end
    /// before the knowledge base's first commit have no digest. Without git, every window is read
    /// from `current` (the knowledge base as loaded) by the documents' dates, from the week of the
    /// earliest date on. Documents link to their pages under `base_url` when they still exist.
    public static func build(root: String, periods: [Period], git: GitRunner?, current: KnowledgeBaseChange.State,
                             today: Day? = nil) async -> [WeeklyDigest] {
        let link = WeeklyDigest.baseURLLink(current.kb.configuration.baseURL) { [kb = current.kb] entry in
            kb.document(entry.id)?.path == entry.path
        }
        func request(_ period: Period) -> Request {
            Request(since: period.start, until: period.end, period: period.text, today: today, link: link)
        }
        guard let history = History(root: root, git: git, wanted: current.kb.configuration.history) else {
            let first = earliestDay(current.kb)
            return periods.filter { period in first.map { period.end >= $0 } ?? true }.map { WeeklyDigest(request($0).window(after: current)) }
        }
        var cache: [String: KnowledgeBaseChange.State] = [:]
        var digests: [WeeklyDigest] = []
        for period in periods {
            guard let end = history.revision(before: period.end.adding(days: 1)) else { continue }   // before the first commit
            digests.append(await history.digest(request(period), end: end, cache: &cache))
        }
        return digests
    }

    /// The earliest day a document states (`created`, `updated`, a decision's `date`).
    static func earliestDay(_ kb: KnowledgeBase) -> Day? {
        kb.documents.flatMap { [$0.created, $0.updated, $0.decision?.date].compactMap { $0 } }.min()
    }

    /// What a window is asked for.
    struct Request {
        var since: Day
        var until: Day
        var period: String
        var today: Day?
        var link: @Sendable (KnowledgeBaseChange.Entry) -> String?

        var inProgress: Bool { today.map { until >= $0 } ?? false }
        /// The day the end state is analysed for: the window's last day, or today while it lasts.
        var asOf: Day { inProgress ? max(since, today ?? until) : until }

        func window(after: KnowledgeBaseChange.State, title: String? = nil) -> WeeklyDigest.Window {
            var window = WeeklyDigest.Window(title: title ?? DigestBuilder.title(after), period: period, since: since, until: until,
                                             change: nil, before: nil, after: after)
            window.inProgress = inProgress
            window.link = link
            return window
        }
    }

    static func title(_ state: KnowledgeBaseChange.State) -> String { state.kb.configuration.title ?? "Knowledge base" }
}
