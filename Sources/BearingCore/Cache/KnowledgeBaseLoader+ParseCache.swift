extension KnowledgeBaseLoader {
    /// The parse of the file at `path`, from `cache` when its bytes are unchanged. A README with a
    /// sidecar file (whose bytes the cache does not key) and an unreadable file are parsed as without a cache.
    static func parseFile(_ path: String, files: some KnowledgeBaseFiles, markdown: MarkdownParser.Options, assets: Set<String>,
                          cache: ParseCache) -> ParsedDocument {
        guard SidecarFile.path(for: path, assets: assets) == nil, let bytes = files.read(path) else {
            return parseFile(path, files: files, markdown: markdown, assets: assets)
        }
        return cache.parsed(path, bytes: bytes) { parseFile(path, files: files, markdown: markdown, assets: assets, bytes: bytes) }
    }
}
