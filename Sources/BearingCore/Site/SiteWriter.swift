import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a site atomically (SPEC §7.2): every file goes into a fresh folder beside the output,
/// which replaces the output only once all are written. A build that fails or is killed leaves
/// the previous site as it was (and at most a stale `.NAME.partial-*` folder, removed by the next
/// build). Paths are relative to the site's root and are checked: none can leave it.
public final class SiteWriter: @unchecked Sendable {
    public enum Failure: Error, CustomStringConvertible {
        case cannotCreate(String, String)
        case cannotWrite(String, String)
        case unsafePath(String)
        case outputIsSource(String)

        public var description: String {
            switch self {
            case .cannotCreate(let path, let reason): "cannot create '\(path)': \(reason)"
            case .cannotWrite(let path, let reason): "cannot write '\(path)': \(reason)"
            case .unsafePath(let path): "refusing to write '\(path)': the path leaves the output folder"
            case .outputIsSource(let path): "the output folder '\(path)' is the knowledge base or holds it: choose another with -o"
            }
        }
    }

    public let output: String
    let staging: String
    private let lock = NSLock()
    private var folders: Set<String> = [""]
    private var failures: [Failure] = []
    public private(set) var fileCount = 0

    /// Prepares a staging folder beside `output`. Refuses an output that is the knowledge base
    /// (`source`) or one of its parents: the swap would replace the sources.
    public init(output: String, source: String) throws {
        let outputPath = Self.absolute(output)
        let sourcePath = Self.absolute(source)
        if sourcePath == outputPath || sourcePath.hasPrefix(outputPath.hasSuffix("/") ? outputPath : outputPath + "/") {
            throw Failure.outputIsSource(output)
        }
        self.output = outputPath
        let parent = (outputPath as NSString).deletingLastPathComponent
        let name = (outputPath as NSString).lastPathComponent
        try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        // Leftovers of builds that were killed.
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] where entry.hasPrefix(".\(name).partial-") || entry.hasPrefix(".\(name).previous-") {
            try? FileManager.default.removeItem(atPath: parent + "/" + entry)
        }
        staging = parent + "/.\(name).partial-\(getpid())"
        do {
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        } catch {
            throw Failure.cannotCreate(staging, error.localizedDescription)
        }
    }

    static func absolute(_ path: String) -> String {
        let joined = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: joined).standardizedFileURL.path
    }

    /// Whether a relative path stays inside the site: no absolute path, no `..`, no empty or `.` parts.
    static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.utf8.contains(0) else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { $0 != ".." && $0 != "." && !$0.isEmpty }
    }

    /// Writes one file (safe to call from several threads); failures are collected for `commit`.
    public func write(_ path: String, _ text: String) {
        var text = text
        text.withUTF8 { write(path, UnsafeRawBufferPointer($0)) }
    }

    public func write(_ path: String, bytes: [UInt8]) {
        bytes.withUnsafeBytes { write(path, $0) }
    }

    private func write(_ path: String, _ buffer: UnsafeRawBufferPointer) {
        guard Self.isSafe(path) else { return fail(.unsafePath(path)) }
        let full = staging + "/" + path
        makeFolder(of: path)
        let fd = open(full, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return fail(.cannotWrite(path, String(cString: strerror(errno)))) }
        defer { close(fd) }
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 { return fail(.cannotWrite(path, String(cString: strerror(errno)))) }
            offset += written
        }
        lock.withLock { fileCount += 1 }
    }

    /// Copies a file of the knowledge base into the site at the same relative path.
    public func copy(from source: String, to path: String) {
        guard let bytes = FileReader.read(source) else { return fail(.cannotWrite(path, "cannot read '\(source)'")) }
        write(path, bytes: bytes)
    }

    private func makeFolder(of path: String) {
        guard let slash = path.lastIndex(of: "/") else { return }
        let folder = String(path[..<slash])
        let known = lock.withLock { folders.contains(folder) }
        guard !known else { return }
        try? FileManager.default.createDirectory(atPath: staging + "/" + folder, withIntermediateDirectories: true)
        _ = lock.withLock { folders.insert(folder) }
    }

    private func fail(_ failure: Failure) {
        lock.withLock { failures.append(failure) }
    }

    /// Swaps the staged site in place of the output, or throws the first failure (the staging
    /// folder is removed and the output left untouched).
    public func commit() throws {
        if let failure = lock.withLock({ failures.first }) {
            discard()
            throw failure
        }
        let manager = FileManager.default
        let old = staging.replacingOccurrences(of: ".partial-", with: ".previous-")
        let hadOutput = manager.fileExists(atPath: output)
        do {
            if hadOutput { try manager.moveItem(atPath: output, toPath: old) }
            try manager.moveItem(atPath: staging, toPath: output)
        } catch {
            if hadOutput, !manager.fileExists(atPath: output) { try? manager.moveItem(atPath: old, toPath: output) }
            discard()
            throw Failure.cannotWrite(output, error.localizedDescription)
        }
        if hadOutput { try? manager.removeItem(atPath: old) }
    }

    /// Removes the staging folder (a failed build).
    public func discard() {
        try? FileManager.default.removeItem(atPath: staging)
    }
}
