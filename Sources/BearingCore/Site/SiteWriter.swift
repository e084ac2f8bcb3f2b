import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a site atomically (SPEC §7.2): every file goes into a fresh folder beside the output,
/// which replaces the output only once all are written. A build that fails or is killed leaves
/// the previous site as it was (and at most a stale `.NAME.partial-*` folder, removed by the next
/// build). Paths are relative to the site's root and are checked: none can leave it.
///
/// One build at a time writes an output: the writer holds the lock `.NAME.lock` beside it from
/// its start to its end (OutputLock), so a second build waits, and a build removes only the
/// staging folders of builds that have ended. The swap exchanges the two folders in one step
/// where the system can (FolderSwap): the output path always holds a site.
public final class SiteWriter: SiteOutput, @unchecked Sendable {
    public enum Failure: Error, CustomStringConvertible {
        case cannotCreate(String, String)
        case cannotWrite(String, String)
        case unsafePath(String)
        case outputIsSource(String)
        case outputInsideSource(String, allowed: String)
        case outputIsNotASite(String)
        case duplicatePath(String)

        public var description: String {
            switch self {
            case .outputInsideSource(let path, let allowed): "the output folder '\(path)' is inside the knowledge base: a site inside it must be its '\(allowed)' folder (bearing.yml's output), which is not read as content"
            case .outputIsNotASite(let path): "'\(path)' exists and is not a site built by Bearing (no _bearing/ folder): refusing to replace it; remove it or choose another output"
            case .duplicatePath(let path): "two pages would be written to '\(path)'"
            case .cannotCreate(let path, let reason): "cannot create '\(path)': \(reason)"
            case .cannotWrite(let path, let reason): "cannot write '\(path)': \(reason)"
            case .unsafePath(let path): "refusing to write '\(path)': the path leaves the output folder"
            case .outputIsSource(let path): "the output folder '\(path)' is the knowledge base or holds it: choose another with -o"
            }
        }
    }

    public let output: String
    let staging: String
    private let outputLock: OutputLock
    private let lock = NSLock()
    private var folders: Set<String> = [""]
    private var written: Set<String> = []
    private var failures: [Failure] = []
    /// How many files were written.
    public var fileCount: Int { lock.withLock { written.count } }

