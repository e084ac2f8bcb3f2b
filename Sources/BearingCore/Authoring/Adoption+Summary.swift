extension Adoption {
    /// What `bearing adopt` prints: a line per type (folders, stages), the status words mapped and
    /// unknown, the templates ignored and what `bearing check` will still report.
    ///
    ///     58 decisions in docs/adr: 41 accepted, 7 proposed, 2 unknown, 8 state no status
    ///       3 status words mapped by the built-in tables: Final → accepted (3 files), …
    ///       1 unknown status word, mapped in bearing.yml: `shelved` → proposed (2 files)
    public var summary: String {
        var lines: [String] = []
        if types.isEmpty { lines.append("No documents found.") }
        for count in types {
            lines.append(Self.line(count))
            let mapped = self.mapped.filter { $0.type == count.type }
            if !mapped.isEmpty {
                lines.append("  \(Self.plural(mapped.count, "status word")) mapped by the built-in tables: "
                             + Self.list(mapped.map { "\($0.written.terminalSafe) → \($0.stage) (\(Self.plural($0.files, "file")))" }))
            }
            let unknown = self.unknown.filter { $0.type == count.type }
            if !unknown.isEmpty {
                lines.append("  \(Self.plural(unknown.count, "unknown status word")), mapped in bearing.yml: "
                             + Self.list(unknown.map { "`\($0.word.terminalSafe)` → \($0.stage) (\(Self.plural($0.files.count, "file")))" }))
            }
        }
        if !templates.isEmpty {
            lines.append("Templates, ignored in bearing.yml: "
                         + Self.list(templates.map { $0.isFolder ? "\($0.path.terminalSafe)/ (\(Self.plural($0.files, "document")))" : $0.path.terminalSafe }))
        }
        if remaining.isEmpty {
            lines.append("Then `bearing check` reports nothing.")
        } else {
            lines.append("Then `bearing check` reports: "
                         + remaining.map { "\($0.count) \($0.rule.rawValue) (\($0.count == 1 ? $0.severity.rawValue : $0.severity.rawValue + "s"))" }
                            .joined(separator: ", "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `58 decisions in docs/adr: 41 accepted, 7 proposed, 8 state no status`.
    static func line(_ count: TypeCount) -> String {
        var stages = count.stages.map { "\($0.count) \($0.name)" }
        if count.unknownStatus > 0 { stages.append("\(count.unknownStatus) unknown") }
        if count.notStated > 0 { stages.append("\(count.notStated) state\(count.notStated == 1 ? "s" : "") no status") }
        let name = plural(count.count, count.type.rawValue)
        let head = name + " in " + place(count.folders).terminalSafe
        // Notes rarely state a status: "12 notes in docs" says it all.
        if count.type == .note, count.notStated == count.count { return head }
        return head + ": " + stages.joined(separator: ", ")
    }

    /// `docs/adr`; `docs/adr and 2 folders below it`; `21 folders under keps`; `3 folders (a 8, b 3, c 1)`.
    static func place(_ folders: [Tally]) -> String {
        guard folders.count > 1 else { return shown(folders.first?.name ?? "") }
        let paths = folders.map { $0.name.split(separator: "/") }
        var common = 0
        while paths.allSatisfy({ $0.count > common && $0[common] == paths[0][common] }) { common += 1 }
        let ancestor = paths[0].prefix(common).joined(separator: "/")
        if !ancestor.isEmpty, folders.contains(where: { $0.name == ancestor }) {
            return "\(ancestor) and \(plural(folders.count - 1, "folder")) below it"
        }
        if !ancestor.isEmpty { return "\(folders.count) folders under \(ancestor)" }
        let shownFolders = folders.prefix(4).map { "\(shown($0.name)) \($0.count)" } + (folders.count > 4 ? ["…"] : [])
        return "\(folders.count) folders (\(shownFolders.joined(separator: ", ")))"
    }

    static func shown(_ folder: String) -> String { folder.isEmpty ? "the top folder" : folder }

    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// At most six items, then how many more.
    static func list(_ items: [String]) -> String {
        items.count <= 6 ? items.joined(separator: ", ") : (items.prefix(5) + ["\(items.count - 5) more"]).joined(separator: ", ")
    }
}
