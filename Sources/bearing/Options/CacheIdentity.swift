import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the build cache must have been made by to be used: this program (its version, and its
/// executable's size and time, so that a rebuilt Bearing of the same version does not trust an
/// older one's parses) for this knowledge base (its folder, links resolved).
enum CacheIdentity {
    static func current(knowledgeBase: String) -> String {
        var info = stat()
        let executable = stat("/proc/self/exe", &info) == 0 ? "\(info.st_size)-\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)" : "unknown"
        let root = URL(fileURLWithPath: knowledgeBase).resolvingSymlinksInPath().standardizedFileURL.path
        return "bearing \(Bearing.configuration.version) executable \(executable) knowledge-base \(root)"
    }
}
