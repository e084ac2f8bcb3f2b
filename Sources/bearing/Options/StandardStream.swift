#if canImport(Glibc)
import Glibc
#endif

/// Standard output and error written with write(2), every byte or the reason why not.
/// Foundation's `FileHandle.write(_:)` traps with a backtrace when a write fails (a full disk,
/// a closed descriptor); a failed write here is a value the caller turns into a sentence.
enum StandardStream {
    /// Which of stdin, stdout and stderr the process started without (`>&-`), each then opened on
    /// /dev/null: the next file Bearing opens would otherwise take the number, and output meant for
    /// stdout would land in it (a lock file, a page). Read first thing in `main`, before any open.
    static let closedAtStart: [Bool] = (Int32(0)...2).map { descriptor in
        guard fcntl(descriptor, F_GETFD) == -1, errno == EBADF else { return false }
        let opened = open("/dev/null", O_RDWR)
        if opened >= 0, opened != descriptor {
            dup2(opened, descriptor)
            close(opened)
        }
        return true
    }

    /// Writes all of `text` to `descriptor`; nil when written, else why it could not be.
    static func write(_ text: String, to descriptor: Int32) -> String? {
        if (0...2).contains(descriptor), closedAtStart[Int(descriptor)] { return reason(EBADF) }
        var text = text
        return text.withUTF8 { buffer -> String? in
            var offset = 0
            while offset < buffer.count {
                guard let base = buffer.baseAddress else { return nil }
                let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return reason(errno)
                }
                offset += written
            }
            return nil
        }
    }

    /// The failure as the end of a sentence.
    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOSPC: "no space is left on the device"
        case EDQUOT: "the disk quota is used up"
        case EBADF: "it is closed"
        case EPIPE: "the program reading it has stopped"
        case EIO: "an input/output error"
        default: String(cString: strerror(code)).lowercased()
        }
    }
}
