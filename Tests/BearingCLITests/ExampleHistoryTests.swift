import Foundation
import Testing

/// `examples/make-history.sh` gives the Northwind example a git history; the digest of its last
/// complete week before the demo's today (2027-W06) shows the week the script tells, and the
/// last commit holds exactly the example's files.
@Suite struct ExampleHistoryTests {
    static let binary = CLITests.binary
    static let script = CLITests.packageRoot.appendingPathComponent("examples/make-history.sh").path
    static let northwind = CLITests.packageRoot.appendingPathComponent("examples/northwind")

    static func run(_ executable: String, _ arguments: [String]) throws -> CLITests.Run {
        try CLITests.execute(executable, arguments)
    }

    /// A new repository made by the script, in a temporary folder (removed by the caller).
    static func makeHistory() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bearing-history-\(UUID().uuidString)")
        let result = try run(script, [folder.path])
        #expect(result.status == 0, "make-history.sh failed: \(result.stderr)")
        return folder
    }

    /// Ids of the entries of a list of digest items (`{document: {id}}` objects).
    static func ids(_ value: Any?) -> [String] {
        (value as? [[String: Any]] ?? []).compactMap { ($0["document"] as? [String: Any])?["id"] as? String }
    }

    @Test func digestOfTheDemoWeekShowsTheScriptedWeek() throws {
        let repo = try Self.makeHistory()
        defer { try? FileManager.default.removeItem(at: repo) }
        let result = try Self.run(Self.binary, ["digest", repo.path, "--today", "2027-02-17", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let digest = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])

        #expect(digest["period"] as? String == "2027-W06")
        #expect(digest["since"] as? String == "2027-02-08")
        #expect(digest["until"] as? String == "2027-02-14")
        #expect(digest["source"] as? String == "git")

        // Decisions made: 0012 accepted on Thursday; 0010 changed but is still proposed.
        #expect(Self.ids(digest["decisions"]) == ["0012-self-host-feature-flags-with-unleash"])
        #expect((digest["decisions"] as? [[String: Any]])?.first?["note"] as? String == "2027-02-11")

        // Status transitions of documents that existed on Monday.
        let transitions = (digest["status_changes"] as? [[String: Any]] ?? []).compactMap { change -> String? in
            guard let id = (change["document"] as? [String: Any])?["id"] as? String,
                  let from = change["from"] as? String, let to = change["to"] as? String else { return nil }
            return "\(id): \(from) → \(to)"
        }
        #expect(Set(transitions) == [
            "0012-self-host-feature-flags-with-unleash: proposed → accepted",
            "dunning-automation: in-review → approved",
            "office-move-checklist: draft → in-progress",
            "usage-based-pricing: draft → in-review",
        ])

        // Goal progress, in whole percent.
        var progress: [String: String] = [:]
        for change in digest["progress_changes"] as? [[String: Any]] ?? [] {
            guard let id = (change["document"] as? [String: Any])?["id"] as? String else { continue }
            progress[id] = "\((change["from"] as? Int).map(String.init) ?? "?") → \((change["to"] as? Int).map(String.init) ?? "?")"
        }
        #expect(progress == [
            "g-2027-q1-churn-saves": "33 → 50",          // 4 → 6 red accounts saved
            "g-2027-q1-driver-adoption": "35 → 39",      // 7 → 9 depots trained
            "g-2027-q1-dso": "31 → 46",                  // DSO 50 → 49 days, 28 → 31 % paid online
            "g-2027-q1-offline-mode": "25 → 40",         // set by hand after the spike
            "g-2027-q1-usage-pricing": "20 → 25",        // set by hand, brief in review
        ])

        // Changes grouped by goal: the new documents, and what changed in the others.
        var lines: [String: [String: String]] = [:]   // goal (or "-") → document → what
        for group in digest["groups"] as? [[String: Any]] ?? [] {
            let goal = (group["goal"] as? [String: Any])?["id"] as? String ?? "-"
            for change in group["changes"] as? [[String: Any]] ?? [] {
                guard let id = (change["document"] as? [String: Any])?["id"] as? String else { continue }
                lines[goal, default: [:]][id] = change["what"] as? String
            }
        }
        #expect(lines["g-2027-w06-offline-sync-spike"] == ["g-2027-w06-offline-sync-spike": "added"])
        #expect(lines["g-2027-w06-save-calls"] == ["g-2027-w06-save-calls": "added"])
        #expect(lines["g-2027-q1-infra-cost"]?["rds-rightsizing"] == "added")
        // `updated:` is bookkeeping, not a change.
        #expect(lines["g-2027-q1-dso"]?["g-2027-q1-dso"] == "key_results, body")
        #expect(lines["g-2027-q1-portal-reliability"]?["0012-self-host-feature-flags-with-unleash"] == "date, status, body")
        #expect(lines["g-2027-q1-offline-mode"]?["0004-use-sqlite-on-device-for-offline-queue"] == "body")
        #expect(lines["-"] == ["office-move-checklist": "status, body", "weekly-planning": "body"])
        #expect(lines["g-2027-w07-checkout-p95"] == nil)   // next week's goals are not in this week

        // Reviews due in W07, and what was late at the end of W06.
        #expect(Self.ids(digest["reviews_due"]) == ["rds-rightsizing"])
        #expect(Set(Self.ids(digest["late"])) == ["portal-card-payments", "0011-offer-annual-prepay-discount"])

        // Who committed in the week, the most active first.
        let contributors = (digest["contributors"] as? [[String: Any]] ?? []).compactMap { contributor -> String? in
            guard let name = contributor["name"] as? String, let commits = contributor["commits"] as? Int else { return nil }
            return "\(name) (\(commits))"
        }
        #expect(contributors == [
            "Aisha Bello (2)", "Hannah Schmidt (2)", "Kenji Sato (2)", "María López (2)", "Nadia Petrova (2)",
            "Daniel O'Brien (1)", "Fatima Haddad (1)", "Olga Nowak (1)", "Priya Raman (1)",
        ])
    }

    @Test func lastCommitIsTheExampleAndHistoryIsClean() throws {
        let repo = try Self.makeHistory()
        defer { try? FileManager.default.removeItem(at: repo) }
        let manager = FileManager.default
        func files(under root: URL) -> [String] {
            let paths = manager.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
            return paths.filter { path in
                var isFolder: ObjCBool = false
                return !path.hasPrefix(".git") && !path.hasPrefix("_site")
                    && manager.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isFolder) && !isFolder.boolValue
            }.sorted()
        }
        let expected = files(under: Self.northwind)
        #expect(expected.count > 40)
        #expect(files(under: repo) == expected)
        for path in expected {
            var original = try Data(contentsOf: Self.northwind.appendingPathComponent(path))
            if path == "bearing.yml" {
                // The scripted repository is the example's history: its bearing.yml has no `history: off` (nor its comment).
                let lines = String(decoding: original, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                let kept = lines.filter { !$0.hasPrefix("history: off") && !$0.hasPrefix("# This example sits inside") && !$0.hasPrefix("# Its history is built") }
                original = Data(kept.joined(separator: "\n").utf8)
            }
            let built = try Data(contentsOf: repo.appendingPathComponent(path))
            #expect(built == original, "\(path) differs from examples/northwind")
        }
        // Committed, not just left in the work tree.
        let status = try Self.run("/usr/bin/git", ["-C", repo.path, "status", "--porcelain"])
        #expect(status.status == 0 && status.stdout.isEmpty)
        let log = try Self.run("/usr/bin/git", ["-C", repo.path, "log", "--format=%ad", "--date=short"])
        let days = log.stdout.split(separator: "\n").map(String.init)
        #expect(days.first == "2027-02-17")
        #expect(days.last == "2027-01-08")
        #expect(days == days.sorted(by: >))   // dated in order
        // With its dates from git, the repository checks like the example.
        let check = try Self.run(Self.binary, ["check", repo.path, "--today", "2027-02-17"])
        #expect(check.stderr.contains("0 errors, 4 warnings"))
    }
}
