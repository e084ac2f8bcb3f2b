/// Where a knowledge base folder stands in git: one `git rev-parse` answers for every reader of
/// history (dates, snapshots, digests).
public struct GitRepository: Sendable, Equatable {
    /// A shallow clone: its oldest commits are missing.
    public var shallow: Bool
    /// The folder inside its repository (`""` at the top, else ending in `/`).
    public var prefix: String

    /// Nil when the folder is not inside a git work tree, or git cannot run.
    public static func at(_ root: String, git: GitRunner) -> GitRepository? {
        guard let output = git.run(["rev-parse", "--is-inside-work-tree", "--is-shallow-repository", "--show-prefix"], in: root) else {
            return nil
        }
        let lines = String(decoding: output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.first == "true" else { return nil }
        return GitRepository(shallow: lines.count > 1 && lines[1] == "true", prefix: lines.count > 2 ? lines[2] : "")
    }
}
