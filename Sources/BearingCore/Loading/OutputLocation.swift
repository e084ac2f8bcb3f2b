/// Where `bearing build` writes when no `-o` is given: bearing.yml's `output`, a path relative to
/// the knowledge base that must stay inside the knowledge base's parent folder (SPEC §4): `_site`,
/// `site/public`, `../site` are fine; `/srv/www` and `../../x` are not, so that a cloned
/// bearing.yml cannot make a build write anywhere. Checked as written when the configuration is
/// read, and again with symbolic links resolved when a build starts. `-o` is the user's own choice
/// and is not limited.
public enum OutputLocation {
    /// Why a written `output` is refused (as "must be …"), nil when it is fine as written: relative,
    /// and never climbing above the knowledge base's parent.
    static func problem(_ output: String) -> String? {
        let expected = "a relative path inside the knowledge base or beside it (in its parent folder)"
        guard !output.isEmpty, !output.hasPrefix("/"), !output.hasPrefix("~"), !output.contains("\0"), !output.contains("\\") else { return expected }
        // The folders from the knowledge base's parent down, the knowledge base's own first.
        let knowledgeBase: Substring = "\0"
        var folders = [knowledgeBase]
        for part in output.split(separator: "/") where part != "." {
            if part != ".." { folders.append(part) } else if folders.popLast() == nil { return expected }
        }
        // Neither the parent itself nor the knowledge base itself.
        return folders.isEmpty || folders == [knowledgeBase] ? expected : nil
    }

    public enum Failure: Error, CustomStringConvertible, Equatable {
        /// bearing.yml's `output` was refused when read (its diagnostic says why and where).
        case refused(String)
        /// Once symbolic links are resolved, the folder is outside the knowledge base's parent.
        case leaves(String, resolved: String)

        public var description: String {
            switch self {
            case .refused(let output):
                "bearing.yml's output '\(output)' is not a relative path inside the knowledge base's parent folder: nothing built (fix it, or choose the folder with -o)"
            case .leaves(let output, let resolved):
                "bearing.yml's output '\(output)' leads to '\(resolved)' through a symbolic link, outside the knowledge base's parent folder: nothing built (choose the folder with -o)"
            }
        }
    }

    /// The folder a build writes to from bearing.yml (`root` + `output`), checked with links resolved.
    public static func folder(_ configuration: Configuration, root: String) -> Result<String, Failure> {
        if let refused = configuration.refusedOutput { return .failure(.refused(refused)) }
        let output = configuration.output
        if problem(output) != nil { return .failure(.refused(output)) }
        let path = root + "/" + output
        let knowledgeBase = KnowledgeBaseBoundary(root: root).resolvedRoot
        let parent = KnowledgeBaseBoundary(root: knowledgeBase == "/" ? "/" : String(knowledgeBase[..<(knowledgeBase.lastIndex(of: "/") ?? knowledgeBase.startIndex)]))
        let resolved = resolvingExistingPart(path)
        guard parent.contains(resolved: resolved), resolved != parent.resolvedRoot else { return .failure(.leaves(output, resolved: resolved)) }
        return .success(path)
    }

    /// The path with symbolic links resolved in its longest existing part, the rest (which the build
    /// creates, so it holds no links) joined to it part by part.
    static func resolvingExistingPart(_ path: String) -> String {
        var existing = Substring(path)
        var rest: [Substring] = []
        while KnowledgeBaseBoundary.realPath(String(existing)) == nil {
            guard let slash = existing.lastIndex(of: "/"), slash != existing.startIndex else { return path }
            rest.append(existing[existing.index(after: slash)...])
            existing = existing[..<slash]
        }
        var parts = (KnowledgeBaseBoundary.realPath(String(existing)) ?? "").split(separator: "/")
        for part in rest.reversed() where part != "." && !part.isEmpty {
            if part == ".." { _ = parts.popLast() } else { parts.append(part) }
        }
        return "/" + parts.joined(separator: "/")
    }
}
