/// The commits of a digest's window under the knowledge base, read with one `git log`: who made
/// them (the digest's contributors) and which files each touched (to date what changed in it).
struct WindowLog: Sendable {
    struct Commit: Sendable {
        var hash: String
        /// The commit's day in UTC (by committer date, as the window is).
        var day: Day
        var author: String
        /// Paths relative to the knowledge base (both names of a renamed file).
        var paths: [String]
    }

    /// Newest first.
    var commits: [Commit] = []

    /// `git log` records `\u{1E}hash\u{1F}time\u{1F}author\0` then `\npath\0path\0…`.
    static func read(since: Day, until: Day, root: String, prefix: String, git: GitRunner) -> WindowLog {
        guard let output = git.run(["log", "--no-merges", "--no-renames", "--name-only", "-z", "--format=%x1e%H%x1f%ct%x1f%aN",
                                    "--since=\(since)T00:00:00+00:00", "--until=\(until.adding(days: 1))T00:00:00+00:00", "--", "."],
                                   in: root) else { return WindowLog() }
        var log = WindowLog()
        for record in output.split(separator: 0x1E, omittingEmptySubsequences: true) {
            var fields = record.split(separator: 0, omittingEmptySubsequences: true)
            guard !fields.isEmpty else { continue }
            let header = fields.removeFirst().split(separator: 0x1F, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            guard header.count == 3, let seconds = Int(header[1]) else { continue }
            let paths = fields.map { String(decoding: $0.drop { $0 == UInt8(ascii: "\n") }, as: UTF8.self) }
                .filter { !$0.isEmpty && $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
            let day = Day(ordinal: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
            log.commits.append(Commit(hash: header[0], day: day, author: header[2], paths: paths))
        }
        return log
    }

    /// Authors of the window's commits, the most active first, then by name.
    var contributors: [WeeklyDigest.Contributor] {
        var counts: [String: Int] = [:]
        for commit in commits { counts[commit.author, default: 0] += 1 }
        return counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { WeeklyDigest.Contributor(name: $0.key, commits: $0.value) }
    }

    /// The commits that touched a file (by its path relative to the knowledge base), oldest first.
    func commits(touching path: String) -> [Commit] {
        commits.filter { $0.paths.contains(path) }.reversed()
    }
}
