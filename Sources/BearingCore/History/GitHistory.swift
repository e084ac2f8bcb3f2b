/// What git knows about each file of a knowledge base (SPEC §6): when it was first and last
/// committed and by whom, renames followed, `.mailmap` applied, uncommitted changes counted as
/// today. Read with three git processes whatever the number of files: `rev-parse`, one `log`
/// and one `status`.
public struct GitHistory: DocumentDates {
    public struct File: Sendable, Hashable {
        /// The day of the first commit that added the file (under any earlier name).
        public var created: Day
        /// The day of the last commit that changed it, or today when it has uncommitted changes.
        public var updated: Day
        /// Author names (after `.mailmap`), the most frequent first, then by name.
        public var authors: [String]
        public var commits: Int
        /// Changed in the work tree and not committed (or not yet tracked at all).
        public var uncommitted: Bool
    }

    public enum Outcome: Sendable {
        case history(GitHistory)
        /// The folder is not inside a git work tree, or git is not installed.
        case unavailable
        /// A shallow clone: first commits are missing, so its dates would be wrong.
        case shallow
    }

    /// By path relative to the knowledge base, under the file's current name.
    public var files: [String: File]
    /// The knowledge base's folder inside the repository (`""` at its top, else ending in `/`).
    public var prefix: String

    public static func read(root: String, today: Day, git: GitRunner = GitRunner()) -> Outcome {
        guard let repository = GitRepository.at(root, git: git) else { return .unavailable }
        if repository.shallow { return .shallow }
        var history = GitHistory(files: [:], prefix: repository.prefix)
        let format = "--format=%x1e%aI%x1f%aN"
        if let log = git.run(["log", "--name-status", "-M", "-z", "--no-merges", format, "--", "."], in: root) {
            history.readLog(log)
        }
        if let status = git.run(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--", "."], in: root) {
            history.readStatus(status, today: today)
        }
        return .history(history)
    }

    /// `git log` records, newest first: `\u{1E}date\u{1F}author\0\n` then `status\0path\0`
    /// (two paths for renames and copies).
    mutating func readLog(_ bytes: [UInt8]) {
        var current: [String: String] = [:]   // a path as it was → the file's name today
        var authorCounts: [String: [String: Int]] = [:]
        for record in bytes.split(separator: 0x1E, omittingEmptySubsequences: true) {
            var fields = record.split(separator: 0, omittingEmptySubsequences: false)
            guard !fields.isEmpty else { continue }
            let header = fields.removeFirst().split(separator: 0x1F, omittingEmptySubsequences: false)
            guard header.count == 2, let day = Day.parse(String(decoding: header[0].prefix(10), as: UTF8.self)) else { continue }
            let author = String(decoding: header[1], as: UTF8.self)
            var i = 0
            while i < fields.count {
                var status = fields[i]
                while status.first == UInt8(ascii: "\n") { status = status.dropFirst() }
                guard let kind = status.first else { i += 1; continue }
                let renamed = kind == UInt8(ascii: "R") || kind == UInt8(ascii: "C")
                guard i + (renamed ? 2 : 1) < fields.count else { break }
                let path = String(decoding: fields[i + (renamed ? 2 : 1)], as: UTF8.self)
                let name = current[path] ?? path
                if renamed, kind == UInt8(ascii: "R") {
                    current[String(decoding: fields[i + 1], as: UTF8.self)] = name
                }
                i += renamed ? 3 : 2
                guard let relative = relativePath(name) else { continue }
                if var file = files[relative] {
                    file.created = day
                    file.commits += 1
                    files[relative] = file
                } else {
                    files[relative] = File(created: day, updated: day, authors: [], commits: 1, uncommitted: false)
                }
                authorCounts[relative, default: [:]][author, default: 0] += 1
            }
        }
        for (path, counts) in authorCounts {
            files[path]?.authors = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map(\.key)
        }
    }

    /// `git status` entries `XY path\0` (a rename adds the old path): each is changed today.
    mutating func readStatus(_ bytes: [UInt8], today: Day) {
        let fields = bytes.split(separator: 0, omittingEmptySubsequences: true)
        var i = 0
        while i < fields.count {
            let entry = fields[i]
            i += 1
            guard entry.count > 3 else { continue }
            let code = Array(entry.prefix(2))
            if code.contains(UInt8(ascii: "R")) || code.contains(UInt8(ascii: "C")) { i += 1 }
            if code.contains(UInt8(ascii: "D")) { continue }
            guard let relative = relativePath(String(decoding: entry.dropFirst(3), as: UTF8.self)) else { continue }
            var file = files[relative] ?? File(created: today, updated: today, authors: [], commits: 0, uncommitted: true)
            file.updated = today
            file.uncommitted = true
            files[relative] = file
        }
    }

    /// Gives a document what git knows of its file: `created` and `updated` where front matter
    /// does not say, and its authors.
    public func apply(to document: inout Document) {
        guard let file = files[document.path] else { return }
        if document.created == nil {
            document.created = file.created
            document.datesFromGit.insert(.created)
        }
        if document.updated == nil {
            document.updated = file.updated
            document.datesFromGit.insert(.updated)
        }
        // Who the file says wrote it comes first; committers otherwise.
        if document.authors.isEmpty { document.authors = file.authors }
    }

    /// A repository path as a path of the knowledge base, nil when outside it.
    private func relativePath(_ path: String) -> String? {
        guard path.hasPrefix(prefix) else { return nil }
        return String(path.dropFirst(prefix.count))
    }
}
