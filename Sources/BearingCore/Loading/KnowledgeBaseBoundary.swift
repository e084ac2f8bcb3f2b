#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The edge of a knowledge base (SPEC §1), which every read of its files passes: a path is
/// inside when, with every symbolic link in it resolved, it is the KB's folder (itself resolved)
/// or below it. A link whose target leaves the folder is not followed, whatever reads it (the
/// scan, bearing.yml, people.yml, a sidecar, the theme's `templates/`, the files a site copies).
/// Only regular files are read: a fifo, a device or a socket is never opened for reading.
public struct KnowledgeBaseBoundary: Sendable, Hashable {
    /// The folder as given (paths of its files are this, `/`, and their relative path).
    public let root: String
    /// The folder with every symbolic link resolved.
    public let resolvedRoot: String

    public init(root: String) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        resolvedRoot = Self.realPath(self.root) ?? self.root
    }

    /// Where a path of the knowledge base leads.
    public enum Place: Sendable, Equatable {
        /// Inside the knowledge base, at this absolute path without symbolic links.
        case inside(String)
        /// A symbolic link (here or in a folder above) leads to `target`, outside the knowledge base.
        case outside(target: String)
        /// Nothing there: absent, a dangling link or a loop of links.
        case missing
    }

    /// Where `relative` (a path below the root) leads once its symbolic links are resolved.
    public func locate(_ relative: String) -> Place {
        locate(absolute: relative.isEmpty ? root : root + "/" + relative)
    }

    /// Where an absolute path leads once its symbolic links are resolved.
    public func locate(absolute path: String) -> Place {
        guard let resolved = Self.realPath(path) else { return .missing }
        return contains(resolved: resolved) ? .inside(resolved) : .outside(target: resolved)
    }

    /// Whether a path without symbolic links is the root or below it.
    public func contains(resolved path: String) -> Bool {
        path == resolvedRoot || path.hasPrefix(resolvedRoot == "/" ? "/" : resolvedRoot + "/")
    }

    /// The path with every symbolic link, `.` and `..` resolved; nil when some part is missing or links loop.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

extension Diagnostic {
    /// `notes/outside: warning: symbolic link to '/etc' leaves the knowledge base: skipped [unsafe-link]`.
    static func linkLeavingKnowledgeBase(_ path: String, to target: String) -> Diagnostic {
        Diagnostic(.warning, .unsafeLink, "symbolic link to '\(target)' leaves the knowledge base: skipped",
                   at: SourceLocation(path: path, line: 1, column: 1))
    }
}
