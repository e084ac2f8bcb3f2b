import Foundation
import Testing
@testable import BearingCore

/// `bearing serve` loads through a LoadCache: only changed files are parsed, only changed
/// documents resolved, the folder scanned only when files come or go. Whatever the edits, a
/// load through the cache must equal a load from scratch.
@Suite struct LoadCacheTests {
    static func load(_ root: String, cache: LoadCache?) async -> KnowledgeBaseLoader.Result {
        await KnowledgeBaseLoader.load(FolderFiles(root: root), today: Fixtures.today, markdown: .init(renderHTML: true),
                                       cache: cache, analyse: true)
    }

    static func markdownFiles(_ root: String) -> [String] {
        (FileManager.default.subpaths(atPath: root) ?? []).filter { $0.hasSuffix(".md") }.sorted()
    }

    /// One random edit of the kind people make; returns the paths it changed (as the watcher would).
    static func edit(_ root: String, step: Int, _ random: inout SeededRandom) throws -> Set<String> {
        let files = markdownFiles(root)
        let file = files.randomElement(using: &random)!
        let full = root + "/" + file
        var text = try String(contentsOfFile: full, encoding: .utf8)
        let titles = ["Reach break-even", "Alpha", "Onboarding concierge", "Use Postgres for ledger", "Beta \(step)"]
        switch Int.random(in: 0..<12, using: &random) {
        case 0:  // a new title, maybe one another document has (wikilinks by title then change)
            let title = titles.randomElement(using: &random)!
            if let line = text.split(separator: "\n", omittingEmptySubsequences: false).first(where: { $0.hasPrefix("title:") }) {
                text = text.replacingOccurrences(of: String(line), with: "title: \(title)")
            } else {
                text = "---\ntitle: \(title)\n---\n" + text
            }
        case 1:  // a wikilink to a title or an id
            let target = (titles + files.map { String($0.split(separator: "/").last!.dropLast(3)) }).randomElement(using: &random)!
            text += "\nSee [[\(target)]].\n"
        case 2:  // a new note, which may share a title or a file name
            let name = ["notes/extra-\(step).md", "notes/alpha.md", "briefs/alpha.md"].randomElement(using: &random)!
            try FileManager.default.createDirectory(atPath: root + "/" + (name as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try "---\ntitle: \(titles.randomElement(using: &random)!)\n---\n# Note\n\nLinks [[Alpha]] and [[onboarding-concierge]].\n"
                .write(toFile: root + "/" + name, atomically: true, encoding: .utf8)
            return [name]
        case 3:  // a file removed
            try FileManager.default.removeItem(atPath: full)
            return [file]
        case 4:  // a file renamed (its id changes with its name)
            let renamed = (file as NSString).deletingLastPathComponent + "/renamed-\(step).md"
            try FileManager.default.moveItem(atPath: full, toPath: root + "/" + renamed)
            return [file, renamed]
        case 5:  // a status or a goal changed in the front matter
            text = text.replacingOccurrences(of: "status: active", with: "status: achieved")
                .replacingOccurrences(of: "goals: [", with: "goals: [g-2027-break-even, ")
        case 6:  // broken front matter
            text = "---\ntitle: [unclosed\n---\n" + text
        case 7:  // the body alone: a paragraph, a link to another document
            let other = files.randomElement(using: &random)!
            let relative = String(repeating: "../", count: file.split(separator: "/").count - 1) + other
            text += "\nA new paragraph with [a link](\(relative.replacingOccurrences(of: " ", with: "%20"))).\n"
        case 8:  // who owns it, who reviews it, by when
            text = text.replacingOccurrences(of: "owner: ", with: "owner: ghost-\(step % 3)-")
                .replacingOccurrences(of: "review_by: ", with: "review_by: 2027-01-0\(step % 9 + 1)\nold_review_by: ")
        case 9:  // a goal's status and period, which the work under it reads
            text = text.replacingOccurrences(of: "status: achieved", with: "status: active")
                .replacingOccurrences(of: "period: 2027", with: "period: 2026")
        case 10:  // an editor's save: a temporary file written, then renamed over the file
            let temporary = full + ".tmp-\(step)"
            try (text + "\nSaved.\n").write(toFile: temporary, atomically: false, encoding: .utf8)
            try FileManager.default.removeItem(atPath: full)
            try FileManager.default.moveItem(atPath: temporary, toPath: full)
            return [file, file + ".tmp-\(step)"]
        default:  // a parent or a brief named by a decision
            text = text.replacingOccurrences(of: "parent: ", with: "parent: g-2027-break-even\nold_parent: ")
                .replacingOccurrences(of: "briefs: [", with: "briefs: [onboarding-concierge, ")
        }
        try text.write(toFile: full, atomically: true, encoding: .utf8)
        return [file]
    }

    @Test(arguments: [1, 2, 3]) func aLoadThroughTheCacheEqualsAFreshLoadAfterEveryEdit(seed: UInt64) async throws {
        let root = try PreviewSiteTests.copy(SiteTests.northwind)
        let cache = LoadCache()
        _ = await Self.load(root, cache: cache)
        var random = SeededRandom(seed: seed)
        for step in 0..<40 {
            let changed = try Self.edit(root, step: step, &random)
            cache.forget(changed, in: root)
            let cached = await Self.load(root, cache: cache)
            let fresh = await Self.load(root, cache: nil)
            #expect(cached.knowledgeBase.documents == fresh.knowledgeBase.documents, "step \(step): \(changed)")
            #expect(cached.knowledgeBase.backlinks == fresh.knowledgeBase.backlinks, "step \(step)")
            #expect(cached.diagnostics == fresh.diagnostics, "step \(step): \(changed)")
            #expect(cached.knowledgeBase.documents.map { cached.knowledgeBase.servedGoalIDs($0) }
                    == fresh.knowledgeBase.documents.map { fresh.knowledgeBase.servedGoalIDs($0) })
            #expect(cached.analysis.map(Self.summary) == fresh.analysis.map(Self.summary), "step \(step): \(changed)")
        }
        #expect(cache.count == Self.markdownFiles(root).count)
    }

    /// Every part of an analysis, comparable.
    static func summary(_ analysis: AlignmentAnalysis) -> [String] {
        [
            "\(analysis.directWork.sorted { $0.key < $1.key })", "\(analysis.workUnder.sorted { $0.key < $1.key })",
            "\(analysis.progress.sorted { $0.key < $1.key })", "\(analysis.coverage)", "\(analysis.coverageByHorizon)", "\(analysis.coverageByTeam)",
            "\(analysis.orphans)", "\(analysis.unsupportedGoals)", "\(analysis.servingFinishedGoals)", "\(analysis.overdueReviews)",
            "\(analysis.pendingDecisions)", "\(analysis.staleItems)", "\(analysis.brokenReferences)", "\(analysis.retiredReferences)",
            "\(analysis.responsibilities.sorted { $0.key < $1.key })",
        ] + analysis.chains.ids.indices.map { "\(analysis.chains.paths(at: $0))" }
    }

    /// The engine's update path is taken for the edits people make most (a title, a status, the
    /// body): the model is updated, not made anew, and the stages after it reuse their last results.
    @Test func anEditOfOneDocumentUpdatesTheModelInPlace() async throws {
        let root = try PreviewSiteTests.copy(SiteTests.northwind)
        let cache = LoadCache()
        _ = await Self.load(root, cache: cache)
        #expect(cache.model.lastGeneration()?.update == nil)
        let file = "briefs/onboarding-concierge.md"
        for (step, (find, replace)) in [("title: ", "title: Renamed "), ("status: ", "status: in-review\nold_status: "), ("## Problem", "A new line.\n\n## Problem")].enumerated() {
            let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
            try text.replacingOccurrences(of: find, with: replace).write(toFile: root + "/" + file, atomically: true, encoding: .utf8)
            cache.forget([file], in: root)
            let cached = await Self.load(root, cache: cache)
            let generation = try #require(cache.model.lastGeneration())
            #expect(generation.update?.from == generation.number - 1, "step \(step)")
            #expect(generation.update?.replaced.count == 1, "step \(step)")
            #expect(cached.diagnostics == (await Self.load(root, cache: nil)).diagnostics, "step \(step)")
        }
        // A new file: the model is made anew.
        try "---\ntitle: New\n---\n".write(toFile: root + "/notes/new.md", atomically: true, encoding: .utf8)
        cache.forget(["notes/new.md"], in: root)
        _ = await Self.load(root, cache: cache)
        #expect(cache.model.lastGeneration()?.update == nil)
    }

    @Test func aTitleChangeReresolvesTheWikilinksThatNameIt() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bearing-cache-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/notes", withIntermediateDirectories: true)
        try "---\ntitle: Alpha\n---\n".write(toFile: root + "/notes/a.md", atomically: true, encoding: .utf8)
        try "# B\n\nSee [[Alpha]].\n".write(toFile: root + "/notes/b.md", atomically: true, encoding: .utf8)
        let cache = LoadCache()
        let first = await Self.load(root, cache: cache)
        #expect(first.knowledgeBase.document("b")?.references.first?.target == "a")

        try "---\ntitle: Gamma\n---\n".write(toFile: root + "/notes/a.md", atomically: true, encoding: .utf8)
        cache.forget(["notes/a.md"], in: root)
        let second = await Self.load(root, cache: cache)
        #expect(second.knowledgeBase.document("b")?.references.first?.target == nil)
        #expect(second.diagnostics.contains { $0.location.path == "notes/b.md" && $0.rule == .unresolvedReference })

        try "---\ntitle: Alpha\n---\n".write(toFile: root + "/notes/c.md", atomically: true, encoding: .utf8)
        cache.forget(["notes/c.md"], in: root)
        let third = await Self.load(root, cache: cache)
        #expect(third.knowledgeBase.document("b")?.references.first?.target == "c")
    }

    @Test func aChangedSidecarIsReadAgainWithItsREADME() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bearing-cache-\(UUID().uuidString)").path
        let folder = root + "/keps/sig-node/281-dynamic-kubelet-config"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "# KEP-281: Dynamic Kubelet Configuration\n".write(toFile: folder + "/README.md", atomically: true, encoding: .utf8)
        try "status: implementable\n".write(toFile: folder + "/kep.yaml", atomically: true, encoding: .utf8)
        let cache = LoadCache()
        let first = await Self.load(root, cache: cache)
        #expect(first.knowledgeBase.document("281-dynamic-kubelet-config")?.status == "accepted")

        try "status: withdrawn\n".write(toFile: folder + "/kep.yaml", atomically: true, encoding: .utf8)
        cache.forget(["keps/sig-node/281-dynamic-kubelet-config/kep.yaml"], in: root)
        let second = await Self.load(root, cache: cache)
        #expect(second.knowledgeBase.document("281-dynamic-kubelet-config")?.status == "rejected")
    }
}
