import Foundation
import Testing
@testable import BearingCore

/// A throwaway git repository with scripted commits: fixed dates and names.
struct ScriptedRepository {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("bearing-git-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try git("init", "-q", "-b", "main")
    }

    @discardableResult
    func git(_ arguments: String..., date: String = "2027-01-01T10:00:00+00:00", author: String = "Ann Lee <ann@example.com>",
             in folder: URL? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = arguments
        process.currentDirectoryURL = folder ?? root
        let name = String(author.prefix { $0 != "<" }).trimmingSpaces()
        let email = String(author.drop { $0 != "<" }.dropFirst().prefix { $0 != ">" })
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in ["GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email,
                             "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email, "GIT_CONFIG_NOSYSTEM": "1", "HOME": root.path] {
            environment[key] = value
        }
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw GitFailure(arguments: arguments) }
        return String(decoding: data, as: UTF8.self)
    }

    struct GitFailure: Error { var arguments: [String] }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: false, encoding: .utf8)
    }

    /// Feeds a `git fast-import` stream (many commits in one process), then checks the work tree out.
    func fastImport(_ stream: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = ["fast-import", "--quiet"]
        process.currentDirectoryURL = root
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data(stream.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw GitFailure(arguments: ["fast-import"]) }
        try git("checkout", "-q", "-f", "main")
    }

    func commit(_ message: String, date: String, author: String = "Ann Lee <ann@example.com>") throws {
        try git("add", "-A", date: date, author: author)
        try git("commit", "-q", "-m", message, date: date, author: author)
    }
}

@Suite struct GitHistoryTests {
    static let today = Day(year: 2027, month: 2, day: 17)!

    static func history(_ folder: URL, git: GitRunner = GitRunner()) -> GitHistory? {
        if case .history(let history) = GitHistory.read(root: folder.path, today: today, git: git) { return history }
        return nil
    }

    @Test func datesAndAuthorsFollowRenamesInASubfolder() throws {
        let repo = try ScriptedRepository()
        try repo.write("README.md", "outside the knowledge base\n")
        try repo.write("kb/goals/first goal.md", "# One\n")
        try repo.write("kb/briefs/b.md", "# B\n")
        try repo.commit("start", date: "2027-01-04T09:00:00+01:00")
        try repo.write("kb/goals/first goal.md", "# One, edited\n")
        try repo.commit("edit", date: "2027-01-11T18:30:00-05:00", author: "Bob Roe <bob@example.com>")
        try repo.git("mv", "kb/goals/first goal.md", "kb/goals/première.md")
        try repo.commit("rename", date: "2027-01-20T08:00:00+00:00", author: "Bob Roe <bob@example.com>")
        try repo.write("README.md", "changed\n")
        try repo.commit("outside", date: "2027-02-01T08:00:00+00:00")

        let history = try #require(Self.history(repo.root.appendingPathComponent("kb")))
        #expect(history.prefix == "kb/")
        #expect(history.files.keys.sorted() == ["briefs/b.md", "goals/première.md"])
        let goal = try #require(history.files["goals/première.md"])
        #expect(goal.created == Day(year: 2027, month: 1, day: 4))
        #expect(goal.updated == Day(year: 2027, month: 1, day: 20))
        #expect(goal.commits == 3)
        #expect(goal.authors == ["Bob Roe", "Ann Lee"])
        #expect(!goal.uncommitted)
        #expect(history.files["briefs/b.md"]?.updated == Day(year: 2027, month: 1, day: 4))
    }

    @Test func uncommittedChangesCountAsTodayAndMailmapNamesAuthors() throws {
        let repo = try ScriptedRepository()
        try repo.write(".mailmap", "Ann Lee <ann@example.com> <ann.old@example.com>\n")
        try repo.write("goals/g.md", "# G\n")
        try repo.write("goals/h.md", "# H\n")
        try repo.commit("start", date: "2027-01-04T09:00:00+00:00", author: "ann <ann.old@example.com>")
        try repo.write("goals/g.md", "# G changed, not committed\n")
        try repo.write("goals/new.md", "# New, not tracked\n")
        let history = try #require(Self.history(repo.root))
        #expect(history.prefix == "")
        #expect(history.files["goals/g.md"]?.updated == Self.today)
        #expect(history.files["goals/g.md"]?.created == Day(year: 2027, month: 1, day: 4))
        #expect(history.files["goals/g.md"]?.uncommitted == true)
        #expect(history.files["goals/h.md"]?.uncommitted == false)
        #expect(history.files["goals/new.md"]?.created == Self.today)
        #expect(history.files["goals/h.md"]?.authors == ["Ann Lee"])
    }

