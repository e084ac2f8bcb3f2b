extension Adoption {
    /// What `bearing check` reports once `configuration` is the knowledge base's bearing.yml: the
    /// files loaded again with it, and the same history. Mapping a status can bring findings of its
    /// own (a decision now `proposed` with an old date is `pending-decision`), which only a new load shows.
    public static func diagnostics(with configuration: String, files: some KnowledgeBaseFiles, today: Day,
                                   history: GitHistory? = nil) async -> [Diagnostic] {
        await KnowledgeBaseLoader.load(Configured(base: files, configuration: Array(configuration.utf8)), today: today, history: history).diagnostics
    }

    /// A knowledge base's files with its bearing.yml replaced.
    struct Configured<Base: KnowledgeBaseFiles>: KnowledgeBaseFiles {
        let base: Base
        let configuration: [UInt8]

        func scan(ignore: IgnoreRules, excludedTopLevel: Set<String>) -> KnowledgeBaseScan {
            base.scan(ignore: ignore, excludedTopLevel: excludedTopLevel)
        }

        func read(_ path: String) -> [UInt8]? { path == Configuration.fileName ? configuration : base.read(path) }

        func exists(_ path: String) -> Bool { path == Configuration.fileName || base.exists(path) }

        var folderName: String? { base.folderName }
    }
}
