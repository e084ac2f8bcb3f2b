import Foundation

/// Each Markdown file's parse kept from one `bearing build` to the next, in `.bearing-cache/`
/// beside the site (BuildCacheFolder): a file whose bytes are those of the last build is not
/// parsed again. Only the parse stage is kept: what comes after it (reading fields with the
/// configuration's workflows, dates and authors from git, resolving references) runs on every
/// build, so nothing from the KB's settings or history is frozen in the cache.
///
/// An entry is keyed by the file's path and a checksum of its bytes; the file as a whole by the
/// identity of the Bearing that made it and the knowledge base, and the parse options. A cache
/// that is foreign, truncated or damaged is not used (`rejection` says why) and the build parses
/// everything, as without a cache. Safe to use from several threads.
public final class ParseCache: @unchecked Sendable {
    /// The form of the file's content; raised whenever ParsedDocument+Binary changes.
    static let format = 1

    public let path: String
    /// Why the file found was not used (nil: none found, or used).
    public let rejection: String?
    private let file: CacheFile
    /// The file read, while files are parsed (`parsingEnded` lets it go); its content: the options
    /// it was made with, then each entry's path, key and parse, which is decoded only when asked for.
    private var content: [UInt8]
    /// The file, open: to copy the unchanged entries from when the cache is rewritten.
    private let handle: CacheFile.Handle?
    private let previousOptions: String?
    private let index: [String: (key: Checksum, range: Range<Int>)]

    private let lock = NSLock()
    private var options: String?
    private var current: [String: Entry] = [:]
    private var reused = 0

    private enum Entry {
        /// Unchanged: its bytes in `content`.
        case kept(Checksum, Range<Int>)
        case parsed(Checksum, ParsedDocument)
    }

    /// Reads the cache file at `path` (none there: an empty cache). `identity` names what made it
    /// beyond this library: the program's version and build, the knowledge base.
    public init(path: String, identity: String) {
        var timer = StageTimer()
        defer { timer.mark("cache: read and index") }
        self.path = path
        file = CacheFile(format: Self.format, identity: identity)
        var rejection: String?
        var content: [UInt8] = []
        var contentStart = 0
        var handle: CacheFile.Handle?
        switch file.read(path) {
        case .missing: break
        case .rejected(let reason): rejection = reason.description
        case .content(let bytes, let start, let opened): (content, contentStart, handle) = (bytes, start, opened)
        }
        var options: String?
        var index: [String: (key: Checksum, range: Range<Int>)] = [:]
        if !content.isEmpty {
            do {
                try content.withUnsafeBytes { buffer in
                    var reader = BinaryReader(buffer, offset: contentStart)
                    options = try reader.string()
                    let count = try reader.count()
                    index.reserveCapacity(count)
                    for _ in 0..<count {
                        let path = try reader.string()
                        let key = try Checksum(from: &reader)
                        let length = try reader.count()
                        let start = reader.offset
                        _ = try reader.bytes(length)
                        index[path] = (key, start..<start + length)
                    }
                    guard reader.isAtEnd else { throw BinaryReader.Malformed() }
                }
            } catch {
                (rejection, options, index, content, handle) = (CacheFile.Rejection.damaged.description, nil, [:], [], nil)
            }
        }
        self.rejection = rejection
        self.content = content
        self.handle = handle
        previousOptions = options
        self.index = index
    }

    /// How many files the last load took from the cache.
    public var reusedCount: Int { lock.withLock { reused } }

    /// Sets the parse options of this load: entries made with others are not used.
    func use(options: MarkdownParser.Options) {
        lock.withLock { self.options = String(describing: options) }
    }

    /// The parse of the file at `path` with these bytes: the cached one when the file is unchanged,
    /// else `parse()`'s, kept for the next build.
    func parsed(_ path: String, bytes: [UInt8], parse: () -> ParsedDocument) -> ParsedDocument {
        let key = Checksum(bytes)
        if let known = index[path], known.key == key, lock.withLock({ options }) == previousOptions,
           let document = decode(known.range) {
            lock.withLock {
                current[path] = .kept(key, known.range)
                reused += 1
            }
            return document
        }
        let document = parse()
        lock.withLock { current[path] = .parsed(key, document) }
        return document
    }

    /// Lets the file's bytes go once every file is parsed: the unchanged entries are read again
    /// from the file when the cache is rewritten.
    func parsingEnded() {
        lock.withLock { content = [] }
    }

    private func decode(_ range: Range<Int>) -> ParsedDocument? {
        let content = lock.withLock { self.content }
        guard range.upperBound <= content.count else { return nil }
        return content.withUnsafeBytes { buffer in
            var reader = BinaryReader(UnsafeRawBufferPointer(rebasing: buffer[range]))
            return try? ParsedDocument(from: &reader)
        }
    }

    /// Writes the parses of this load (and only those: a file deleted since drops out) for the next
    /// build; false when it could not (the next build then parses everything).
    @discardableResult
    public func save() -> Bool {
        var (options, entries, content) = lock.withLock { (self.options ?? "", current.sorted { $0.key < $1.key }, self.content) }
        if !entries.isEmpty, options == previousOptions, entries.count == index.count,
           entries.allSatisfy({ if case .kept = $0.value { true } else { false } }) {
            return true  // unchanged
        }
        // Kept entries are copied from the file read, unless it changed since (then they are left out).
        let unchanged = handle?.unchanged ?? false
        entries.removeAll { if case .kept = $0.value { !unchanged } else { false } }
        var timer = StageTimer()
        defer { timer.mark("cache: write") }
        return file.write(to: path) { sink in
            var head = BinaryWriter()
            head.string(options)
            head.int(entries.count)
            sink.write(head)
            for (path, entry) in entries {
                var writer = BinaryWriter()
                writer.string(path)
                switch entry {
                case .kept(let key, let range):
                    key.write(to: &writer)
                    writer.int(range.count)
                    sink.write(writer)
                    if range.upperBound <= content.count {
                        sink.write(content[range])
                    } else {
                        guard let bytes = handle?.read(range) else { return false }
                        sink.write(bytes)
                    }
                case .parsed(let key, let document):
                    key.write(to: &writer)
                    var encoded = BinaryWriter()
                    document.write(to: &encoded)
                    writer.int(encoded.bytes.count)
                    sink.write(writer)
                    sink.write(encoded)
                }
            }
            return true
        }
    }
}
