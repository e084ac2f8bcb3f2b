import BearingTestSupport
import Foundation
import Testing

/// End-to-end: the built `bearing` binary on fixtures, stdout and exit status compared.
@Suite struct CLITests {
    static let testsRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let packageRoot = testsRoot.deletingLastPathComponent().deletingLastPathComponent()
    static let binary = Program.bearing
    static let northwind = packageRoot.appendingPathComponent("examples/northwind").path
    static let mixed = testsRoot.appendingPathComponent("Fixtures/mixed").path

    typealias Run = Program.Run

    /// Runs the binary. The fixtures live in this repository, whose own history is not theirs:
    /// commands that read a knowledge base get `--no-git`, so their dates are the fixtures' own.
    static func run(_ arguments: [String], in folder: String? = nil) throws -> Run {
        let readsKnowledgeBase = ["check", "report", "export", "build", "adopt"].contains(arguments.first ?? "")
        return try execute(binary, arguments + (readsKnowledgeBase && !arguments.contains("--help") ? ["--no-git"] : []), in: folder)
    }

    /// Runs any program to its end, with its output and status; in `folder` when given.
    static func execute(_ executable: String, _ arguments: [String], in folder: String? = nil) throws -> Run {
        try Program.run(executable, arguments, in: folder)
    }

