import Foundation
import Testing
@testable import BearingCore

/// Real decision logs, RFCs and proposals from public projects (see Corpus): each repository
/// loads as a knowledge base of its own, at its top and with no bearing.yml, as a team would first
/// run `bearing check` on it. The expected values (Fixtures/corpus/expected/<repository>.tsv) were
/// written by reading the files, not by running Bearing.
@Suite(.enabled(if: Corpus.root != nil, Corpus.skipReason))
struct CorpusTests {
    /// A row of the expected table: what the file states.
    struct Row: CustomTestStringConvertible, Sendable {
        var path, type, title, status, stage, date, deciders, authors, successor: String
        var repository: String { String(path.prefix { $0 != "/" }) }
        /// The path inside its repository.
        var localPath: String { String(path.dropFirst(repository.count + 1)) }
        var testDescription: String { path }
    }

    static let rows: [Row] = Corpus.repositories.flatMap { repository -> [Row] in
        let url = Fixtures.root.appendingPathComponent("corpus/expected/\(repository).tsv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").dropFirst().filter { !$0.hasPrefix("#") }.map { line in
            var cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            cells += Array(repeating: "", count: max(0, 9 - cells.count))
            return Row(path: cells[0], type: cells[1], title: cells[2], status: cells[3], stage: cells[4],
                       date: cells[5], deciders: cells[6], authors: cells[7], successor: cells[8])
        }
    }

    /// The columns compared for a decision; a note is compared on type and title only.
    enum Column: String, CaseIterable, Sendable {
        case type, title, status, stage, date, deciders, authors, successor
    }

    /// Cells Bearing does not recover yet, each with the reason. A known limit that starts to
    /// pass fails the test, so that this list only ever shrinks.
    static let knownLimits: [String: String] = [
        "NixOS__rfcs/rfcs/0025-nix-core-team.md#successor":
            "named only in prose (\"This RFC is superseded by [RFC 44]\") under a `# Superseded!` heading",
        "alphagov__govuk-aws/docs/architecture/decisions/0003-aws-networking-outline.md#successor":
            "`Partly superseded`: the successor is named only in the Context section's prose",
        "cometbft__cometbft/docs/references/architecture/adr-100-data-companion-push-api.md#successor":
            "named only in a changelog entry (\"rejected in favour of ADR-101\")",
        "cometbft__cometbft/docs/references/architecture/adr-110-remote-mempool.md#successor":
            "\"Rejected in favour of ADR 111\": a rejection naming an alternative, not a supersession",
        "cometbft__cometbft/docs/references/architecture/tendermint-core/adr-019-multisigs.md#date":
            "its changelog mixes day-first and month-first dates; the unambiguous ones are read, the two that could be either are reported as ambiguous",
        "cometbft__cometbft/docs/references/architecture/tendermint-core/adr-071-proposer-based-timestamps.md#authors":
            "every handle in a changelog entry counts; the table credits only the writer, not the reviewer thanked in the same entry",
        "ethereum__EIPs/EIPS/eip-1706.md#successor":
            "named only in the prose of `withdrawal-reason`",
        "ethereum__EIPs/EIPS/eip-3338.md#successor":
            "named only in the prose of `withdrawal-reason`",
        "ethereum__EIPs/eip-template.md#stage":
            "read as a note (above), so `Draft` is the note workflow's draft",
        "ethereum__EIPs/eip-template.md#type":
            "a template at the repository top with only front matter and EIP sections: nothing marks it a record",
        "golang__proposal/design/43651-type-parameters.md#stage":
            "its `## Status` section is prose, not a status value",
        "golang__proposal/design/43651-type-parameters.md#status":
            "its `## Status` section is prose (\"has been proposed and accepted\"), not a status value",
        "golang__proposal/design/freeze-syscall.md#status":
            "a sentence (\"this proposal was [adopted for the Go 1.4 release]\"): kept as written; the stage, accepted, is read from it",
        "golang__proposal/design/go2draft-contracts.md#successor":
            "named only in the prose of a `## Superseded` section, by an absolute go.googlesource.com address",
        "kubernetes__enhancements/keps/sig-cloud-provider/2133-out-of-tree-credential-provider/README.md#successor":
            "named only in a YAML comment on the status line",
        "kubernetes__enhancements/keps/sig-cluster-lifecycle/kubeadm/1177-kubeadm-with-kustomize/README.md#successor":
            "named only in the README's prose",
        "kubernetes__enhancements/keps/sig-network/536-topology-aware-routing/README.md#successor":
            "named only in the README's prose",
        "kubernetes__enhancements/keps/sig-node/2625-cpumanager-policies-thread-placement/README.md#stage":
            "the typo `imlpemented` is reported as an unknown status (with the alias that would map it), never guessed",
        "nats-io__nats-architecture-and-design/adr/ADR-15.md#successor":
            "named only in a revision-history row (\"Deprecate in favor of ADR-37\")",
        "open-telemetry__oteps/text/trace/0059-otlp-trace-data-format.md#authors":
            "`Tigran Najaryan, Splunk`: a company with no Inc./Ltd. suffix reads as a second person",
    ]

