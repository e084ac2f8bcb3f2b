#if canImport(Glibc)
import Glibc
#endif

/// Puts a new folder in place of an old one so that a path never lacks a folder. On Linux,
/// `renameat2(…, RENAME_EXCHANGE)` exchanges the two in one step: the old one is then at the
/// new one's former path. Where the call is missing (glibc before 2.28, another system) or the
/// file system does not support it, the two-step fallback moves the old one aside first, leaving
/// the path briefly empty.
enum FolderSwap {
    /// Exchanges the folders at `a` and `b`; false when this system or file system cannot (then
    /// nothing moved), with errno set.
    static func exchange(_ a: String, _ b: String) -> Bool {
        guard let renameat2 else {
            errno = ENOSYS
            return false
        }
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
    }

    /// Whether an `exchange` failure means "not here" (try the fallback) rather than a real error.
    static func isUnsupported(_ code: Int32) -> Bool {
        code == EINVAL || code == ENOSYS || code == ENOTSUP || code == EOPNOTSUPP
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    /// RENAME_EXCHANGE of <linux/fs.h>.
    private static let renameExchange: UInt32 = 1 << 1

    /// glibc's wrapper, looked up when first used: Swift's Glibc module does not declare it
    /// (it is a `_GNU_SOURCE` declaration).
    private static let renameat2: RenameAt2? = {
        #if os(Linux)
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
        #else
        return nil
        #endif
    }()
}
