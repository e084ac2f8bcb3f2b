import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Tells which files of a folder change (`bearing serve`): through inotify, one watch per
/// folder, or by comparing every file's size and modification time at an interval when inotify
/// is not available (or out of watches). Changes come in batches, once the folder has been quiet
/// for `settle` (an editor's save is often several writes and a rename). Paths are relative to the
/// folder; dot-files, dot-folders, editors' scratch files and the excluded top-level folders (the
/// site's output) are left out.
public final class FileWatcher: @unchecked Sendable {
    public enum Mode: String, Sendable { case inotify, polling }

    /// The path a batch holds when changes were lost (inotify's queue overflowed): anything may have changed.
    public static let everything = "*"

    public let root: String
    /// Folders reached through symbolic links leaving the knowledge base are not watched (a link to `/`
    /// would otherwise watch the whole file system).
    private let boundary: KnowledgeBaseBoundary
    public private(set) var mode: Mode
    private let excluded: Set<String>
    private let settle: TimeInterval
    private let interval: TimeInterval
    /// A batch goes out at the latest this long after its first change, even if changes go on.
    private let longest: TimeInterval = 0.2
    private let lock = NSLock()
    private var stopped = false
    private var started = false
    private var inotify: Int32 = -1
    /// inotify watch descriptor → folder, relative to the root ("" for the root).
    private var folders: [Int32: String] = [:]
    /// The folders watched, by device and inode: a folder reached twice through a symbolic link
    /// (or a loop of them) is watched once, under its first path.
    private var watched: Set<KnowledgeBaseScanner.FileIdentity> = []
    /// The root folder was deleted or moved away (inotify): nothing is watched until it is back.
    private var rootGone = false
    /// The first snapshot when polling, taken at once so that changes made before `changes()` count.
    private var initial: [String: [Int]] = [:]

    public init(root: String, excludedTopLevel: Set<String> = [], polling: Bool = false,
                settle: TimeInterval = 0.015, interval: TimeInterval = 0.5) {
        self.root = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
        boundary = KnowledgeBaseBoundary(root: self.root)
        self.excluded = excludedTopLevel
        self.settle = settle
        self.interval = interval
        mode = .polling
        if !polling { startInotify() }
        if mode == .polling { initial = snapshot() }
    }

    deinit {
        stop()
        // The watching thread closes the descriptor; without one, it is closed here.
        if !started, inotify >= 0 { close(inotify) }
    }

    public func stop() {
        lock.withLock { stopped = true }
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    /// Batches of changed paths, until `stop`. Changes since the watcher was made count. Call it once.
    public func changes() -> AsyncStream<Set<String>> {
        precondition(!lock.withLock { started }, "FileWatcher.changes() is called once")
        lock.withLock { started = true }
        return AsyncStream { continuation in
            let thread = Thread { [self] in
                if mode == .inotify { watchInotify(continuation) } else { poll(continuation) }
                continuation.finish()
            }
            thread.name = "bearing-watcher"
            thread.start()
            continuation.onTermination = { [weak self] _ in self?.stop() }
        }
    }

    // MARK: inotify

    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_MODIFY | IN_ATTRIB
                                     | IN_DELETE_SELF | IN_MOVE_SELF)
    /// The events that say a watched folder itself is gone (deleted, or moved away: its watch would follow it).
    private static let gone = UInt32(IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED)

