/// The version and commit `bearing --version` prints: `bearing <version> (<commit>)`.
///
/// `make dist` stamps them (scripts/dist.sh): it writes `StampedBuild.generated.swift` beside this
/// file, builds with `-DBEARING_STAMPED`, and removes the file again, so the tree is left as it
/// was. Every other build (plain `swift build`, the tests, `make release`) is unstamped and says
/// so: the next release's version with `-dev`, and `unknown commit`. The stamp depends only on the
/// tag and the commit, so two builds of one commit are alike.
enum BuildStamp {
    #if BEARING_STAMPED
    /// The release version (`1.2.0`) or, between tags, `git describe`'s (`1.2.0-3-gabc1234`).
    static let version = StampedBuild.version
    /// The short hash of the commit built.
    static let commit = StampedBuild.commit
    #else
    /// The next release's version, marked as a development build.
    static let version = Bearing.baseVersion + "-dev"
    /// An unstamped build does not know its commit (reading git at run time would be the
    /// working folder's, not the binary's).
    static let commit = "unknown commit"
    #endif

    /// The line `bearing --version` prints.
    static var versionLine: String { "bearing \(version) (\(commit))" }
}
