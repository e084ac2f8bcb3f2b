import Foundation

/// Where the site's files go: a folder swapped in atomically (SiteWriter, `bearing build`) or
/// memory (SiteFiles, `bearing serve` and tests). Paths are relative to the site's root. Safe to
/// use from several threads.
public protocol SiteOutput: AnyObject, Sendable {
    func write(_ path: String, bytes: [UInt8])
    /// Writes one file whose bytes `produce` hands to `emit` piece by piece, in order: a large file
    /// need not be held in memory whole.
    func write(_ path: String, streaming produce: (_ emit: ([UInt8]) -> Void) -> Void)
    /// Copies a file of the knowledge base (`source`, an absolute path without symbolic links: one
    /// there is refused) to `path` in the site.
    func copy(from source: String, to path: String)
}

extension SiteOutput {
    public func write(_ path: String, streaming produce: (_ emit: ([UInt8]) -> Void) -> Void) {
        var bytes: [UInt8] = []
        produce { bytes += $0 }
        write(path, bytes: bytes)
    }

    public func write(_ path: String, _ text: String) {
        write(path, bytes: Array(text.utf8))
    }
}

/// Site files held in memory, by path.
public final class SiteFiles: SiteOutput, @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: [UInt8]] = [:]

    public init() {}

    public func write(_ path: String, bytes: [UInt8]) {
        lock.withLock { files[path] = bytes }
    }

    public func copy(from source: String, to path: String) {
        if let bytes = FileReader.read(source, followingLinks: false) { write(path, bytes: bytes) }
    }

    public subscript(path: String) -> [UInt8]? { lock.withLock { files[path] } }
}
