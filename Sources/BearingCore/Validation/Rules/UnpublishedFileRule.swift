/// W: a file of the knowledge base the site does not publish because a browser or a web server
/// would run it (`.shtml`, `.xhtm`, `.svg`, `.js`…: PublishPolicy). One warning per file, so a pull
/// request that adds one shows it; `rules: {unpublished-file: off}` silences them. Files of other
/// types not on the allow-list (`LICENSE`, `Makefile`, `.drawio`) are left out without a warning
/// (nearly every repository has some; `build` names them in a note).
struct UnpublishedFileRule: Rule {
    static let id = RuleID.unpublishedFile

    func check(_ kb: KnowledgeBase, today: Day) -> [Diagnostic] {
        kb.assets.compactMap { path in
            guard case .active(let ext)? = PublishPolicy.verdict(forAsset: path, configuration: kb.configuration) else { return nil }
            return diagnostic("not published: a browser or web server would run a '.\(ext)' file from the site",
                              at: SourceLocation(path: path, line: 1, column: 1), hint: "unsafe_html: true publishes it")
        }
    }
}
