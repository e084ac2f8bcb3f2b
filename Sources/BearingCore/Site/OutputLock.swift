import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on an output folder, held by one build from its start to its swap: an
/// advisory `flock` on the file `.NAME.lock` beside the output. The kernel releases it when the
/// build ends in any way, a SIGKILL included, so a lock is never stale.
///
/// The holder removes the file before it lets go, so no file is left beside the output; a build
/// that was waiting then holds the lock of a removed file, sees that the name now leads to
/// another file (or none) and starts over. Whoever holds the lock of the file the name leads to
/// is the only one writing.
final class OutputLock {
    private let file: String
    private var descriptor: Int32

    /// Takes the lock on `file`; when another build holds it, calls `waiting` once, then waits
    /// for it to end. Throws when the lock file cannot be opened or locked.
    static func acquire(_ file: String, waiting: () -> Void) throws(SiteWriter.Failure) -> OutputLock {
        var warned = false
        while true {
            let descriptor = open(file, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw .cannotCreate(file, String(cString: strerror(errno))) }
            if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
                guard errno == EWOULDBLOCK else { throw failure(file, closing: descriptor) }
                if !warned { waiting() }
                warned = true
                while flock(descriptor, LOCK_EX) != 0 {
                    guard errno == EINTR else { throw failure(file, closing: descriptor) }
                }
            }
            var held = stat(), named = stat()
            if fstat(descriptor, &held) == 0, stat(file, &named) == 0, held.st_dev == named.st_dev, held.st_ino == named.st_ino {
                return OutputLock(file: file, descriptor: descriptor)
            }
            close(descriptor)
        }
    }

    /// The failure errno names, once the descriptor is closed.
    private static func failure(_ file: String, closing descriptor: Int32) -> SiteWriter.Failure {
        let reason = String(cString: strerror(errno))
        close(descriptor)
        return .cannotCreate(file, reason)
    }

    private init(file: String, descriptor: Int32) {
        self.file = file
        self.descriptor = descriptor
    }

    /// Removes the lock file and lets the next build in (closing the file releases the lock).
    func release() {
        guard descriptor >= 0 else { return }
        unlink(file)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
