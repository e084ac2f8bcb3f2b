/// A folder's files as an editor sees them: the unsaved text of each open file (the editor's
/// buffer) read instead of what is on disk. Only files the folder has are read from a buffer:
/// a buffer never adds a file to the knowledge base, and nothing outside it is read.
public struct BufferedFiles<Base: KnowledgeBaseFiles>: KnowledgeBaseFiles {
    public let base: Base
    /// The open files' texts, by path relative to the knowledge base.
    public let buffers: [String: [UInt8]]

    public init(_ base: Base, buffers: [String: [UInt8]]) {
        self.base = base
        self.buffers = buffers
    }

    public func scan(ignore: IgnoreRules, excludedTopLevel: Set<String>) -> KnowledgeBaseScan {
        var found = base.scan(ignore: ignore, excludedTopLevel: excludedTopLevel)
        for i in found.markdown.indices {
            if let buffer = buffers[found.markdown[i].path] { found.markdown[i].size = buffer.count }
        }
        return found
    }

    public func read(_ path: String) -> [UInt8]? {
        guard let buffer = buffers[path] else { return base.read(path) }
        return base.exists(path) ? buffer : nil
    }

    public func exists(_ path: String) -> Bool { base.exists(path) }

    public var folderName: String? { base.folderName }
}
