/// Makes the weekly digest of a knowledge base: in a git work tree, the state at the window's
/// end compared with the state at its start (the last commits before each), and the window's
/// authors; without git, the current files and their dates. Ten git processes a window at most, whatever the number of files.
public enum DigestBuilder {
    public static func build(root: String, since: Day, until: Day, period: String, git: GitRunner?) async -> WeeklyDigest {
        var cache = StateCache()
        return await build(root: root, since: since, until: until, period: period, git: git, cache: &cache)
    }

    /// The last `count` complete ISO weeks before `today`, newest first.
    public static func recentWeeks(_ count: Int, before today: Day) -> [Period] {
        (1...max(1, count)).prefix(count).map { Period.isoWeek(containing: today.adding(days: -7 * $0)) }
    }

    /// The digests of several windows, sharing the states of the revisions they have in common
    /// (one week's end is the next one's start). Without git, every window is read from
    /// `current` (the knowledge base as loaded) by the documents' dates, loading nothing again.
    public static func build(root: String, periods: [Period], git: GitRunner?, current: KnowledgeBaseChange.State) async -> [WeeklyDigest] {
        guard let git, isWorkTree(root, git) else {
            return periods.map { period in
                WeeklyDigest(title: title(current), period: period.text, since: period.start, until: period.end, change: nil,
                             after: current, contributors: [])
            }
        }
        var cache = StateCache()
        var digests: [WeeklyDigest] = []
        for period in periods {
            digests.append(await build(root: root, since: period.start, until: period.end, period: period.text, git: git, cache: &cache))
        }
        return digests
    }

    /// Loaded states by revision (and the day they are analysed for).
    struct StateCache {
        var states: [String: KnowledgeBaseChange.State] = [:]
    }

    private static func build(root: String, since: Day, until: Day, period: String, git: GitRunner?,
                              cache: inout StateCache) async -> WeeklyDigest {
        if let git, isWorkTree(root, git) {
            let start = revision(before: since, root: root, git: git)
            let end = revision(before: until.adding(days: 1), root: root, git: git)
            let before = await state(start, root: root, git: git, today: since.adding(days: -1), cache: &cache)
            let after = await state(end, root: root, git: git, today: until, cache: &cache)
            return WeeklyDigest(title: title(after), period: period, since: since, until: until,
                                change: KnowledgeBaseChange(from: before, to: after),
                                after: after, contributors: contributors(since: since, until: until, root: root, git: git))
        }
        let after = await KnowledgeBaseChange.State.load(FolderFiles(root: root), label: "files", today: until)
        return WeeklyDigest(title: title(after), period: period, since: since, until: until, change: nil, after: after, contributors: [])
    }

    /// Inside a git work tree with its whole history: a shallow clone's oldest commit holds
    /// every file, so every document would read as added in its week; dates are used instead.
    private static func isWorkTree(_ root: String, _ git: GitRunner) -> Bool {
        GitRepository.at(root, git: git).map { !$0.shallow } ?? false
    }

    /// The files at `revision`; none before the first commit.
    private static func snapshot(_ revision: String?, root: String, git: GitRunner) -> MemoryFiles {
        guard let revision, let files = try? GitSnapshot.files(at: revision, root: root, git: git) else { return MemoryFiles(files: [:]) }
        return files
    }

    private static func title(_ state: KnowledgeBaseChange.State) -> String { state.kb.configuration.title ?? "Knowledge base" }

    private static func state(_ revision: String?, root: String, git: GitRunner, today: Day, cache: inout StateCache) async -> KnowledgeBaseChange.State {
        let key = "\(revision ?? "-")@\(today)"
        if let known = cache.states[key] { return known }
        let loaded = await KnowledgeBaseChange.State.load(snapshot(revision, root: root, git: git), label: revision ?? "nothing", today: today)
        cache.states[key] = loaded
        return loaded
    }

    /// The last commit made before the start of `day` (UTC); nil when there is none or no git.
    static func revision(before day: Day, root: String, git: GitRunner) -> String? {
        guard let output = git.run(["rev-list", "-1", "--before=\(day)T00:00:00+00:00", "HEAD"], in: root) else { return nil }
        let commit = String(decoding: output, as: UTF8.self).split(separator: "\n").first.map(String.init)
        return commit.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Authors of the window's commits under the knowledge base, the most active first.
    static func contributors(since: Day, until: Day, root: String, git: GitRunner) -> [WeeklyDigest.Contributor] {
        guard let output = git.run(["log", "--no-merges", "--format=%aN", "--since=\(since)T00:00:00+00:00",
                                    "--until=\(until.adding(days: 1))T00:00:00+00:00", "--", "."], in: root) else { return [] }
        var counts: [String: Int] = [:]
        for name in String(decoding: output, as: UTF8.self).split(separator: "\n") { counts[String(name), default: 0] += 1 }
        return counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { WeeklyDigest.Contributor(name: $0.key, commits: $0.value) }
    }
}
