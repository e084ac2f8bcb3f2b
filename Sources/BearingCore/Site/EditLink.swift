import Foundation

/// Where a document's source can be edited on the web, for the "Edit this page" link: bearing.yml's
/// `repository_url` and the document's path, else, when the knowledge base sits in a git work tree
/// whose `origin` is on GitHub, GitHub's editor for the file on the checked-out branch.
///
/// ```yaml
/// repository_url: https://github.com/acme/handbook/edit/main/kb   # → …/edit/main/kb/goals/g-growth.md
/// ```
enum EditLink {
    /// The address documents' paths are appended to (no trailing `/`), or nil when none is known.
    /// Git is asked only without `repository_url`, with history on, and in one process.
    static func base(configuration: Configuration, source: String, git: GitRunner?) -> String? {
        if let url = URLSafety.webAddress(configuration.repositoryURL?.trimmingSpaces()) {
            return String(url.reversed().drop { $0 == "/" }.reversed())
        }
        guard configuration.history, let git else { return nil }
        return gitHubBase(source: source, git: git)
    }

    /// The edit address of the document at `path` (relative to the KB), each segment percent-encoded.
    static func url(base: String, path: String) -> String {
        base + "/" + path.split(separator: "/", omittingEmptySubsequences: false).map { Escape.queryValue(String($0)) }.joined(separator: "/")
    }

    /// `https://github.com/OWNER/REPO/edit/BRANCH/PREFIX` from one `git rev-parse` (the folder's
    /// prefix in its repository, the branch, the repository's config file) and that file's
    /// `[remote "origin"] url`.
    static func gitHubBase(source: String, git: GitRunner) -> String? {
        guard let output = git.run(["rev-parse", "--show-prefix", "--abbrev-ref", "HEAD", "--git-common-dir"], in: source) else { return nil }
        let lines = String(decoding: output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 3 else { return nil }
        let prefix = lines[0], branch = lines[1], gitDir = lines[2]
        let config = (gitDir.hasPrefix("/") ? gitDir : source + "/" + gitDir) + "/config"
        guard let bytes = FileReader.read(config), let remote = originURL(inConfig: String(decoding: bytes, as: UTF8.self)),
              let repository = gitHubRepository(remote) else { return nil }
        // A detached HEAD (a CI checkout of a commit) edits the default branch.
        let ref = branch.isEmpty || branch == "HEAD" ? "HEAD" : branch
        let folder = prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix
        // A branch `feature/x` stays two segments: GitHub reads `/edit/feature/x/…` as the branch and its path.
        let segments = (ref + "/" + folder).split(separator: "/").map(String.init)
        return "https://github.com/\(repository)/edit/" + segments.map(Escape.queryValue).joined(separator: "/")
    }

    /// The `url` of `[remote "origin"]` in a git config file.
    static func originURL(inConfig text: String) -> String? {
        var inOrigin = false
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingSpaces()
            if line.hasPrefix("[") {
                // `[remote "origin"]`: the section name is case-insensitive, the subsection is not.
                let inside = line.dropFirst().prefix { $0 != "]" }
                let parts = inside.split(separator: " ", maxSplits: 1)
                inOrigin = parts.count == 2 && parts[0].lowercased() == "remote" && parts[1] == "\"origin\""
                continue
            }
            guard inOrigin, let equals = line.firstIndex(of: "=") else { continue }
            guard line[..<equals].trimmingSpaces().lowercased() == "url" else { continue }
            var value = line[line.index(after: equals)...].trimmingSpaces()
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            return value.nilIfEmpty
        }
        return nil
    }

    /// `OWNER/REPO` of a GitHub remote in any form git accepts (`https://github.com/o/r.git`,
    /// `git@github.com:o/r.git`, `ssh://git@github.com/o/r`), nil for other hosts.
    static func gitHubRepository(_ remote: String) -> String? {
        var rest = remote
        if let scheme = rest.range(of: "://") {
            rest = String(rest[scheme.upperBound...])
            if let at = rest.firstIndex(of: "@"), at < (rest.firstIndex(of: "/") ?? rest.endIndex) { rest = String(rest[rest.index(after: at)...]) }
            guard let slash = rest.firstIndex(of: "/") else { return nil }
            let host = rest[..<slash].split(separator: ":").first.map(String.init) ?? ""
            guard host.lowercased() == "github.com" || host.lowercased() == "www.github.com" else { return nil }
            rest = String(rest[rest.index(after: slash)...])
        } else {
            // scp-like: git@github.com:owner/repo.git
            guard let colon = rest.firstIndex(of: ":") else { return nil }
            var host = String(rest[..<colon])
            if let at = host.firstIndex(of: "@") { host = String(host[host.index(after: at)...]) }
            guard host.lowercased() == "github.com" else { return nil }
            rest = String(rest[rest.index(after: colon)...])
        }
        if rest.hasSuffix("/") { rest.removeLast() }
        if rest.hasSuffix(".git") { rest.removeLast(4) }
        let parts = rest.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || "-_.".contains($0) } }) else { return nil }
        return parts.joined(separator: "/")
    }
}
