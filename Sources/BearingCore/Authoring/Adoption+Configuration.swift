extension Adoption {
    /// The `bearing.yml` `bearing adopt` writes: the title, an alias for each status word nothing
    /// maps (the stage it most likely means, and the files that use it), and the templates to
    /// ignore, each with a comment; a header says what to review. No rule is switched off: every
    /// rule either applies to what was read or already stays silent where it cannot (no
    /// `unknown-person` without people.yml, no `orphan` without goals), and real findings must stay
    /// visible.
    ///
    ///     status_aliases:
    ///       decision:
    ///         shelved: proposed   # 2 files: decisions/0002-y.md, decisions/0003-z.md; check the stage
    public func configurationText(title: String, today: Day) -> String {
        var lines = [
            "# Written by `bearing adopt` on \(today) from the documents in this folder. Review it, then commit it:",
        ]
        if !unknown.isEmpty {
            lines.append("# - status_aliases: the stage of each word is a guess from the closest known word; check it.")
        }
        if !templates.isEmpty {
            lines.append("# - ignore: templates that nothing links to; check that they hold no records.")
        }
        lines += [
            "# - rules: none is switched off, so `bearing check` shows every finding; switch one off",
            "#   (rules: {RULE-ID: off}) only when your team decides it does not apply.",
            "# Every setting is described in Bearing's docs/front-matter.md, section bearing.yml.",
            "title: \(YAMLScalar.text(title))",
        ]
        if !unknown.isEmpty {
            lines += ["", "# Status words no built-in table knows, mapped to a stage of the workflow.", "status_aliases:"]
            for type in DocumentType.allCases {
                let words = unknown.filter { $0.type == type }
                guard !words.isEmpty else { continue }
                lines.append("  \(type.rawValue):")
                lines += Self.commented(words.map { word in
                    ("    \(YAMLScalar.text(word.word)): \(word.stage)",
                     "\(Self.plural(word.files.count, "file")): \(Self.names(word.files)); check the stage")
                })
            }
        }
        if !templates.isEmpty {
            lines += ["", "# Templates, not records: left out of checks, reports and the site.", "ignore:"]
            lines += Self.commented(templates.map { template in
                ("  - \(YAMLScalar.text(template.pattern))",
                 template.isFolder ? "a folder of templates (\(Self.plural(template.files, "document")))" : "a template")
            })
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Entries with their comments lined up after the longest entry.
    static func commented(_ entries: [(entry: String, comment: String)]) -> [String] {
        let width = entries.map(\.entry.count).max() ?? 0
        return entries.map { $0.entry + String(repeating: " ", count: width - $0.entry.count) + "   # " + $0.comment }
    }

    /// The first three paths, then `…`; a control character (which would end the comment) as `?`.
    static func names(_ paths: [String]) -> String {
        let shown = (paths.prefix(3) + (paths.count > 3 ? ["…"] : [])).joined(separator: ", ")
        return String(shown.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) })
    }
}