    private func startInotify() {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return }
        inotify = fd
        guard addWatches(under: "") else {
            close(fd)
            inotify = -1
            folders = [:]
            return
        }
        mode = .inotify
    }

    /// Watches a folder and every folder below it; false when the system is out of watches.
    private func addWatches(under relative: String) -> Bool {
        let path = relative.isEmpty ? root : root + "/" + relative
        guard firstVisit(path) else { return true }
        let wd = inotify_add_watch(inotify, path, Self.mask)
        if wd < 0 { return errno != ENOSPC && errno != ENOMEM }
        lock.withLock { folders[wd] = relative }
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where isIncluded(relative, entry) {
            let child = relative.isEmpty ? entry : relative + "/" + entry
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + child, isDirectory: &isFolder), isFolder.boolValue,
               !addWatches(under: child) {
                return false
            }
        }
        return true
    }

    /// Whether this folder (symbolic links followed, while inside the knowledge base) is met for the first time.
    private func firstVisit(_ path: String) -> Bool {
        guard case .inside = boundary.locate(absolute: path), let identity = KnowledgeBaseScanner.FileIdentity(path) else { return false }
        return lock.withLock { watched.insert(identity).inserted }
    }

    private func isIncluded(_ folder: String, _ name: String) -> Bool {
        !name.hasPrefix(".") && !(folder.isEmpty && excluded.contains(name)) && !Self.isEditorScratch(name)
    }

    /// Files editors write beside the one being saved: `name~` backups, Emacs' `#name#`, and the
    /// `4913` Vim writes to test a folder.
    static func isEditorScratch(_ name: String) -> Bool {
        name.hasSuffix("~") || (name.hasPrefix("#") && name.hasSuffix("#")) || name == "4913"
    }

    private func watchInotify(_ continuation: AsyncStream<Set<String>>.Continuation) {
        defer { close(inotify) }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var batch: Set<String> = []
        var first = Date()
        while !isStopped {
            if rootGone {
                // The knowledge base's folder was deleted or moved away: watched again once it is back.
                if FileReader.isDirectory(root), addWatches(under: "") {
                    rootGone = false
                    continuation.yield([Self.everything])
                } else {
                    Thread.sleep(forTimeInterval: 0.2)
                    continue
                }
            }
            var descriptor = pollfd(fd: inotify, events: Int16(POLLIN), revents: 0)
            // Wait long while nothing is pending; once something is, only `settle` for more.
            let ready = Glibc.poll(&descriptor, 1, batch.isEmpty ? 200 : Int32(settle * 1000))
            if ready > 0 {
                let count = read(inotify, &buffer, buffer.count)
                if count > 0 {
                    if batch.isEmpty { first = Date() }
                    batch.formUnion(events(in: buffer[0..<count]))
                }
            }
            if !batch.isEmpty, ready == 0 || rootGone || Date().timeIntervalSince(first) > longest {
                continuation.yield(batch)
                batch = []
            }
        }
    }

    /// The changed paths of a read's events; new folders get watches (and count as changed).
    private func events(in bytes: ArraySlice<UInt8>) -> Set<String> {
        var changed: Set<String> = []
        var offset = bytes.startIndex
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= bytes.endIndex {
            let (wd, mask, length) = bytes.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                let event = raw.loadUnaligned(fromByteOffset: offset - bytes.startIndex, as: inotify_event.self)
                return (event.wd, event.mask, Int(event.len))
            }
            let nameBytes = bytes[(offset + header)..<min(offset + header + length, bytes.endIndex)].prefix { $0 != 0 }
            offset += header + length
            let name = String(decoding: nameBytes, as: UTF8.self)
            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                changed.insert(Self.everything)
                continue
            }
            if mask & Self.gone != 0, lock.withLock({ folders[wd] }) == "" {
                forgetWatches()
                changed.insert(Self.everything)
                continue
            }
            guard let folder = lock.withLock({ folders[wd] }), !name.isEmpty, isIncluded(folder, name) else { continue }
            let path = folder.isEmpty ? name : folder + "/" + name
            if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                _ = addWatches(under: path)
            }
            changed.insert(path)
        }
        return changed
    }

    /// Drops every watch (the root is gone; what is below it with it): `rootGone` until it is back.
    private func forgetWatches() {
        let descriptors = lock.withLock { () -> [Int32] in
            defer {
                folders = [:]
                watched = []
                rootGone = true
            }
            return Array(folders.keys)
        }
        for wd in descriptors { inotify_rm_watch(inotify, wd) }
    }

    // MARK: Polling

    private func poll(_ continuation: AsyncStream<Set<String>>.Continuation) {
        var known = initial
        while !isStopped {
            Thread.sleep(forTimeInterval: interval)
            let now = snapshot()
            var changed = Set(now.keys.filter { known[$0] != now[$0] })
            changed.formUnion(known.keys.filter { now[$0] == nil })
            known = now
            if !changed.isEmpty { continuation.yield(changed) }
        }
    }

    /// Every included file's size and modification time.
    private func snapshot() -> [String: [Int]] {
        var files: [String: [Int]] = [:]
        var folders = [""]
        var seen: Set<KnowledgeBaseScanner.FileIdentity> = []
        while let folder = folders.popLast() {
            guard case .inside = boundary.locate(folder), let identity = KnowledgeBaseScanner.FileIdentity(folder.isEmpty ? root : root + "/" + folder),
                  seen.insert(identity).inserted else { continue }
            let path = folder.isEmpty ? root : root + "/" + folder
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where isIncluded(folder, entry) {
                let child = folder.isEmpty ? entry : folder + "/" + entry
                var info = stat()
                guard stat(root + "/" + child, &info) == 0 else { continue }
                if info.st_mode & S_IFMT == S_IFDIR { folders.append(child) } else {
                    files[child] = [Int(info.st_size), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec)]
                }
            }
        }
        return files
    }
}
