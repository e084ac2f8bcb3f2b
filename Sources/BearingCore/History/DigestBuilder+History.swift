/// The digest read from git: the states at a window's start and end, its commits, and when its
/// decisions were accepted.
extension DigestBuilder {
    struct History {
        let root: String
        let git: GitRunner
        /// The knowledge base's folder inside its repository.
        let prefix: String

        /// Nil without git, outside a work tree, with `history: off` (`wanted` false), or in a
        /// shallow clone (its oldest commit holds every file, so every document would read as
        /// added in its week; dates are used instead).
        init?(root: String, git: GitRunner?, wanted: Bool) {
            guard wanted, let git, let repository = GitRepository.at(root, git: git), !repository.shallow else { return nil }
            (self.root, self.git, prefix) = (root, git, repository.prefix)
        }

        /// The last commit under the knowledge base made before the start of `day` (UTC); nil
        /// when there is none (the day is before the knowledge base's first commit).
        func revision(before day: Day) -> String? {
            guard let output = git.run(["rev-list", "-1", "--before=\(day)T00:00:00+00:00", "HEAD", "--", "."], in: root) else { return nil }
            let commit = String(decoding: output, as: UTF8.self).split(separator: "\n").first.map(String.init)
            return commit.flatMap { $0.isEmpty ? nil : $0 }
        }

        /// The window's digest, its end state read at `end`.
        func digest(_ request: Request, end: String?, cache: inout [String: KnowledgeBaseChange.State]) async -> WeeklyDigest {
            let start = revision(before: request.since)
            let before = await state(start, today: request.since.adding(days: -1), cache: &cache)
            let after = await state(end, today: request.asOf, cache: &cache)
            let log = WindowLog.read(since: request.since, until: request.until, root: root, prefix: prefix, git: git)
            var window = request.window(after: after)
            window.change = KnowledgeBaseChange(from: before, to: after)
            window.before = before
            window.contributors = log.contributors
            let decided = WeeklyDigest.decided(before: before, after: after, since: request.since, until: request.until, git: true)
            window.decidedOn = await AcceptanceDates.days(of: decided, log: log, end: end, root: root, prefix: prefix, git: git,
                                                          today: request.asOf)
            return WeeklyDigest(window)
        }

        /// The knowledge base at `revision` (none before the first commit), loaded and analysed as of `today`, once.
        private func state(_ revision: String?, today: Day, cache: inout [String: KnowledgeBaseChange.State]) async -> KnowledgeBaseChange.State {
            let key = "\(revision ?? "-")@\(today)"
            if let known = cache[key] { return known }
            var files = MemoryFiles(files: [:])
            if let revision, let read = try? GitSnapshot.files(at: revision, root: root, git: git) { files = read }
            let loaded = await KnowledgeBaseChange.State.load(files, label: revision ?? "nothing", today: today)
            cache[key] = loaded
            return loaded
        }
    }
}