    @Test func mergesAndRevertsAreReadThroughTheirCommits() throws {
        let repo = try ScriptedRepository()
        try repo.write("goals/g.md", "# G\n")
        try repo.commit("start", date: "2027-01-04T09:00:00+00:00")
        try repo.git("checkout", "-q", "-b", "topic")
        try repo.write("briefs/b.md", "# B\n")
        try repo.commit("topic work", date: "2027-01-06T09:00:00+00:00", author: "Bob Roe <bob@example.com>")
        try repo.git("checkout", "-q", "main")
        try repo.write("goals/g.md", "# G on main\n")
        try repo.commit("main work", date: "2027-01-07T09:00:00+00:00")
        try repo.git("merge", "-q", "--no-edit", "topic", date: "2027-01-08T09:00:00+00:00")
        try repo.git("revert", "--no-edit", "HEAD~1", date: "2027-01-09T09:00:00+00:00")
        let history = try #require(Self.history(repo.root))
        #expect(history.files["briefs/b.md"]?.created == Day(year: 2027, month: 1, day: 6))
        #expect(history.files["briefs/b.md"]?.authors == ["Bob Roe"])
        #expect(history.files["goals/g.md"]?.updated == Day(year: 2027, month: 1, day: 9))
        #expect(history.files["goals/g.md"]?.commits == 3)
    }

    @Test func theLoaderTakesDatesFromGitWhereFrontMatterIsSilent() async throws {
        let repo = try ScriptedRepository()
        try repo.write("goals/dated.md", "---\ncreated: 2026-12-01\nupdated: 2026-12-02\nstatus: active\n---\n# Dated\n")
        try repo.write("goals/undated.md", "---\nstatus: active\n---\n# Undated\n")
        try repo.write("decisions/0001-proposed.md", "---\nstatus: proposed\ngoals: [dated]\n---\n# 1. Proposed\n")
        try repo.write("decisions/0002-settled.md", "---\nstatus: accepted\ngoals: [dated]\n---\n# 2. Settled\n")
        try repo.commit("start", date: "2027-01-04T09:00:00+00:00")
        try repo.write("goals/undated.md", "---\nstatus: active\n---\n# Undated, edited\n")
        try repo.commit("edit", date: "2027-01-10T09:00:00+00:00", author: "Bob Roe <bob@example.com>")
        let result = try await KnowledgeBaseLoader.load(root: repo.root.path, today: Self.today, git: GitRunner())
        #expect(result.history == .read)
        let dated = try #require(result.knowledgeBase.document("dated"))
        #expect(dated.created == Day(year: 2026, month: 12, day: 1) && dated.updated == Day(year: 2026, month: 12, day: 2))
        #expect(dated.authors == ["Ann Lee"])
        let undated = try #require(result.knowledgeBase.document("undated"))
        #expect(undated.created == Day(year: 2027, month: 1, day: 4) && undated.updated == Day(year: 2027, month: 1, day: 10))
        #expect(undated.authors == ["Ann Lee", "Bob Roe"])
        // The stale rule sees the day from git: 38 days before today, over the 30-day limit.
        #expect(result.diagnostics.contains { $0.rule == .stale && $0.location.path == "goals/undated.md" })
        // A decision is never stale, and a date from git alone does not make a proposed one pending.
        #expect(result.knowledgeBase.document("0001-proposed")?.created == Day(year: 2027, month: 1, day: 4))
        #expect(!result.diagnostics.contains { $0.location.path.hasPrefix("decisions/") && [.stale, .pendingDecision].contains($0.rule) })
        // Without git, front matter only.
        let plain = try await KnowledgeBaseLoader.load(root: repo.root.path, today: Self.today)
        #expect(plain.history == nil && plain.knowledgeBase.document("undated")?.updated == nil)
    }

