/// A folder's files as an editor sees them: the unsaved text of each open file (the editor's
/// buffer) read instead of what is on disk. A buffer of a Markdown file that is not on disk yet
/// (a new document before its first save) is a file of the knowledge base too, under the scan's
/// rules (dot-folders, excluded and ignored paths left out); a buffer never replaces anything on
/// disk that the folder does not read (a symbolic link leaving it, a fifo).
public struct BufferedFiles: KnowledgeBaseFiles {
    public let folder: FolderFiles
    /// The open files' texts, by path relative to the knowledge base.
    public let buffers: [String: [UInt8]]

    public init(_ folder: FolderFiles, buffers: [String: [UInt8]]) {
        self.folder = folder
        self.buffers = buffers
    }

    public func scan(ignore: IgnoreRules, excludedTopLevel: Set<String>) -> KnowledgeBaseScan {
        var found = folder.scan(ignore: ignore, excludedTopLevel: excludedTopLevel)
        for i in found.markdown.indices {
            if let buffer = buffers[found.markdown[i].path] { found.markdown[i].size = buffer.count }
        }
        let unsaved = buffers.filter { path, _ in
            isUnsaved(path) && path.isMarkdownPath && MemoryFiles.isIncluded(path, ignore: ignore, excludedTopLevel: excludedTopLevel)
        }
        if !unsaved.isEmpty {
            found.markdown += unsaved.map { KnowledgeBaseScanner.Entry(path: $0.key, size: $0.value.count) }
            found.markdown.sort { $0.path < $1.path }
        }
        return found
    }

    public func read(_ path: String) -> [UInt8]? {
        guard let buffer = buffers[path] else { return folder.read(path) }
        return folder.exists(path) || isUnsaved(path) ? buffer : nil
    }

    public func exists(_ path: String) -> Bool { folder.exists(path) || (buffers[path] != nil && isUnsaved(path)) }

    public var folderName: String? { folder.folderName }

    /// Whether nothing at all is on disk at the path (not even a link): the buffer is a new file.
    private func isUnsaved(_ path: String) -> Bool {
        !path.split(separator: "/").contains("..") && !FileReader.exists(folder.root + "/" + path)
    }
}
