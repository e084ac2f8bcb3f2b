/// The knowledge base as it was at a git revision, read with two git processes whatever its
/// size: `git ls-tree` for the file list and one `git cat-file --batch` for every file's bytes.
public enum GitSnapshot {
    public enum Failure: Error, CustomStringConvertible, Equatable {
        case notARepository(String)
        case unknownRevision(String)

        public var description: String {
            switch self {
            case .notARepository(let path): "'\(path)' is not in a git work tree"
            case .unknownRevision(let revision): "git does not know the revision '\(revision)'"
            }
        }
    }

    /// The knowledge base's folder inside its repository (`""` at the top, else ending in `/`).
    public static func prefix(root: String, git: GitRunner) throws -> String {
        guard let repository = GitRepository.at(root, git: git) else { throw Failure.notARepository(root) }
        return repository.prefix
    }

    /// The files under the knowledge base's folder at `revision`, by path relative to it.
    public static func files(at revision: String, root: String, git: GitRunner) throws -> MemoryFiles {
        let prefix = try self.prefix(root: root, git: git)
        guard !revision.hasPrefix("-"),
              let listing = git.run(["ls-tree", "-r", "-z", "--full-name", revision, "--", "."], in: root) else {
            throw Failure.unknownRevision(revision)
        }
        // `<mode> blob <object>\t<path>`; symbolic links and submodules are not files to read.
        var paths: [(object: String, path: String)] = []
        for entry in listing.split(separator: 0) {
            guard let tab = entry.firstIndex(of: UInt8(ascii: "\t")) else { continue }
            let fields = entry[..<tab].split(separator: UInt8(ascii: " ")).map { String(decoding: $0, as: UTF8.self) }
            let path = String(decoding: entry[(tab + 1)...], as: UTF8.self)
            guard fields.count == 3, fields[1] == "blob", fields[0] != "120000", path.hasPrefix(prefix) else { continue }
            paths.append((fields[2], String(path.dropFirst(prefix.count))))
        }
        guard !paths.isEmpty else { return MemoryFiles(files: [:]) }
        let request = Array(paths.map(\.object).joined(separator: "\n").utf8) + [UInt8(ascii: "\n")]
        guard let batch = git.run(["cat-file", "--batch"], in: root, input: request) else { throw Failure.unknownRevision(revision) }
        // `<object> blob <size>\n<bytes>\n` for each, in the order asked.
        var files: [String: [UInt8]] = [:]
        var position = 0
        for (_, path) in paths {
            guard let newline = batch[position...].firstIndex(of: UInt8(ascii: "\n")) else { break }
            let header = batch[position..<newline].split(separator: UInt8(ascii: " "))
            guard header.count == 3, let size = Int(String(decoding: header[2], as: UTF8.self)), newline + 1 + size <= batch.count else { break }
            files[path] = Array(batch[(newline + 1)..<(newline + 1 + size)])
            position = newline + 1 + size + 1
        }
        return MemoryFiles(files: files, folderName: FolderFiles(root: root).folderName)
    }
}
