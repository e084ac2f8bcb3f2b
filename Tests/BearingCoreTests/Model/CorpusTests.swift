import Foundation
import Testing
@testable import BearingCore

/// Real decision records from public projects (../shared/corpus): every file loads, and the
/// status, date, decision-makers and successor each file states are recovered. The expected
/// values (Fixtures/corpus/expected.tsv) were written by reading the files.
@Suite struct CorpusTests {
    struct Row: CustomTestStringConvertible, Sendable {
        var path, status, date, decisionMakers, supersededBy: String
        var testDescription: String { path }
    }

    static let rows: [Row] = {
        guard let text = try? String(contentsOf: Fixtures.root.appendingPathComponent("corpus/expected.tsv"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").dropFirst().map { line in
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Row(path: cells[0], status: cells[1], date: cells[2], decisionMakers: cells[3], supersededBy: cells[4])
        }
    }()

    /// Loaded once and shared by the parameterised tests.
    actor Cache {
        static let shared = Cache()
        // A task, not a value: callers arriving while it loads wait for the same load.
        private var loading: Task<KnowledgeBaseLoader.Result, Error>?
        func corpus() async throws -> KnowledgeBaseLoader.Result {
            if let loading { return try await loading.value }
            let task = Task { try await KnowledgeBaseLoader.load(root: Fixtures.corpus.path, today: Fixtures.today) }
            loading = task
            return try await task.value
        }
    }

    @Test func everyFileLoads() async throws {
        let result = try await Cache.shared.corpus()
        #expect(result.knowledgeBase.documents.count == Self.rows.count)
        #expect(Self.rows.count > 200)
        // Content problems only: nothing from reading or parsing the files.
        let parseProblems = result.diagnostics.filter { [.yamlSyntax, .frontMatter, .invalidUTF8].contains($0.rule) }
        #expect(parseProblems.isEmpty, "\(parseProblems)")
    }

    @Test(arguments: rows)
    func recoversStatedMetadata(row: Row) async throws {
        let kb = try await Cache.shared.corpus().knowledgeBase
        let document = try #require(kb.documents.first { $0.path == row.path })
        if row.status.isEmpty {
            #expect(document.status == kb.workflow(of: document).initial)
        } else {
            #expect(document.status == row.status)
        }
        let date = document.type == .decision ? document.decision?.date : document.created
        #expect((date?.description ?? "") == row.date)
        #expect((document.decision?.decisionMakers ?? []).joined(separator: ";") == row.decisionMakers)
        let successor = document.references.first { $0.kind == .supersededBy }
        if row.supersededBy.isEmpty {
            #expect(successor == nil)
        } else {
            let reference = try #require(successor)
            let targetStem = reference.target.flatMap { kb.document($0) }.map { DocumentReader.stem(of: $0.path) }
            #expect([reference.written, reference.target, targetStem].contains(row.supersededBy))
        }
    }
}
