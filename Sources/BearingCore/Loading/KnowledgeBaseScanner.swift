#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Walks a KB folder and lists the Markdown files to read (SPEC §1): skips dot-folders,
/// the output folder, the theme's `templates/`, ignored paths and symlink loops.
public struct KnowledgeBaseScanner: Sendable {
    public static let maxFileSize = 8 * 1024 * 1024

    public var root: String
    public var ignore: IgnoreRules
    /// Top-level folder names never read (the output folder, `templates`).
    public var excludedTopLevel: Set<String>

    public init(root: String, ignore: IgnoreRules, excludedTopLevel: Set<String>) {
        self.root = root
        self.ignore = ignore
        self.excludedTopLevel = excludedTopLevel
    }

    /// A Markdown file found by the scan, with its size in bytes.
    public struct Entry: Sendable, Hashable {
        public var path: String
        public var size: Int
    }

    /// Relative paths of every Markdown file, sorted, and of other files (assets), sorted.
    public func scan() -> (markdown: [Entry], assets: [String]) {
        var markdown: [Entry] = []
        var assets: [String] = []
        var visited = Set<FileIdentity>()
        walk(relative: "", visited: &visited, markdown: &markdown, assets: &assets)
        return (markdown.sorted { $0.path < $1.path }, assets.sorted())
    }

    /// A file or folder by device and inode: the same one reached by two paths (symbolic links) is equal.
    struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64

        /// The identity of what `path` names (symbolic links followed); nil when it does not exist.
        init?(_ path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            (device, inode) = (UInt64(info.st_dev), UInt64(info.st_ino))
        }
    }

    private func walk(relative: String, visited: inout Set<FileIdentity>, markdown: inout [Entry], assets: inout [String]) {
        let absolute = relative.isEmpty ? root : root + "/" + relative
        guard let identity = FileIdentity(absolute), visited.insert(identity).inserted else { return }  // symlink loop or repeat
        guard let dir = opendir(absolute) else { return }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." || name.hasPrefix(".") { continue }
            names.append(name)
        }
        for name in names.sorted() {
            let path = relative.isEmpty ? name : relative + "/" + name
            if relative.isEmpty, excludedTopLevel.contains(name) { continue }
            var child = stat()
            guard stat(root + "/" + path, &child) == 0 else { continue }  // dangling symlink
            let isDirectory = (child.st_mode & S_IFMT) == S_IFDIR
            if ignore.isIgnored(path, isDirectory: isDirectory) { continue }
            if isDirectory {
                walk(relative: path, visited: &visited, markdown: &markdown, assets: &assets)
            } else if (child.st_mode & S_IFMT) == S_IFREG {
                if name.isMarkdownPath {
                    markdown.append(Entry(path: path, size: Int(child.st_size)))
                } else {
                    assets.append(path)
                }
            }
        }
    }
}
