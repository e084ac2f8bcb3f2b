/// What kind of document a file is when its front matter does not say (SPEC §1.1), first found of:
/// 1. `types:` patterns in bearing.yml (`"docs/rfcs/**": decision`);
/// 2. its folders, deepest first, then the knowledge base's own folder (`bearing check docs/adr`):
///    `goals/`, `briefs/`, `decisions/`, `adr/`, `notes/`…;
/// 3. its content: a stated status or deciders, a sidecar file, MADR or Nygard sections, or a
///    record number in its name (`0007-x.md`, `ADR-10.md`, `adr-101-x.md`) make a decision;
/// 4. proposal folders (`rfcs/`, `text/`, `proposals/`, `design/`, `keps/`, `EIPS/`…) and folders
///    most of whose files are numbered records (and the folders below them) hold decisions;
/// 5. anything else is a note.
/// An index page (`README.md`, `index.md`) in a decision or proposal folder is a note unless its
/// content is a record's.
struct DocumentClassifier {
    var configuration: Configuration

    /// `frontMatterStatus`: a `status:` written in front matter, which counts as a record's when it is
    /// a decision's word and not a note's (`Final`, not `draft`).
    func type(of path: String, stated: StatedMetadata, headings: [MarkdownHeading], hasSidecar: Bool, frontMatterStatus: String? = nil) -> DocumentType {
        if let configured = configuration.type(forPath: path) { return configured }
        let stem = DocumentReader.stem(of: path)
        // The README of a numbered folder (`keps/sig-node/281-dynamic-kubelet-config/README.md`) is the record itself.
        let isIndex = Self.indexNames.contains(stem.lowercased()) && DocumentReader.defaultID(of: path) == stem
        let isRecord = hasSidecar || hasRecordContent(stated, headings: headings) || frontMatterStatus.map(isDecisionStatus) == true || (!isIndex && Self.recordNumber(in: stem) != nil) || DocumentReader.defaultID(of: path) != stem
        var folders = path.split(separator: "/").dropLast().map { $0.lowercased() }
        // The KB's own folder speaks only for decision logs (`bearing check docs/adr`); a clone named
        // `rfcs` or `EIPs` does not make its README or governance notes decisions.
        if let name = configuration.folderName?.lowercased(), Self.folderTypes[name] == .decision { folders.insert(name, at: 0) }
        for folder in folders.reversed() {
            guard let type = Self.folderTypes[folder] else { continue }
            if type == .decision, isIndex, !isRecord { return .note }
            return type
        }
        if isRecord { return .decision }
        // A folder of numbered records, or one below it, holds records (`bearing check design`).
        let parts = path.split(separator: "/").dropLast()
        let inRecordFolder = (0...parts.count).contains { configuration.recordFolders.contains(parts.prefix($0).joined(separator: "/")) }
        if !isIndex, inRecordFolder || folders.contains(where: { Self.proposalFolders.contains($0) }) { return .decision }
        return .note
    }

    static let folderTypes: [String: DocumentType] = [
        "goals": .goal, "goal": .goal, "okrs": .goal,
        "briefs": .brief, "brief": .brief,
        "decisions": .decision, "decision": .decision, "adr": .decision, "adrs": .decision,
        "decision-records": .decision, "decision-log": .decision, "architecture-decisions": .decision,
        "notes": .note,
    ]

    static let proposalFolders: Set<String> = [
        "rfcs", "rfc", "text", "proposals", "proposal", "design", "designs", "keps", "kep", "eips", "ercs",
        "oteps", "enhancements", "peps", "architecture",
    ]

    static let indexNames: Set<String> = ["readme", "index", "_index", "toc", "summary", "contributing", "license"]

    /// A decision's status (one the KB's decision workflow, aliases or the vocabularies know: `Status:
    /// Beta` on a README is not one), deciders or a successor stated in any form, or the sections of
    /// a MADR or Nygard record.
    func hasRecordContent(_ stated: StatedMetadata, headings: [MarkdownHeading]) -> Bool {
        if let status = stated.first(.status), StatusText.read(status.text, type: .decision, workflow: configuration.workflow(for: .decision),
                                                                aliases: configuration.statusAliases[.decision] ?? [:])?.known == true {
            return true
        }
        if stated.first(.deciders) != nil || stated.first(.supersededBy) != nil { return true }
        let names = Set(headings.map { $0.text.lowercased().trimmingSpaces() })
        if names.contains("context and problem statement") || names.contains("decision outcome") || names.contains("considered options") { return true }
        return ["context", "decision", "consequences"].filter(names.contains).count >= 2
    }

    /// A status only a decision has: known to the decision workflow or vocabulary, unknown to the note workflow.
    private func isDecisionStatus(_ text: String) -> Bool {
        guard StatusText.read(text, type: .note, workflow: configuration.workflow(for: .note))?.known != true else { return false }
        return StatusText.read(text, type: .decision, workflow: configuration.workflow(for: .decision),
                               aliases: configuration.statusAliases[.decision] ?? [:])?.known == true
    }

    /// `0007-use-x` → 7, `ADR-10` → 10, `adr-101-data-companion` → 101, `eip-1559` → 1559: a number
    /// of three or more digits at the start, or of any length after a record prefix.
    static func recordNumber(in stem: String) -> Int? {
        var rest = Substring(stem)
        let letters = rest.prefix(while: \.isLetter)
        var prefixed = false
        if !letters.isEmpty {
            guard recordPrefixes.contains(letters.lowercased()) else { return nil }
            rest = rest.dropFirst(letters.count)
            guard let separator = rest.first, "-_ ".contains(separator) else { return nil }
            rest = rest.dropFirst()
            prefixed = true
        }
        let digits = rest.prefix(while: \.isASCIIDigit)
        guard !digits.isEmpty, prefixed || digits.count >= 3 else { return nil }
        let after = rest.dropFirst(digits.count).first
        guard after == nil || "-_. ".contains(after!) else { return nil }
        // Date-like prefixes (`20201016-…`, log4brains; `2021-05-10-…`) are not sequence numbers.
        guard digits.count <= 5, !startsWithDate(rest) else { return nil }
        return Int(digits)
    }

    /// `2021-05-10-use-kafka`: a name that opens with a date.
    static func startsWithDate(_ text: Substring) -> Bool {
        Day.parse(String(text.prefix(10))) != nil && text.prefix(10).count == 10
    }

    static let recordPrefixes: Set<String> = ["adr", "rfc", "kep", "eip", "erc", "se", "st", "otep", "pep", "mip", "rfd", "dr"]
}