    /// Each repository loaded once, shared by the tests.
    actor Cache {
        static let shared = Cache()
        private var loading: [String: Task<KnowledgeBaseLoader.Result, Error>] = [:]
        func load(_ path: String) async throws -> KnowledgeBaseLoader.Result {
            if let task = loading[path] { return try await task.value }
            let task = Task { try await KnowledgeBaseLoader.load(root: path, today: Fixtures.today) }
            loading[path] = task
            return try await task.value
        }
    }

    static func load(_ repository: String) async throws -> KnowledgeBaseLoader.Result {
        try await Cache.shared.load(try #require(Corpus.path(repository)))
    }

    @Test func tableCoversEveryRepository() {
        #expect(Corpus.repositories.count == 14)
        #expect(Self.rows.count > 500)
    }

    @Test(arguments: Corpus.repositories)
    func everyFileLoads(repository: String) async throws {
        let result = try await Self.load(repository)
        let expected = Set(Self.rows.filter { $0.repository == repository }.map(\.localPath))
        let loaded = Set(result.knowledgeBase.documents.map(\.path))
        #expect(loaded == expected)
        let parseProblems = result.diagnostics.filter { [.yamlSyntax, .frontMatter, .invalidUTF8].contains($0.rule) }
        #expect(parseProblems.isEmpty, "\(parseProblems)")
    }

    /// The value Bearing recovered for a column, in the table's terms.
    static func recovered(_ column: Column, of document: Document, in kb: KnowledgeBase) -> String {
        switch column {
        case .type: document.type.rawValue
        case .title: document.title
        case .status: document.statusText ?? document.status
        case .stage: kb.workflow(of: document).knows(document.status) ? document.status : ""
        case .date: document.decision?.date?.description ?? ""
        case .deciders: document.decision?.decisionMakers.joined(separator: ";") ?? ""
        case .authors: document.authors.joined(separator: ";")
        case .successor:
            document.references.first { $0.kind == .supersededBy }.map { reference in
                reference.target.flatMap { kb.document($0) }.map { successorName(of: $0.path) } ?? reference.written
            } ?? ""
        }
    }

    /// A KEP is a folder: its name stands for its README.md.
    static func successorName(of path: String) -> String {
        let stem = DocumentReader.stem(of: path)
        guard stem.lowercased() == "readme" else { return stem }
        return path.split(separator: "/").dropLast().last.map(String.init) ?? stem
    }

    /// Whether a recovered value matches the table's: statuses by their leading words, titles with
    /// or without a label prefix (`ADR 100: `, `KEP-281: `, `1. `), the rest exactly.
    static func matches(_ column: Column, expected: String, actual: String) -> Bool {
        func normal(_ text: String) -> String {
            text.lowercased().replacingOccurrences(of: "*", with: "").replacingOccurrences(of: "`", with: "")
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        switch column {
        case .status:
            return expected.isEmpty ? actual.isEmpty : normal(actual).hasPrefix(normal(expected))
        case .title:
            let (e, a) = (normal(expected), normal(actual))
            guard e != a else { return true }
            guard !a.isEmpty, e.hasSuffix(a) else { return false }
            let label = e.dropLast(a.count)
            return label.count <= 14 && (label.hasSuffix(": ") || label.hasSuffix(". ") || label.hasSuffix(" - "))
        case .successor:
            return normal(expected) == normal(actual)
        default:
            return expected == actual
        }
    }

    struct Miss: Sendable, CustomStringConvertible {
        var key: String
        var expected, actual: String
        var description: String { "\(key): expected '\(expected)', got '\(actual)'" }
    }

    /// Compares every cell; returns the cells compared and the misses.
    static func compare(_ repository: String) async throws -> (cells: Int, misses: [Miss]) {
        let kb = try await load(repository).knowledgeBase
        var cells = 0
        var misses: [Miss] = []
        for row in rows where row.repository == repository {
            guard let document = kb.documents.first(where: { $0.path == row.localPath }) else {
                misses.append(Miss(key: row.path, expected: "a document", actual: "none"))
                continue
            }
            let columns: [Column] = row.type == "decision" ? Column.allCases : [.type, .title]
            for column in columns {
                let expected = expectedValue(column, of: row)
                let actual = recovered(column, of: document, in: kb)
                cells += 1
                if !matches(column, expected: expected, actual: actual) {
                    misses.append(Miss(key: "\(row.path)#\(column.rawValue)", expected: expected, actual: actual))
                }
            }
        }
        return (cells, misses)
    }

    static func expectedValue(_ column: Column, of row: Row) -> String {
        switch column {
        case .type: row.type
        case .title: row.title
        case .status: row.status
        case .stage: row.stage
        case .date: row.date
        case .deciders: row.deciders
        case .authors: row.authors
        case .successor: row.successor
        }
    }

    @Test(arguments: Corpus.repositories)
    func recoversStatedMetadata(repository: String) async throws {
        let (_, misses) = try await Self.compare(repository)
        for miss in misses where Self.knownLimits[miss.key] == nil {
            Issue.record("\(miss)")
        }
        let missed = Set(misses.map(\.key))
        for key in Self.knownLimits.keys where key.hasPrefix(repository + "/") && !missed.contains(key) {
            Issue.record("\(key) is recovered now: remove it from knownLimits")
        }
    }

    @Test func recoversAtLeast95PercentOfCells() async throws {
        var cells = 0
        var missed = 0
        for repository in Corpus.repositories {
            let result = try await Self.compare(repository)
            cells += result.cells
            missed += result.misses.count
        }
        let share = Double(cells - missed) / Double(max(1, cells))
        print("corpus: \(cells - missed) of \(cells) cells recovered (\(String(format: "%.1f", share * 100))%)")
        #expect(share >= 0.95)
    }

    /// What `bearing check` says at the repository's top with no bearing.yml, as a golden file per
    /// repository (Fixtures/corpus/diagnostics/), each one explained in docs/adopting.md. None may be
    /// an alignment rule (no repository here has goals), and the only unknown status is a typo.
    @Test(arguments: Corpus.repositories)
    func diagnosticsAreRealFindings(repository: String) async throws {
        let result = try await Self.load(repository)
        let kb = result.knowledgeBase
        #expect(!result.diagnostics.contains { [.orphan, .servesFinishedGoal, .stale].contains($0.rule) })
        for diagnostic in result.diagnostics where diagnostic.rule == .unknownStatus {
            #expect(diagnostic.message.hasPrefix("status 'imlpemented'"), "\(diagnostic.message)")
        }
        for diagnostic in result.diagnostics where diagnostic.rule == .pendingDecision {
            let document = try #require(kb.documents.first { $0.path == diagnostic.location.path })
            #expect(document.awaitsDecision && document.decision?.date != nil, "\(document.path)")
        }
        Golden.assert(DiagnosticFormat.text.render(result.diagnostics, pathPrefix: ""), matches: "corpus/diagnostics/\(repository).txt")
    }

    /// `bearing check docs/adr` reads what `bearing check .` reads: the same types and statuses.
    @Test(arguments: Corpus.repositories)
    func theDecisionFolderReadsLikeTheTop(repository: String) async throws {
        let top = try await Self.load(repository).knowledgeBase
        let decisions = top.documents.filter { $0.type == .decision }
        // The folder that holds the most decisions.
        let folders = Dictionary(grouping: decisions) { $0.path.split(separator: "/").dropLast().joined(separator: "/") }
        guard let (folder, _) = folders.max(by: { ($0.value.count, $1.key) < ($1.value.count, $0.key) }), !folder.isEmpty else { return }
        let inner = try await KnowledgeBaseLoader.load(root: try #require(Corpus.path(repository)) + "/" + folder, today: Fixtures.today).knowledgeBase
        for document in inner.documents {
            let outer = try #require(top.documents.first { $0.path == folder + "/" + document.path })
            #expect(document.type == outer.type, "\(outer.path)")
            #expect(document.status == outer.status && document.statusText == outer.statusText, "\(outer.path)")
            #expect(document.decision?.date == outer.decision?.date, "\(outer.path)")
        }
    }
}