    /// Prepares a staging folder beside `output`. The output is replaced at the end, so it must
    /// be safe to replace: not the knowledge base (`source`) or a folder holding it; inside the
    /// knowledge base only its `allowedInside` folder (bearing.yml's `output`, which the loader
    /// does not read); and when it exists, a folder holding a site Bearing built (or empty).
    /// Paths are compared with symbolic links resolved. When another build is writing the same
    /// output, calls `waiting` and waits for it to end.
    public init(output: String, source: String, allowedInside: String = "_site", waiting: () -> Void = {}) throws {
        let outputPath = Self.absolute(output)
        let sourcePath = Self.absolute(source)
        let realOutput = Self.resolvingLinks(outputPath)
        let realSource = Self.resolvingLinks(sourcePath)
        if realSource == realOutput || realSource.hasPrefix(realOutput + "/") {
            throw Failure.outputIsSource(output)
        }
        if realOutput.hasPrefix(realSource + "/") {
            let inside = String(realOutput.dropFirst(realSource.count + 1))
            guard inside == allowedInside || inside.hasPrefix(allowedInside + "/") else { throw Failure.outputInsideSource(output, allowed: allowedInside) }
        }
        self.output = outputPath
        let parent = (outputPath as NSString).deletingLastPathComponent
        // The names beside the output: `.NAME.partial-PID-RANDOM` must fit in a file name too.
        let fullName = (outputPath as NSString).lastPathComponent
        let name = fullName.utf8.count > SitePaths.slugLimit ? SitePaths.shortened(fullName, to: SitePaths.slugLimit) : fullName
        try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        outputLock = try OutputLock.acquire(parent + "/.\(name).lock", waiting: waiting)
        // From here no other build writes this output: what is beside it is a killed build's.
        let leftovers = ((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []).sorted()
        // A build killed between the two renames of the fallback swap left the previous site aside: put it back.
        if !FileManager.default.fileExists(atPath: outputPath), let previous = leftovers.first(where: { $0.hasPrefix(".\(name).previous-") }) {
            try? FileManager.default.moveItem(atPath: parent + "/" + previous, toPath: outputPath)
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: outputPath, isDirectory: &isFolder) {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: outputPath)) ?? []
            guard isFolder.boolValue, entries.isEmpty || entries.contains(SiteLinks.theme) else { throw Failure.outputIsNotASite(output) }
        }
        for entry in leftovers where Self.isLeftover(entry, of: name) {
            try? FileManager.default.removeItem(atPath: parent + "/" + entry)
        }
        staging = parent + "/.\(name).partial-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        do {
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: false)
        } catch {
            throw Failure.cannotCreate(staging, error.localizedDescription)
        }
    }

    /// Whether `entry` beside the output is the staging or set-aside folder of a build that has
    /// ended. The lock says no other build of this version runs; the process id, the first number
    /// after the marker, keeps an older Bearing's (which took no lock) while it runs.
    static func isLeftover(_ entry: String, of name: String) -> Bool {
        for marker in [".\(name).partial-", ".\(name).previous-"] where entry.hasPrefix(marker) {
            let pid = entry.dropFirst(marker.count).prefix { $0.isASCIIDigit }
            guard let pid = Int32(pid), pid != getpid() else { return true }
            return kill(pid, 0) != 0 && errno == ESRCH
        }
        return false
    }

    static func absolute(_ path: String) -> String {
        let joined = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: joined).standardizedFileURL.path
    }

    /// The path with symbolic links resolved in its longest existing part.
    static func resolvingLinks(_ path: String) -> String {
        var existing = path
        var rest: [String] = []
        while !existing.isEmpty, existing != "/", !FileManager.default.fileExists(atPath: existing) {
            rest.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
        let resolved = URL(fileURLWithPath: existing).resolvingSymlinksInPath().path
        return ([resolved == "/" ? "" : resolved] + rest).joined(separator: "/")
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

    /// Writes one file (safe to call from several threads); failures are collected for `commit`.
    public func write(_ path: String, bytes: [UInt8]) {
        bytes.withUnsafeBytes { write(path, $0) }
    }

    /// Writes one file piece by piece as `produce` emits them (safe to call from several threads);
    /// after a failure the rest is not written.
    public func write(_ path: String, streaming produce: (_ emit: ([UInt8]) -> Void) -> Void) {
        guard let fd = create(path) else { return }
        defer { close(fd) }
        var failed = false
        produce { piece in
            if !failed { failed = !piece.withUnsafeBytes { append($0, to: fd, path: path) } }
        }
    }

    private func write(_ path: String, _ buffer: UnsafeRawBufferPointer) {
        guard let fd = create(path) else { return }
        defer { close(fd) }
        _ = append(buffer, to: fd, path: path)
    }

    /// Opens a new file at `path` in the staging folder for writing, or records why not.
    private func create(_ path: String) -> Int32? {
        guard Self.isSafe(path) else { fail(.unsafePath(path)); return nil }
        guard lock.withLock({ written.insert(path).inserted }) else { fail(.duplicatePath(path)); return nil }
        let full = staging + "/" + path
        makeFolder(of: path)
        let fd = open(full, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { fail(.cannotWrite(path, String(cString: strerror(errno)))); return nil }
        return fd
    }

    /// Writes all of `buffer` to `fd`; false (the failure recorded) when it cannot.
    private func append(_ buffer: UnsafeRawBufferPointer, to fd: Int32, path: String) -> Bool {
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 { fail(.cannotWrite(path, String(cString: strerror(errno)))); return false }
            offset += written
        }
        return true
    }

    public func copy(from source: String, to path: String) {
        guard let bytes = FileReader.read(source, followingLinks: false) else { return fail(.cannotWrite(path, "cannot read '\(source)'")) }
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
        // The first failure by path, whichever thread met it first.
        if let failure = lock.withLock({ failures.min { "\($0)" < "\($1)" } }) {
            discard()
            throw failure
        }
        defer { outputLock.release() }
        let manager = FileManager.default
        let hadOutput = manager.fileExists(atPath: output)
        // One step: the new site at the output, the old one where the new was.
        if hadOutput {
            if FolderSwap.exchange(staging, output) {
                try? manager.removeItem(atPath: staging)
                return
            }
            guard FolderSwap.isUnsupported(errno) else {
                let reason = String(cString: strerror(errno))
                discard()
                throw Failure.cannotWrite(output, reason)
            }
        }
        let old = staging.replacingOccurrences(of: ".partial-", with: ".previous-")
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

    /// Removes the staging folder (a failed build) and lets the next build in.
    public func discard() {
        try? FileManager.default.removeItem(atPath: staging)
        outputLock.release()
    }
}