    @Test func noRepositoryAndShallowClonesSaySo() throws {
        let plain = FileManager.default.temporaryDirectory.appendingPathComponent("bearing-plain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: plain, withIntermediateDirectories: true)
        if case .unavailable = GitHistory.read(root: plain.path, today: Self.today) {} else { Issue.record("a plain folder has no history") }
        if case .unavailable = GitHistory.read(root: plain.path, today: Self.today, git: GitRunner(executable: "/nonexistent/git")) {} else {
            Issue.record("without git there is no history")
        }
        let repo = try ScriptedRepository()
        for day in 1...3 {
            try repo.write("goals/g.md", "# G \(day)\n")
            try repo.commit("c\(day)", date: "2027-01-0\(day)T09:00:00+00:00")
        }
        let clone = FileManager.default.temporaryDirectory.appendingPathComponent("bearing-shallow-\(UUID().uuidString)")
        try repo.git("clone", "-q", "--depth", "1", "file://" + repo.root.path, clone.path)
        if case .shallow = GitHistory.read(root: clone.path, today: Self.today) {} else { Issue.record("a shallow clone says so") }
    }

    /// A 1,000-document repository with 200 commits (each touching five documents), made in one
    /// `git fast-import`: the history, a snapshot and a digest each take a fixed number of git processes.
    @Test func aThousandDocumentsAndTwoHundredCommitsTakeAFixedNumberOfGitProcesses() async throws {
        let repo = try ScriptedRepository()
        var stream = ""
        for commit in 1...200 {
            let seconds = 1_796_000_000 + commit * 43_200   // from January 2027, twelve hours apart
            stream += "commit refs/heads/main\nmark :\(commit)\ncommitter Ann Lee <ann@example.com> \(seconds) +0000\ndata 3\nc\(commit % 10)\n"
            if commit > 1 { stream += "from :\(commit - 1)\n" }
            let documents = commit == 1 ? Array(0..<1000) : (0..<5).map { (commit * 5 + $0) % 1000 }
            for n in documents {
                let text = "---\nstatus: draft\n---\n# Brief \(n), version \(commit)\n"
                stream += "M 100644 inline briefs/b-\(n).md\ndata \(text.utf8.count)\n\(text)\n"
            }
        }
        try repo.fastImport(stream)
        let git = GitRunner()
        let history = try #require(Self.history(repo.root, git: git))
        #expect(history.files.count == 1000)
        #expect(history.files["briefs/b-20.md"]?.commits == 2)  // added by commit 1, edited by commit 4
        #expect(git.count == 3)
        let snapshot = GitRunner()
        let files = try GitSnapshot.files(at: "HEAD~50", root: repo.root.path, git: snapshot)
        #expect(files.files.count == 1000)
        #expect(snapshot.count == 3)
        let digestGit = GitRunner()
        let week = Period.isoWeek(containing: Day(year: 2027, month: 2, day: 10)!)
        _ = await DigestBuilder.build(root: repo.root.path, since: week.start, until: week.end, period: week.text, git: digestGit)
        #expect(digestGit.count <= 10)
    }

    @Test func theNumberOfGitProcessesDoesNotGrowWithTheDocuments() throws {
        var counts: [Int] = []
        for size in [10, 300] {
            let repo = try ScriptedRepository()
            for round in 1...4 {
                for n in 0..<size where n % round == 0 { try repo.write("briefs/b-\(n).md", "# B \(n) \(round)\n") }
                try repo.commit("round \(round)", date: "2027-01-0\(round)T09:00:00+00:00")
            }
            let git = GitRunner()
            let history = try #require(Self.history(repo.root, git: git))
            #expect(history.files.count == size)
            #expect(history.files["briefs/b-0.md"]?.commits == 4)
            counts.append(git.count)
        }
        #expect(counts == [3, 3])
    }
}

extension GitHistoryTests {
    /// `history: off`: the KB sits in another project's repository; its commits give no dates.
    @Test func historyOffIgnoresTheRepository() async throws {
        let repo = try ScriptedRepository()
        try repo.write("kb/goals/g.md", "---\nstatus: active\n---\n# G\n")
        try repo.commit("add", date: "2027-01-05T09:00:00+00:00")
        let kb = repo.root.appendingPathComponent("kb").path
        let read = try await KnowledgeBaseLoader.load(root: kb, today: Fixtures.today, git: GitRunner())
        #expect(read.knowledgeBase.document("g")?.created == Day.parse("2027-01-05"))
        #expect(read.knowledgeBase.document("g")?.datesFromGit == [.created, .updated])
        try repo.write("kb/bearing.yml", "history: off\n")
        let off = try await KnowledgeBaseLoader.load(root: kb, today: Fixtures.today, git: GitRunner())
        #expect(off.knowledgeBase.document("g")?.created == nil)
        #expect(off.history == nil)
    }
}
