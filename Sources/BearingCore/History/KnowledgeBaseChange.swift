/// What a change does to the knowledge base's alignment (SPEC §6, `bearing diff`): two states
/// of it compared, document by document (by id), with their diagnostics and analyses.
public struct KnowledgeBaseChange: Sendable, Encodable {
    public var format = "bearing-diff"
    public var version = 1
    public var base: String
    public var head: String
    public var added: [Entry]
    public var removed: [Entry]
    public var renamed: [Renamed]
    public var changed: [Changed]
    public var status_changes: [StatusChange]
    public var progress_changes: [ProgressChange]
    public var new_orphans: [Entry]
    public var resolved_orphans: [Entry]
    public var new_diagnostics: [Problem]
    public var fixed_diagnostics: [Problem]
    public var coverage: CoverageChange

    public struct Entry: Sendable, Encodable, Hashable {
        public var id: String
        public var title: String
        public var type: String
        public var status: String
        public var path: String
        /// Where to read it: its page under `base_url` (the digest sets it when the page exists); absent otherwise.
        public var link: String?

        init(_ document: Document) {
            (id, title, type, status, path) = (document.id, document.title, document.type.rawValue, document.statusLabel, document.path)
        }
    }

    public struct Renamed: Sendable, Encodable, Hashable {
        /// The id now (a file name that changed changes the id).
        public var id: String
        public var title: String
        public var from: String
        public var to: String
    }

    public struct Changed: Sendable, Encodable, Hashable {
        public var document: Entry
        /// Front matter keys whose value changed (added or removed too), then `body`.
        public var fields: [String]
    }

    public struct StatusChange: Sendable, Encodable, Hashable {
        public var document: Entry
        public var from: String
        public var to: String
    }

    public struct ProgressChange: Sendable, Encodable, Hashable {
        public var document: Entry
        /// Percentages, nil when unknown.
        public var from: Int?
        public var to: Int?
    }

    public struct Problem: Sendable, Encodable, Hashable {
        public var path: String
        public var line: Int
        public var column: Int
        public var severity: String
        public var rule: String
        public var message: String
    }

    public struct CoverageChange: Sendable, Encodable, Hashable {
        public var work_before: String
        public var work_after: String
        public var goals_before: String
        public var goals_after: String
    }

    /// One side of the comparison.
    public struct State: Sendable {
        public var label: String
        public var kb: KnowledgeBase
        public var diagnostics: [Diagnostic]
        public var analysis: AlignmentAnalysis

        public init(label: String, kb: KnowledgeBase, diagnostics: [Diagnostic], analysis: AlignmentAnalysis) {
            self.label = label
            self.kb = kb
            self.diagnostics = diagnostics
            self.analysis = analysis
        }

        /// The knowledge base in `files` (a revision, a folder), loaded and analysed as of `today`.
        public static func load(_ files: some KnowledgeBaseFiles, label: String, today: Day) async -> State {
            let result = await KnowledgeBaseLoader.load(files, today: today)
            let analysis = await AlignmentAnalysis.make(result.knowledgeBase, diagnostics: result.diagnostics, today: today)
            return State(label: label, kb: result.knowledgeBase, diagnostics: result.diagnostics, analysis: analysis)
        }
    }

    public var isEmpty: Bool {
        added.isEmpty && removed.isEmpty && renamed.isEmpty && changed.isEmpty && new_diagnostics.isEmpty && fixed_diagnostics.isEmpty
    }

    /// How many new diagnostics have this severity.
    public func newCount(_ severity: Severity) -> Int { new_diagnostics.filter { $0.severity == severity.rawValue }.count }

