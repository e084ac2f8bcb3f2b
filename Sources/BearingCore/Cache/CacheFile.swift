import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One file of the build cache: a magic line, the format number, the identity of what made it
/// (Bearing's version and build, the knowledge base), then its content's length and checksum
/// (fixed-width words, filled in once the content is written), then the content. Read, it is
/// trusted only when every part matches; anything else (another Bearing, a truncated or damaged
/// file) is a `Rejection`, and the caller starts from nothing.
struct CacheFile {
    static let magic = Array("BEARING-CACHE\n".utf8)

    enum Rejection: Equatable, CustomStringConvertible {
        /// Not a cache file of Bearing's, or of another format.
        case foreign
        /// Made by another version or build of Bearing, or for another knowledge base.
        case otherIdentity
        /// Shorter or longer than its header says.
        case truncated
        /// Its content does not match its checksum, or does not decode.
        case damaged

        var description: String {
            switch self {
            case .foreign: "is not a cache of this Bearing's format"
            case .otherIdentity: "was made by another Bearing or for another knowledge base"
            case .truncated: "is truncated"
            case .damaged: "is damaged (its checksum or content does not match)"
            }
        }
    }

    enum Outcome {
        case missing
        case rejected(Rejection)
        /// The whole file, where its content starts, and the file kept open to read parts of it again.
        case content([UInt8], start: Int, Handle)
    }

    /// A cache file kept open after it was read: parts of it are read again when the cache is
    /// rewritten, so that its bytes need not stay in memory meanwhile. `unchanged` says whether it
    /// is still the file that was checked (a rewrite renames a new file over it; the open one stays).
    final class Handle: @unchecked Sendable {
        let fd: Int32
        private let stamp: [Int]

        init?(_ path: String) {
            fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
            guard fd >= 0 else { return nil }
            stamp = Self.stamp(fd)
            guard !stamp.isEmpty else {
                close(fd)
                return nil
            }
        }

        deinit { close(fd) }

        private static func stamp(_ fd: Int32) -> [Int] {
            var info = stat()
            guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return [] }
            return [Int(info.st_size), info.st_mtim.tv_sec, info.st_mtim.tv_nsec, Int(info.st_ino)]
        }

        var unchanged: Bool { Self.stamp(fd) == stamp }

        /// The whole file.
        func readAll() -> [UInt8]? { read(0..<stamp[0]) }

        func read(_ range: Range<Int>) -> [UInt8]? {
            var bytes = [UInt8](repeating: 0, count: range.count)
            var filled = 0
            while filled < range.count {
                let count = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + filled, range.count - filled, off_t(range.lowerBound + filled)) }
                guard count > 0 else { return nil }
                filled += count
            }
            return bytes
        }
    }

    let format: Int
    let identity: String

    /// The checked content of the file at `path`.
    func read(_ path: String) -> Outcome {
        guard let handle = Handle(path), let bytes = handle.readAll() else { return .missing }
        switch check(bytes) {
        case .content(let bytes, let start): return .content(bytes, start: start, handle)
        case .rejected(let rejection): return .rejected(rejection)
        }
    }

    enum Checked {
        case rejected(Rejection)
        case content([UInt8], start: Int)
    }

    func check(_ bytes: [UInt8]) -> Checked {
        bytes.withUnsafeBytes { buffer in
            var reader = BinaryReader(buffer)
            do {
                guard buffer.count >= Self.magic.count, Array(try reader.bytes(Self.magic.count)) == Self.magic,
                      try reader.int() == format else { return .rejected(.foreign) }
                guard try reader.string() == identity else { return .rejected(.otherIdentity) }
                let length = try reader.word()
                let checksum = try Checksum(from: &reader)
                guard length == buffer.count - reader.offset else { return .rejected(.truncated) }
                let start = reader.offset
                guard Checksum(try reader.bytes(Int(length))) == checksum else { return .rejected(.damaged) }
                return .content(bytes, start: start)
            } catch {
                return .rejected(.truncated)
            }
        }
    }

    /// Writes the file at `path`, its content made by `write` through a Sink (false: give up), via a temporary file
    /// renamed over it, so that a reader sees the old file or the new one, never a part; creates
    /// its folder. False when it could not.
    @discardableResult
    func write(to path: String, _ write: (inout Sink) -> Bool) -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        var header = BinaryWriter()
        header.raw(Self.magic)
        header.int(format)
        header.string(identity)
        let fixed = header.bytes.count
        header.word(0)
        Checksum(high: 0, low: 0).write(to: &header)
        var sink = Sink(fd: fd)
        sink.write(header.bytes, counted: false)
        var ok = write(&sink)
        ok = sink.flush() && ok
        var trailer = BinaryWriter()
        trailer.word(UInt64(sink.length))
        sink.checksum.result.write(to: &trailer)
        ok = ok && trailer.bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, off_t(fixed)) == $0.count }
        close(fd)
        guard ok, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// Where the content goes: a buffer written out a megabyte at a time, its checksum kept as it goes.
    struct Sink {
        let fd: Int32
        private(set) var buffer = BinaryWriter(capacity: 1 << 20)
        private(set) var length = 0
        private(set) var checksum = Checksum.Accumulator()
        private var failed = false

        init(fd: Int32) { self.fd = fd }

        mutating func write(_ bytes: some Collection<UInt8>, counted: Bool = true) {
            if counted {
                length += bytes.count
                checksum.add(bytes)
            }
            buffer.raw(bytes)
            if buffer.bytes.count >= 1 << 20 { _ = flush() }
        }

        mutating func write(_ writer: BinaryWriter) { write(writer.bytes) }

        mutating func flush() -> Bool {
            buffer.bytes.withUnsafeBytes { bytes in
                var offset = 0
                while offset < bytes.count, !failed {
                    let count = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                    if count <= 0 { failed = true } else { offset += count }
                }
            }
            buffer = BinaryWriter(capacity: 1 << 20)
            return !failed
        }
    }
}
