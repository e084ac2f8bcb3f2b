import Foundation

/// Where the loader reads a knowledge base from: a folder on disk, or the files of a git
/// revision held in memory (History/GitSnapshot). Paths are relative to the knowledge base.
public protocol KnowledgeBaseFiles: Sendable {
    /// The Markdown files to read and the other files (assets), each sorted, with the scanner's
    /// rules: dot-folders, the excluded top-level folders and ignored paths left out; what is left
    /// out for crossing the knowledge base's edge is a warning.
    func scan(ignore: IgnoreRules, excludedTopLevel: Set<String>) -> KnowledgeBaseScan
    /// The bytes of a regular file inside the knowledge base (nil: absent, outside it, or not a regular file).
    func read(_ path: String) -> [UInt8]?
    /// Whether `read` has a file to read there.
    func exists(_ path: String) -> Bool
    /// The name of the knowledge base's own folder (`adr` for docs/adr), which types its files as
    /// a folder inside it would; nil when unknown.
    var folderName: String? { get }
}

/// A knowledge base folder on disk, read through its boundary (symbolic links that leave it are
/// not followed; only regular files are read).
public struct FolderFiles: KnowledgeBaseFiles {
    public let root: String
    public let boundary: KnowledgeBaseBoundary

    /// `boundary`: where links may lead (default: the folder itself; the KB for its `templates/`).
    public init(root: String, boundary: KnowledgeBaseBoundary? = nil) {
        self.root = root
        self.boundary = boundary ?? KnowledgeBaseBoundary(root: root)
    }

    public func scan(ignore: IgnoreRules, excludedTopLevel: Set<String>) -> KnowledgeBaseScan {
        KnowledgeBaseScanner(root: root, ignore: ignore, excludedTopLevel: excludedTopLevel, boundary: boundary).scan()
    }

    public func read(_ path: String) -> [UInt8]? {
        guard case .inside(let resolved) = boundary.locate(absolute: root + "/" + path) else { return nil }
        return FileReader.read(resolved, followingLinks: false)
    }

    public func exists(_ path: String) -> Bool {
        guard case .inside(let resolved) = boundary.locate(absolute: root + "/" + path) else { return false }
        return FileReader.isRegularFile(resolved)
    }

    public var folderName: String? {
        let resolved = URL(fileURLWithPath: root).resolvingSymlinksInPath().standardized.lastPathComponent
        return resolved.isEmpty || resolved == "/" ? nil : resolved
    }
}

/// Files held in memory, by relative path (the knowledge base as it was at a git revision).
public struct MemoryFiles: KnowledgeBaseFiles {
    public let files: [String: [UInt8]]
    public let folderName: String?

    public init(files: [String: [UInt8]], folderName: String? = nil) {
        self.files = files
        self.folderName = folderName
    }

    /// Git keeps no symbolic link as a file (GitSnapshot leaves them out) and no fifo: no warnings.
    public func scan(ignore: IgnoreRules, excludedTopLevel: Set<String>) -> KnowledgeBaseScan {
        var markdown: [KnowledgeBaseScanner.Entry] = []
        var assets: [String] = []
        for (path, bytes) in files where Self.isIncluded(path, ignore: ignore, excludedTopLevel: excludedTopLevel) {
            if path.isMarkdownPath { markdown.append(.init(path: path, size: bytes.count)) } else { assets.append(path) }
        }
        return KnowledgeBaseScan(markdown: markdown.sorted { $0.path < $1.path }, assets: assets.sorted())
    }

    /// The folder scan's rules for one path: no part starting with `.`, not under an excluded
    /// top-level folder, and neither the file nor any folder above it ignored.
    static func isIncluded(_ path: String, ignore: IgnoreRules, excludedTopLevel: Set<String>) -> Bool {
        let parts = path.split(separator: "/").map(String.init)
        guard let first = parts.first, !excludedTopLevel.contains(first), !parts.contains(where: { $0.hasPrefix(".") }) else { return false }
        for end in parts.indices {
            if ignore.isIgnored(parts[...end].joined(separator: "/"), isDirectory: end < parts.count - 1) { return false }
        }
        return true
    }

    public func read(_ path: String) -> [UInt8]? { files[path] }

    public func exists(_ path: String) -> Bool { files[path] != nil }
}
