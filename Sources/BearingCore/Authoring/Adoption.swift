import Foundation

/// What `bearing adopt` reads in an existing repository before it writes a `bearing.yml` (SPEC §8):
/// the documents of each type with their folders and workflow stages, the written status words the
/// built-in tables mapped, the words nothing maps, the templates nothing links to, and what
/// `bearing check` will still report. Made from a knowledge base loaded without a `bearing.yml`
/// and its diagnostics; `summary` and `configurationText` write it out.
public struct Adoption: Sendable, Equatable {
    /// A name and how many documents or diagnostics it stands for.
    public struct Tally: Sendable, Equatable {
        public var name: String
        public var count: Int
    }

    /// The documents of one type.
    public struct TypeCount: Sendable, Equatable {
        public var type: DocumentType
        public var count: Int
        /// Folders holding them (relative to the KB, "" for its top folder), most first.
        public var folders: [Tally]
        /// Documents per stage of the workflow, in workflow order, stages no document is at left out.
        public var stages: [Tally]
        /// Documents whose status nothing maps (`unknown-status`).
        public var unknownStatus: Int
        /// Documents that state no status.
        public var notStated: Int
    }

    /// A written status the built-in tables mapped to a stage (`Final` → accepted).
    public struct MappedWord: Sendable, Equatable {
        public var type: DocumentType
        /// The words as first written (`In Review`).
        public var written: String
        public var stage: String
        public var files: Int
    }

    /// A status word nothing maps, with the stage it most likely means and the files that use it.
    public struct UnknownWord: Sendable, Equatable {
        public var type: DocumentType
        /// The word as `unknown-status` reports it and `status_aliases:` keys it (lowercased).
        public var word: String
        public var stage: String
        /// Paths relative to the KB, sorted.
        public var files: [String]
    }

    /// A template file or a folder of templates that nothing outside it links to: `ignore:`d.
    public struct Template: Sendable, Equatable {
        /// Relative to the KB.
        public var path: String
        public var isFolder: Bool
        /// The documents it holds.
        public var files: Int
        /// The `ignore:` pattern: anchored at the KB's top folder.
        public var pattern: String { "/" + path + (isFolder ? "/" : "") }
    }

    /// Diagnostics of one rule.
    public struct RuleCount: Sendable, Equatable {
        public var rule: RuleID
        public var severity: Severity
        public var count: Int
    }

    /// Types with documents, most documents first.
    public var types: [TypeCount]
    /// Written statuses the built-in tables mapped, most files first.
    public var mapped: [MappedWord]
    /// Status words nothing maps, by type, most files first: bearing.yml's `status_aliases:`.
    public var unknown: [UnknownWord]
    /// Outermost template folders, then template files: bearing.yml's `ignore:`.
    public var templates: [Template]
    /// What `bearing check` reports once the `bearing.yml` is written, errors first.
    public var remaining: [RuleCount]

    /// What `check` will report is foreseen here: every diagnostic but `unknown-status` and those
    /// inside ignored templates; `checked(_:)` replaces it with what a new load reports.
    public init(knowledgeBase kb: KnowledgeBase, diagnostics: [Diagnostic]) {
        var types: [TypeCount] = []
        var mapped: [MappedWord] = []
        var unknown: [UnknownWord] = []
        for type in DocumentType.allCases {
            let documents = kb.documents(ofType: type).sorted { $0.path < $1.path }
            guard !documents.isEmpty else { continue }
            let workflow = kb.configuration.workflow(for: type)
            types.append(Self.count(documents, type: type, workflow: workflow))
            if type == .decision { mapped += Self.mappedWords(documents, workflow: workflow) }
            unknown += Self.unknownWords(documents, type: type, workflow: workflow)
        }
        self.types = types.sorted { $0.count != $1.count ? $0.count > $1.count : $0.type < $1.type }
        self.mapped = mapped
        self.unknown = unknown
        templates = Self.templates(in: kb)
        let ignored = templates
        remaining = Self.ruleCounts(diagnostics.filter { diagnostic in
            diagnostic.rule != .unknownStatus && !ignored.contains { $0.holds(diagnostic.location.path) }
        })
    }

