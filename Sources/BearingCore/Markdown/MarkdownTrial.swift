import CCmarkGFM
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Parses and renders a body once in a child process with a CPU-time and a memory limit, to learn
/// whether cmark-gfm can do it within them before the real parse in this process. Upstream's known
/// quadratic and cubic inputs (nested brackets, `![[]()`, wide tables, emphasis after many `>`…)
/// are still in the packaged library; this bounds whatever shape comes next as well. A CPU-time
/// limit (not a wall clock) keeps the verdict the same on a busy machine.
enum MarkdownTrial {
    /// CPU seconds the child may use (the kernel's RLIMIT_CPU counts whole seconds).
    static let cpuSeconds = 1
    /// Memory the child may add to what it shares with this process.
    static let memoryBytes = 256 << 20
    /// A child stuck without using CPU (it should never be) is killed after this long.
    static let wallSeconds = 20.0

    /// Nil when the trial finished within the limits; else why the body is cut.
    static func run(_ body: String, options: Int32, extensions: [OpaquePointer],
                    lock: NSLock) -> MarkdownLimits.Cut? {
        #if canImport(Glibc)
        var text = body
        let addressLimit = currentAddressSpace().map { $0 + memoryBytes }
        let devNull = open("/dev/null", O_WRONLY)
        defer { if devNull >= 0 { close(devNull) } }
        let pid: pid_t = text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                // Forked while no other thread is inside cmark-gfm, so its global tables are whole in the child.
                lock.withLock {
                    let pid = fork()
                    guard pid == 0 else { return pid }
                    // The child: C calls only (another thread may have held a lock of the Swift runtime).
                    var cpu = rlimit(rlim_cur: rlim_t(cpuSeconds), rlim_max: rlim_t(cpuSeconds + 1))
                    setrlimit(__rlimit_resource_t(RLIMIT_CPU.rawValue), &cpu)
                    if let addressLimit {
                        var memory = rlimit(rlim_cur: rlim_t(addressLimit), rlim_max: rlim_t(addressLimit))
                        setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &memory)
                    }
                    // cmark-gfm reports running out of memory on stderr before aborting.
                    if devNull >= 0 { dup2(devNull, 2) }
                    guard let parser = cmark_parser_new(options) else { _exit(1) }
                    for ext in extensions { cmark_parser_attach_syntax_extension(parser, ext) }
                    cmark_parser_feed(parser, chars.baseAddress, chars.count)
                    guard let root = cmark_parser_finish(parser) else { _exit(1) }
                    let html = cmark_render_html(root, options, cmark_parser_get_syntax_extensions(parser))
                    _exit(html == nil ? 1 : 0)
                }
            }
        }
        guard pid > 0 else { return nil }  // No child (out of processes): parse in this process as before.
        var status: Int32 = 0
        let start = Date()
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { break }
            if result == -1, errno != EINTR { return nil }
            if Date().timeIntervalSince(start) > wallSeconds {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                return cut("did not finish")
            }
            usleep(2_000)
        }
        let signal = status & 0x7f
        if signal == 0, (status >> 8) & 0xff == 0 { return nil }
        if signal == SIGXCPU || signal == SIGKILL { return cut("needs more than \(cpuSeconds) s of processing") }
        return cut("needs more than \(memoryBytes >> 20) MB of memory")
        #else
        return nil
        #endif
    }

    private static func cut(_ what: String) -> MarkdownLimits.Cut {
        MarkdownLimits.Cut(message: "the Markdown library \(what) for this body", line: 1)
    }

    /// This process's virtual memory size in bytes (/proc/self/statm counts pages).
    private static func currentAddressSpace() -> Int? {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let pages = statm.split(separator: " ").first.flatMap({ Int($0) }) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