    public init(from before: State, to after: State) {
        base = before.label
        head = after.label
        let entry = Entry.init
        var added: [Entry] = [], removed: [Entry] = [], renamed: [Renamed] = [], changed: [Changed] = []
        var statuses: [StatusChange] = [], progress: [ProgressChange] = []
        for document in after.kb.documents {
            guard let old = before.kb.document(document.id) else { added.append(entry(document)); continue }
            if old.path != document.path { renamed.append(Renamed(id: document.id, title: document.title, from: old.path, to: document.path)) }
            let fields = Self.changedFields(old, document)
            if !fields.isEmpty { changed.append(Changed(document: entry(document), fields: fields)) }
            if old.status != document.status { statuses.append(StatusChange(document: entry(document), from: old.statusLabel, to: document.statusLabel)) }
            if document.type == .goal {
                let from = before.analysis.progress[old.id]?.value.map(Percent.whole)
                let to = after.analysis.progress[document.id]?.value.map(Percent.whole)
                if from != to { progress.append(ProgressChange(document: entry(document), from: from, to: to)) }
            }
        }
        for document in before.kb.documents where after.kb.document(document.id) == nil { removed.append(entry(document)) }
        // A file renamed without other change gets a new id (ids come from file names): a removed
        // and an added document with the same type, front matter and body are one renamed document.
        for (i, gone) in removed.enumerated().reversed() {
            guard let old = before.kb.document(gone.id),
                  let match = added.firstIndex(where: { new in
                      after.kb.document(new.id).map { $0.type == old.type && Self.changedFields(old, $0).isEmpty } ?? false
                  }) else { continue }
            renamed.append(Renamed(id: added[match].id, title: added[match].title, from: gone.path, to: added[match].path))
            added.remove(at: match)
            removed.remove(at: i)
        }
        renamed.sort { $0.to < $1.to }
        (self.added, self.removed, self.renamed, self.changed) = (added, removed, renamed, changed)
        (status_changes, progress_changes) = (statuses, progress)

        let oldOrphans = Set(before.analysis.orphans.map { $0.lowercased() })
        let newOrphans = Set(after.analysis.orphans.map { $0.lowercased() })
        new_orphans = after.analysis.orphans.filter { !oldOrphans.contains($0.lowercased()) }.compactMap { after.kb.document($0).map(entry) }
        resolved_orphans = before.analysis.orphans.filter { !newOrphans.contains($0.lowercased()) }.compactMap { before.kb.document($0).map(entry) }

        func problems(_ diagnostics: [Diagnostic]) -> [Problem] {
            diagnostics.map { Problem(path: $0.location.path, line: $0.location.line, column: $0.location.column,
                                      severity: $0.severity.rawValue, rule: $0.rule.rawValue, message: $0.message) }
        }
        new_diagnostics = problems(Diagnostic.new(in: after.diagnostics, since: before.diagnostics))
        fixed_diagnostics = problems(Diagnostic.new(in: before.diagnostics, since: after.diagnostics))
        coverage = CoverageChange(work_before: ReportBuilder.share(before.analysis.coverage.work).text,
                                  work_after: ReportBuilder.share(after.analysis.coverage.work).text,
                                  goals_before: ReportBuilder.share(before.analysis.coverage.goals).text,
                                  goals_after: ReportBuilder.share(after.analysis.coverage.goals).text)
    }

    /// Keys that record when a file was touched rather than what it says: a change of them alone
    /// is not a change of the document.
    public static let bookkeepingFields: Set<String> = ["created", "updated"]

    /// Front matter keys whose values differ, sorted, then `body` when the body's structure or text
    /// did; bookkeeping fields (`updated`, `created`) are left out.
    static func changedFields(_ old: Document, _ new: Document) -> [String] {
        let before = Dictionary(old.fields.map { ($0.key, JSONValue($0.value)) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.fields.map { ($0.key, JSONValue($0.value)) }, uniquingKeysWith: { first, _ in first })
        var keys = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] && !bookkeepingFields.contains($0.lowercased()) }.sorted()
        if Self.bodyText(old.body) != Self.bodyText(new.body) { keys.append("body") }
        return keys
    }

    private static func bodyText(_ body: MarkdownDocument) -> [String] {
        body.blocks.map(\.text) + body.codeBlocks.map(\.literal) + body.links.map(\.destination)
    }
}