    /// The same, with what `bearing check` reports taken from `diagnostics`: those of the knowledge
    /// base loaded again with the bearing.yml written (`diagnostics(with:files:today:history:)`).
    public func checked(_ diagnostics: [Diagnostic]) -> Adoption {
        var result = self
        result.remaining = Self.ruleCounts(diagnostics)
        return result
    }

    static func count(_ documents: [Document], type: DocumentType, workflow: Workflow) -> TypeCount {
        let stages = workflow.statuses.map { stage in Tally(name: stage, count: documents.count(where: { $0.status == stage })) }
        return TypeCount(type: type, count: documents.count, folders: tallies(documents.map { folder(of: $0.path) }),
                         stages: stages.filter { $0.count > 0 },
                         unknownStatus: documents.count(where: { !$0.status.isEmpty && !workflow.knows($0.status) }),
                         notStated: documents.count(where: { $0.status.isEmpty }))
    }

    /// Statuses the vocabulary mapped rather than the workflow itself: `Final`, `Implemented (5.6)`,
    /// `In Review.`; not `accepted; supersedes ADR-4` nor `Superseded by …`, which name their stage.
    static func mappedWords(_ documents: [Document], workflow: Workflow) -> [MappedWord] {
        // Documents come sorted by path: each word is shown as its first file writes it.
        var words: [String: MappedWord] = [:]
        for document in documents {
            guard let text = document.statusText, workflow.knows(document.status),
                  let match = StatusVocabulary.match(text), match.stage == document.status, !workflow.knows(match.words),
                  !StatusVocabulary.normalizedWords(text).prefix(2).contains(where: workflow.knows) else { continue }
            words[match.words, default: MappedWord(type: .decision, written: written(match.words, in: text), stage: match.stage, files: 0)].files += 1
        }
        return words.sorted { $0.value.files != $1.value.files ? $0.value.files > $1.value.files : $0.key < $1.key }.map(\.value)
    }

    /// One entry per status word the workflow does not know, as `unknown-status` reports them.
    static func unknownWords(_ documents: [Document], type: DocumentType, workflow: Workflow) -> [UnknownWord] {
        let unknown = documents.filter { !$0.status.isEmpty && !workflow.knows($0.status) }
        return Dictionary(grouping: unknown, by: \.status).map { word, uses in
            UnknownWord(type: type, word: word, stage: workflow.likelyStatus(meaning: word, type: type), files: uses.map(\.path).sorted())
        }.sorted { $0.files.count != $1.files.count ? $0.files.count > $1.files.count : $0.word < $1.word }
    }

    static func ruleCounts(_ diagnostics: [Diagnostic]) -> [RuleCount] {
        Dictionary(grouping: diagnostics, by: \.rule).map { rule, found in
            RuleCount(rule: rule, severity: found.map(\.severity).max() ?? .warning, count: found.count)
        }.sorted { ($1.severity, $1.count, $0.rule.rawValue) < ($0.severity, $0.count, $1.rule.rawValue) }
    }

    /// Names and counts, most first (then by name).
    static func tallies(_ names: [String]) -> [Tally] {
        Dictionary(grouping: names, by: { $0 }).map { Tally(name: $0, count: $1.count) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name }
    }

    /// The folder of a relative path, "" for the KB's top folder.
    static func folder(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
    }

    /// `phrase` (lowercase words) as the text writes it (`in review` in "In Review." → `In Review`).
    static func written(_ phrase: String, in text: String) -> String {
        text.range(of: phrase, options: .caseInsensitive).map { String(text[$0]) } ?? phrase
    }
}

extension Adoption.Template {
    /// Whether a relative path is this file, or lies in this folder.
    func holds(_ other: String) -> Bool {
        other == path || (isFolder && other.hasPrefix(path + "/"))
    }
}
