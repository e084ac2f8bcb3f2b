#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Walks a KB folder and lists the Markdown files to read (SPEC §1): skips dot-folders,
/// the output folder, the theme's `templates/`, ignored paths and symlink loops. The KB is a
/// boundary: a symbolic link is followed only when its target stays inside it, only regular
/// files are listed, and what is left out for those reasons (or for a name that is not UTF-8)
/// is a warning.
public struct KnowledgeBaseScanner: Sendable {
    public static let maxFileSize = 8 * 1024 * 1024

    public var root: String
    public var ignore: IgnoreRules
    /// Top-level folder names never read (the output folder, `templates`).
    public var excludedTopLevel: Set<String>
    /// What links may lead into: the knowledge base (the root itself, unless a folder inside one is walked).
    public var boundary: KnowledgeBaseBoundary

    public init(root: String, ignore: IgnoreRules, excludedTopLevel: Set<String>, boundary: KnowledgeBaseBoundary? = nil) {
        self.root = root
        self.ignore = ignore
        self.excludedTopLevel = excludedTopLevel
        self.boundary = boundary ?? KnowledgeBaseBoundary(root: root)
    }

    /// A Markdown file found by the scan, with its size in bytes.
    public struct Entry: Sendable, Hashable {
        public var path: String
        public var size: Int
    }

    /// Every Markdown file and every other file (asset), each sorted by path, and the warnings.
    public func scan() -> KnowledgeBaseScan {
        var found = KnowledgeBaseScan()
        var visited = Set<FileIdentity>()
        walk(relative: "", visited: &visited, into: &found)
        found.markdown.sort { $0.path < $1.path }
        found.assets.sort()
        found.diagnostics.sort()
        return found
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

    private func walk(relative: String, visited: inout Set<FileIdentity>, into found: inout KnowledgeBaseScan) {
        let absolute = relative.isEmpty ? root : root + "/" + relative
        guard let identity = FileIdentity(absolute), visited.insert(identity).inserted else { return }  // symlink loop or repeat
        guard let dir = opendir(absolute) else { return }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let bytes = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { Array(UnsafeRawBufferPointer(start: $0, count: strlen($0))) }
            }
            if bytes.first == UInt8(ascii: ".") { continue }  // `.`, `..` and dot-files
            guard let name = String(validating: bytes, as: UTF8.self) else {
                let shown = (relative.isEmpty ? "" : relative + "/") + FileName.escapingInvalidUTF8(bytes)
                found.diagnostics.append(Diagnostic(.warning, .invalidFileName, "file name is not valid UTF-8: skipped (rename it)",
                                                    at: SourceLocation(path: shown, line: 1, column: 1)))
                continue
            }
            names.append(name)
        }
        for name in names.sorted() {
            let path = relative.isEmpty ? name : relative + "/" + name
            if relative.isEmpty, excludedTopLevel.contains(name) { continue }
            var child = stat()
            guard lstat(root + "/" + path, &child) == 0 else { continue }
            if (child.st_mode & S_IFMT) == S_IFLNK {
                switch boundary.locate(absolute: root + "/" + path) {
                case .missing: continue  // a dangling link, or a loop of links
                case .outside(let target):
                    if !ignore.isIgnored(path, isDirectory: FileReader.isDirectory(target)) {
                        found.diagnostics.append(.linkLeavingKnowledgeBase(path, to: target))
                    }
                    continue
                case .inside(let resolved):
                    guard stat(resolved, &child) == 0 else { continue }
                }
            }
            let type = child.st_mode & S_IFMT
            if ignore.isIgnored(path, isDirectory: type == S_IFDIR) { continue }
            if type == S_IFDIR {
                walk(relative: path, visited: &visited, into: &found)
            } else if type == S_IFREG {
                if name.isMarkdownPath {
                    found.markdown.append(Entry(path: path, size: Int(child.st_size)))
                } else {
                    found.assets.append(path)
                }
            } else {
                found.diagnostics.append(Diagnostic(.warning, .specialFile, "\(FileName.kind(of: type)) is not a regular file: skipped",
                                                    at: SourceLocation(path: path, line: 1, column: 1)))
            }
        }
    }
}