    @Test func northwindHasExactlyTheFourDeliberateWarnings() throws {
        let result = try Self.run(["check", ".", "--today", "2027-02-17"], in: Self.northwind)
        #expect(result.status == 0)
        #expect(result.stdout == """
            briefs/office-move-checklist.md:1:1: warning: brief 'office-move-checklist' serves no goal (add 'goals:') [orphan]
            briefs/portal-card-payments.md:7:1: warning: review of 'portal-card-payments' was due 2027-02-10 (7 days ago) and it is still in-review [overdue-review]
            decisions/0011-offer-annual-prepay-discount.md:3:1: warning: decision '0011-offer-annual-prepay-discount' has been proposed for 36 days (since its date 2027-01-12; limit 14) [pending-decision]
            goals/g-2027-q1-infra-cost.md:18:1: warning: goal 'g-2027-q1-infra-cost' is active but was last updated 2026-12-20 (59 days ago; limit 30) [stale]

            """)
        #expect(result.stderr.contains("0 errors, 4 warnings"))
        let strict = try Self.run(["check", Self.northwind, "--today", "2027-02-17", "--strict"])
        #expect(strict.status == 1)
    }

    @Test func errorsExitOneInEveryFormat() throws {
        // Paths as seen from the current folder, in every format.
        let text = try Self.run(["check", Self.mixed, "--today", "2027-02-17"])
        #expect(text.status == 1)
        #expect(text.stdout == """
            \(Self.mixed)/briefs/pricing.md:3:19: error: unresolved reference 'g-missing' [unresolved-reference]
            \(Self.mixed)/briefs/pricing.md:4:1: warning: review of 'pricing' was due 2027-02-01 (16 days ago) and it is still in-review [overdue-review]
            \(Self.mixed)/decisions/0001-use-stripe.md:1:1: warning: decision '0001-use-stripe' serves no goal (add 'goals:') [orphan]

            """)
        let github = try Self.run(["check", Self.mixed, "--today", "2027-02-17", "--format", "github"])
        #expect(github.status == 1)
        #expect(github.stdout.hasPrefix("::error file=\(Self.mixed)/briefs/pricing.md,line=3,col=19,title=unresolved-reference::unresolved reference 'g-missing'"))
        let json = try Self.run(["check", Self.mixed, "--today", "2027-02-17", "--format", "json"])
        #expect(json.status == 1)
        let rows = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(rows?.count == 3)
        #expect(rows?.first?["rule"] as? String == "unresolved-reference")
        #expect(rows?.first?["line"] as? Int == 3)
        #expect(rows?.first?["path"] as? String == Self.mixed + "/briefs/pricing.md")
    }

    @Test(arguments: [
        ["check", "/nonexistent/kb"],
        ["check", ".", "--today", "tomorrow"],
        ["check", ".", "--format", "xml"],
        ["frobnicate"],
        ["report", ".", "--horizon", "decade"],
        ["report", ".", "--format", "pdf"],
        ["report", "/nonexistent/kb"],
        ["adopt", "/nonexistent/kb"],
        ["adopt", ".", "--today", "tomorrow"],
    ])
    func usageAndIOFailuresExitTwo(arguments: [String]) throws {
        let result = try Self.run(arguments)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(!result.stderr.isEmpty)
    }

    @Test func exportIsCompleteAndDeterministic() throws {
        let first = try Self.run(["export", Self.mixed, "--today", "2027-02-17"])
        let second = try Self.run(["export", Self.mixed, "--today", "2027-02-17"])
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        let documents = try #require(root["documents"] as? [[String: Any]])
        #expect(documents.map { $0["id"] as? String } == ["0001-use-stripe", "g-growth", "pricing"])
        let goal = documents[1]
        let fields = try #require(goal["fields"] as? [String: Any])
        #expect(fields["custom_field"] as? String == "0037")
        let details = try #require(goal["goal"] as? [String: Any])
        // (18000-10000)/(30000-10000) = 0.4 and (3.3-4.1)/(2.5-4.1) = 0.5 → mean 0.45
        #expect(abs((details["progress"] as? Double ?? 0) - 0.45) < 1e-9)
        #expect(details["progress_source"] as? String == "key_results")
        let backlinks = try #require(goal["backlinks"] as? [[String: String]])
        #expect(backlinks.contains { $0["source"] == "pricing" && $0["kind"] == "goals" })
        let decision = try #require(documents[0]["decision"] as? [String: Any])
        #expect(decision["date"] as? String == "2027-01-10")
        #expect(documents[0]["status"] as? String == "accepted")
        #expect(documents[0]["title"] as? String == "Use Stripe")
        #expect((root["diagnostics"] as? [Any])?.count == 3)
    }

    /// A report is made to be mailed: without base_url it links to no local file.
    @Test func reportPrintsMarkdownAndWritesFilesWithoutLocalLinks() throws {
        let markdown = try Self.run(["report", Self.mixed, "--today", "2027-02-17"])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.stdout.hasPrefix("# Knowledge base: alignment report\n"))
        #expect(markdown.stdout.contains("**Work aligned: 1 of 2 (50%)**"))
        #expect(!markdown.stdout.contains("pricing.md)") && markdown.stdout.contains("Usage-based pricing"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bearing-cli-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("report.html").path
        let html = try Self.run(["report", Self.mixed, "--today", "2027-02-17", "--format", "html", "-o", file])
        #expect(html.status == 0)
        #expect(html.stdout.isEmpty)
        let written = try String(contentsOfFile: file, encoding: .utf8)
        #expect(written.hasPrefix("<!doctype html>"))
        #expect(!written.contains("<script"))
        #expect(!written.contains("pricing.md\"") && written.contains("Usage-based pricing"))
        let json = try Self.run(["report", Self.mixed, "--today", "2027-02-17", "--format", "json", "--person", "maria"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(root["person"] as? String == "maria")
        #expect((root["summary"] as? [String: Any])?["errors"] as? Int == 1)
    }

    /// `adopt` on a copy of a decision log: `--dry-run` writes nothing and prints the file; the
    /// real run writes exactly that and nothing else; a second run refuses and leaves it as it
    /// is; `check` then reports no unknown status.
    @Test func adoptWritesABearingYmlOnceAndCheckThenKnowsEveryStatus() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bearing-adopt-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: Self.testsRoot.appendingPathComponent("Fixtures/adopt").path, toPath: root.path)
        defer { try? FileManager.default.removeItem(at: root) }
        func files() throws -> [String: Data] {
            var result: [String: Data] = [:]
            for case let path as String in FileManager.default.enumerator(atPath: root.path)! {
                let url = root.appendingPathComponent(path)
                if (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true { result[path] = try Data(contentsOf: url) }
            }
            return result
        }
        let before = try files()
        let configuration = root.appendingPathComponent("bearing.yml")

        let dry = try Self.run(["adopt", root.path, "--today", "2027-02-17", "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(try files() == before)
        #expect(dry.stdout.hasPrefix("# Written by `bearing adopt` on 2027-02-17"))
        #expect(dry.stderr.contains("5 decisions in docs/adr and 1 folder below it: 1 accepted, 2 unknown, 2 state no status"), "\(dry.stderr)")

        let first = try Self.run(["adopt", root.path, "--today", "2027-02-17"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("1 unknown status word, mapped in bearing.yml: `queued` → proposed (2 files)"), "\(first.stdout)")
        // Mapped to proposed, the two dated decisions wait for a decision: check says so, and adopt said it would.
        #expect(first.stdout.contains("Then `bearing check` reports: 2 pending-decision (warnings)\n"), "\(first.stdout)")
        #expect(first.stdout.hasSuffix("Wrote \(root.path)/bearing.yml: review it, then run bearing check.\n"))
        let written = try Data(contentsOf: configuration)
        #expect(String(decoding: written, as: UTF8.self) == dry.stdout)
        #expect(String(decoding: written, as: UTF8.self).contains("  - /docs/adr/template/"))
        var after = try files()
        after["bearing.yml"] = nil
        #expect(after == before)

        let second = try Self.run(["adopt", root.path, "--today", "2027-02-17"])
        #expect(second.status == 1)
        #expect(second.stderr.contains("bearing.yml' already exists: not overwritten"), "\(second.stderr)")
        #expect(try Data(contentsOf: configuration) == written)
        let dryAgain = try Self.run(["adopt", root.path, "--today", "2027-02-17", "--dry-run"])
        #expect(dryAgain.status == 1)

        let check = try Self.run(["check", root.path, "--today", "2027-02-17"])
        #expect(!check.stdout.contains("unknown-status"), "\(check.stdout)")
        #expect(check.stdout.split(separator: "\n").filter { $0.hasSuffix("[pending-decision]") }.count == 2, "\(check.stdout)")
        #expect(!check.stdout.contains("template"), "\(check.stdout)")
        #expect(!check.stdout.contains("unknown-config-key"), "\(check.stdout)")
    }

    @Test func theSourceFolderIsNeverWritten() throws {
        func listing() throws -> [String: Date] {
            var result: [String: Date] = [:]
            let enumerator = FileManager.default.enumerator(atPath: Self.mixed)
            while let path = enumerator?.nextObject() as? String {
                let attributes = try FileManager.default.attributesOfItem(atPath: Self.mixed + "/" + path)
                result[path] = attributes[.modificationDate] as? Date
            }
            return result
        }
        let before = try listing()
        _ = try Self.run(["check", Self.mixed, "--today", "2027-02-17", "--format", "json"])
        _ = try Self.run(["export", Self.mixed, "--today", "2027-02-17"])
        _ = try Self.run(["report", Self.mixed, "--today", "2027-02-17", "--format", "html"])
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("bearing-cli-\(UUID().uuidString)").path
        _ = try Self.run(["build", Self.mixed, "-o", site, "--today", "2027-02-17"])
        #expect(try listing() == before)
    }

    @Test func buildExitsZeroOrTwoOrOneWithFailOnAndReplacesTheOutputAtomically() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("bearing-cli-\(UUID().uuidString)")
        let site = base.appendingPathComponent("site").path
        // A stale file in a previous site disappears: the new site replaces the folder.
        try FileManager.default.createDirectory(atPath: site + "/_bearing", withIntermediateDirectories: true)
        try "old".write(toFile: site + "/stale.html", atomically: false, encoding: .utf8)
        let clean = try Self.run(["build", Self.northwind, "-o", site, "--today", "2027-02-17"])
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(clean.stdout.isEmpty)
        #expect(clean.stderr.contains("built ") && clean.stderr.contains("0 errors, 4 warnings"))
        #expect(FileManager.default.fileExists(atPath: site + "/index.html"))
        #expect(!FileManager.default.fileExists(atPath: site + "/stale.html"))
        // Beside the site: the build cache only, no staging folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path).sorted() == [".bearing-cache", "site"])
        // Content errors: the site is still built, the errors are listed (as seen from here) and the status is 0.
        try FileManager.default.removeItem(atPath: site + "/index.html")
        let errors = try Self.run(["build", Self.mixed, "-o", site, "--today", "2027-02-17", "--quiet"])
        #expect(errors.status == 0, "\(errors.stderr)")
        #expect(errors.stderr == "\(Self.mixed)/briefs/pricing.md:3:19: error: unresolved reference 'g-missing' [unresolved-reference]\n")
        #expect(FileManager.default.fileExists(atPath: site + "/index.html"))
        // --fail-on: status 1 for problems of that severity (warnings: warnings or errors, all listed); the site is built.
        try FileManager.default.removeItem(atPath: site + "/index.html")
        let failing = try Self.run(["build", Self.mixed, "-o", site, "--today", "2027-02-17", "--quiet", "--fail-on", "errors"])
        #expect(failing.status == 1)
        #expect(FileManager.default.fileExists(atPath: site + "/index.html"))
        let warnings = try Self.run(["build", Self.northwind, "-o", site, "--today", "2027-02-17", "--quiet", "--fail-on", "warnings"])
        #expect(warnings.status == 1)
        #expect(warnings.stderr.components(separatedBy: ": warning: ").count == 5)
        #expect(try Self.run(["build", Self.northwind, "-o", site, "--today", "2027-02-17", "--quiet", "--fail-on", "errors"]).status == 0)
        #expect(try Self.run(["build", Self.northwind, "-o", site, "--fail-on", "notes"]).status == 2)
        // The knowledge base itself, or a folder holding it, is refused as the output.
        for output in [Self.mixed, Self.mixed + "/.."] {
            let refused = try Self.run(["build", Self.mixed, "-o", output, "--today", "2027-02-17"])
            #expect(refused.status == 2)
            #expect(refused.stderr.contains("is the knowledge base or holds it"))
        }
        #expect(FileManager.default.fileExists(atPath: Self.mixed + "/goals"))
    }

    @Test func buildNeverReplacesWhatIsNotASite() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("bearing-cli-\(UUID().uuidString)")
        // A copy of a knowledge base, with a link to it.
        let kb = base.appendingPathComponent("kb")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.mixed, toPath: kb.path)
        let link = base.appendingPathComponent("link").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: kb.path)
        let notes = base.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        try "mine".write(to: notes.appendingPathComponent("todo.txt"), atomically: false, encoding: .utf8)
        let file = base.appendingPathComponent("file.txt").path
        try "mine".write(toFile: file, atomically: false, encoding: .utf8)
        let cases: [(output: String, source: String, message: String)] = [
            (kb.path + "/goals", kb.path, "is inside the knowledge base"),      // a folder of the KB
            (kb.path + "/public", kb.path, "is inside the knowledge base"),     // a new folder in the KB but not its output
            (kb.path, link, "is the knowledge base or holds it"),               // the KB through a symbolic link
            (notes.path, kb.path, "is not a site built by Bearing"),            // someone's folder
            (file, kb.path, "is not a site built by Bearing"),                  // a file
        ]
        for (output, source, message) in cases {
            let refused = try Self.run(["build", source, "-o", output, "--today", "2027-02-17"])
            #expect(refused.status == 2, "\(output)")
            #expect(refused.stderr.contains(message), "\(output): \(refused.stderr)")
        }
        #expect(FileManager.default.fileExists(atPath: kb.path + "/goals"))
        #expect((try? String(contentsOfFile: notes.path + "/todo.txt", encoding: .utf8)) == "mine")
        #expect((try? String(contentsOfFile: file, encoding: .utf8)) == "mine")
        // Without -o, the site goes to the knowledge base's _site folder, which is not read back.
        let first = try Self.run(["build", kb.path, "--today", "2027-02-17", "--quiet"])
        #expect(first.status == 0)
        #expect(FileManager.default.fileExists(atPath: kb.path + "/_site/index.html"))
        let again = try Self.run(["build", kb.path, "--today", "2027-02-17", "--quiet"])
        #expect(again.status == 0)
        #expect(!FileManager.default.fileExists(atPath: kb.path + "/_site/_site"))
    }

    @Test func diffComparesRevisionsAndFailsOnNewProblems() throws {
        let repo = FileManager.default.temporaryDirectory.appendingPathComponent("bearing-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: repo.appendingPathComponent("goals"), withIntermediateDirectories: true)
        func git(_ arguments: String...) throws {
            let result = try Self.execute("/usr/bin/git", ["-C", repo.path, "-c", "user.name=Ann", "-c", "user.email=ann@example.com"] + arguments)
            #expect(result.status == 0, "git \(arguments): \(result.stderr)")
        }
        try "---\nstatus: active\n---\n# Grow\n".write(to: repo.appendingPathComponent("goals/g.md"), atomically: false, encoding: .utf8)
        try git("init", "-q", "-b", "main")
        try git("add", "-A")
        try git("commit", "-q", "-m", "base")
        try "---\nstatus: active\nparent: nowhere\n---\n# Grow\n".write(to: repo.appendingPathComponent("goals/g.md"), atomically: false, encoding: .utf8)
        let md = try Self.run(["diff", "HEAD", "-C", repo.path, "--today", "2027-02-17"])
        #expect(md.status == 0)
        #expect(md.stdout.hasPrefix("## Bearing: what this change does to alignment\n\n`HEAD` → `work tree`\n"))
        #expect(md.stdout.contains("- **Problems:** 1 new error, 0 new warnings, 0 fixed"))
        let failing = try Self.run(["diff", "HEAD", "-C", repo.path, "--today", "2027-02-17", "--fail-on", "errors", "--format", "github"])
        #expect(failing.status == 1)
        #expect(failing.stdout.hasPrefix("::error file=goals/g.md,line=3,col=9,title=unresolved-reference::"))
        let json = try Self.run(["diff", "HEAD", "HEAD", "-C", repo.path, "--today", "2027-02-17", "--format", "json", "--fail-on", "warnings"])
        #expect(json.status == 0)
        #expect(json.stdout.contains("\"format\": \"bearing-diff\""))
        let unknown = try Self.run(["diff", "no-such-branch", "-C", repo.path])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("git does not know the revision 'no-such-branch'"))
    }

    @Test func statusChangesOneLineOfTheFile() throws {
        let kb = FileManager.default.temporaryDirectory.appendingPathComponent("bearing-status-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: Self.northwind, toPath: kb.path)
        let path = kb.appendingPathComponent("briefs/portal-card-payments.md").path
        let before = try String(contentsOfFile: path, encoding: .utf8)
        let changed = try Self.run(["status", "portal-card-payments", "approved", "-C", kb.path, "--today", "2027-02-17", "--force"])
        #expect(changed.status == 0)
        #expect(changed.stdout == "briefs/portal-card-payments.md: in-review → approved\n")
        let after = try String(contentsOfFile: path, encoding: .utf8)
        // The status line, and `updated:` since the file keeps one.
        let updated = try #require(before.split(separator: "\n").first { $0.hasPrefix("updated: ") })
        #expect(after == before.replacingOccurrences(of: "status: in-review", with: "status: approved")
            .replacingOccurrences(of: String(updated), with: "updated: 2027-02-17"))
        let refused = try Self.run(["status", "portal-card-payments", "shipped", "-C", kb.path])
        #expect(refused.status == 2)
        #expect(refused.stderr == "error: 'shipped' is not a status of this workflow: draft, in-review, approved, in-progress, done, dropped\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == after)
    }

    @Test func initStartsAKnowledgeBaseThatPassesCheckAndNewAddsToIt() throws {
        let kb = FileManager.default.temporaryDirectory.appendingPathComponent("bearing-init-\(UUID().uuidString)/kb").path
        let started = try Self.run(["init", kb, "--today", "2027-02-17"])
        #expect(started.status == 0)
        #expect(started.stdout.split(separator: "\n").count == 7)
        #expect(started.stdout.contains(kb + "/.gitignore\n"))
        #expect(try Self.run(["check", kb, "--today", "2027-02-17"]).status == 0)
        let added = try Self.run(["new", "decision", "Use Postgres", "--goals", "g-first-goal", "-C", kb, "--today", "2027-02-17"])
        #expect(added.status == 0)
        #expect(added.stdout == kb + "/decisions/0002-use-postgres.md\n")
        let again = try Self.run(["new", "decision", "Record decisions", "-C", kb])
        #expect(again.status == 0 && again.stdout.hasSuffix("decisions/0003-record-decisions.md\n"))
        #expect(try Self.run(["check", kb, "--today", "2027-02-17"]).status == 0)
        let refused = try Self.run(["init", kb])
        #expect(refused.status == 2 && refused.stderr.contains("exists and is not empty"))
    }

    /// With no folder, a command takes the nearest folder upwards that holds a bearing.yml, else the
    /// current folder, and names files as seen from the current folder.
    @Test func commandsFindTheKnowledgeBaseUpwardsAndNameFilesFromTheCurrentFolder() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("bearing-find-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let kb = base.appendingPathComponent("kb").path, plain = base.appendingPathComponent("plain").path
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.mixed, toPath: kb)
        try FileManager.default.copyItem(atPath: Self.mixed, toPath: plain)
        try "title: Mixed\n".write(toFile: kb + "/bearing.yml", atomically: false, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: kb + "/briefs/drafts", withIntermediateDirectories: true)
        let today = ["--today", "2027-02-17"]
        let atRoot = try Self.run(["check"] + today, in: kb)
        #expect(atRoot.status == 1)
        #expect(atRoot.stdout == """
            briefs/pricing.md:3:19: error: unresolved reference 'g-missing' [unresolved-reference]
            briefs/pricing.md:4:1: warning: review of 'pricing' was due 2027-02-01 (16 days ago) and it is still in-review [overdue-review]
            decisions/0001-use-stripe.md:1:1: warning: decision '0001-use-stripe' serves no goal (add 'goals:') [orphan]

            """)
        for (folder, prefix) in [("briefs", "../"), ("briefs/drafts", "../../")] {
            let below = try Self.run(["check"] + today, in: kb + "/" + folder)
            #expect(below.status == 1)
            #expect(below.stdout == atRoot.stdout.split(separator: "\n").map { prefix + $0 + "\n" }.joined(), "from \(folder)")
            let json = try Self.run(["check", "--format", "json"] + today, in: kb + "/" + folder)
            let rows = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
            #expect(rows?.first?["path"] as? String == prefix + "briefs/pricing.md")
        }
        // build: the site goes to the knowledge base's own output folder; its errors named from here.
        let built = try Self.run(["build", "--quiet"] + today, in: kb + "/briefs")
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stderr == "../briefs/pricing.md:3:19: error: unresolved reference 'g-missing' [unresolved-reference]\n")
        #expect(FileManager.default.fileExists(atPath: kb + "/_site/index.html"))
        let report = try Self.run(["report"] + today, in: kb + "/briefs")
        #expect(report.status == 0 && report.stdout.contains("Usage-based pricing") && !report.stdout.contains("pricing.md)"))
        // new and status (-C) as well.
        let added = try Self.run(["new", "note", "Meeting notes"] + today, in: kb + "/briefs")
        #expect(added.status == 0 && added.stdout == "../notes/meeting-notes.md\n", "\(added.stderr)")
        #expect(FileManager.default.fileExists(atPath: kb + "/notes/meeting-notes.md"))
        let changed = try Self.run(["status", "pricing", "approved", "--force"], in: kb + "/briefs/drafts")
        #expect(changed.status == 0 && changed.stdout == "briefs/pricing.md: in-review → approved\n", "\(changed.stderr)")
        // Without a bearing.yml upwards: the current folder.
        #expect(try Self.run(["check"] + today, in: plain).stdout == atRoot.stdout)
        let inner = try Self.run(["check"] + today, in: plain + "/briefs")
        #expect(!inner.stdout.contains("../"), "\(inner.stdout)")
        #expect(!inner.stdout.contains("0001-use-stripe"))
    }
}

/// `bearing serve` from the command line: what stops it before it serves.
@Suite struct ServeCommandTests {
    @Test func aFolderThatIsNotAKnowledgeBaseOrABadPortStopsWithStatusTwo() throws {
        let missing = try CLITests.run(["serve", "/no/such/folder", "--no-git", "--port", "0"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("is not a folder"))
        let port = try CLITests.run(["serve", CLITests.northwind, "--port", "70000"])
        #expect(port.status == 2)
        #expect(port.stderr.contains("--port must be 0 to 65535"))
    }

    @Test func aPortInUseStopsTheSecondServerWithStatusTwo() throws {
        let first = Process()
        first.executableURL = URL(fileURLWithPath: CLITests.binary)
        first.arguments = ["serve", CLITests.northwind, "--no-git", "--digest-weeks", "0", "--port", "0"]
        let err = Pipe()
        first.standardError = err
        try first.run()
        defer { first.terminate(); first.waitUntilExit() }
        // The first line names the port it took.
        var banner = ""
        let deadline = Date().addingTimeInterval(30)
        while !banner.contains("\n"), Date() < deadline {
            banner += String(decoding: err.fileHandleForReading.availableData, as: UTF8.self)
        }
        #expect(banner.hasPrefix("serving 47 documents at http://127.0.0.1:"))
        let port = banner.split(separator: ":").dropFirst(2).first.map { String($0.prefix { $0.isNumber }) } ?? ""
        #expect(!port.isEmpty)
        let second = try CLITests.run(["serve", CLITests.northwind, "--no-git", "--digest-weeks", "0", "--port", port])
        #expect(second.status == 2)
        #expect(second.stderr == "error: port \(port) is in use: choose another with --port\n", "\(second.stderr)")
    }
}

extension CLITests {
    /// As bearing.yml's base_url: a javascript: address on the command line is refused, not published in the feed.
    @Test func buildRefusesABaseURLThatIsNotHTTP() throws {
        let result = try Self.run(["build", Self.mixed, "-o", FileManager.default.temporaryDirectory.appendingPathComponent("bearing-js-\(getpid())").path,
                                   "--base-url", "javascript:alert(1)//", "--no-git"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--base-url must be an http:// or https:// address"))
    }
}
