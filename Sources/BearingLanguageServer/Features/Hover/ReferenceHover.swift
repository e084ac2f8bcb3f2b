import BearingCore

/// The hover of a reference: what the target is (title, type, status, owner, a decision's
/// makers, a goal's progress) and the first lines of its body, or why it does not resolve.
enum ReferenceHover {
    /// How many lines of the target's body are shown.
    static let bodyLines = 6

    /// The Markdown of the hover (nil for a link outside the knowledge base).
    static func markdown(for reference: Reference, _ snapshot: WorkspaceSnapshot) -> String? {
        let kb = snapshot.knowledgeBase
        guard let id = reference.target, let target = kb.document(id) else {
            return reference.external ? nil : unresolved(reference, snapshot)
        }
        var facts = ["\(target.type.rawValue)", "status **\(target.displayedStatus)**"]
        if let owner = target.owner { facts.append("owner \(kb.people.name(of: owner))") }
        if let makers = target.decision?.decisionMakers, !makers.isEmpty {
            facts.append("decided by " + makers.map { kb.people.name(of: $0) }.joined(separator: ", "))
        }
        // Hover does not wait for the analysis: the progress table alone is quick to make.
        if target.type == .goal, let progress = (snapshot.analysis?.progress ?? kb.goalProgressTable())[target.id]?.value {
            facts.append("progress \(Int((progress * 100).rounded()))%")
        }
        var text = "**\(escaped(target.title))**\n\n\(facts.joined(separator: " · "))\n\n`\(target.id)` · `\(target.path)`"
        let excerpt = opening(of: target, snapshot)
        if !excerpt.isEmpty { text += "\n\n---\n\n" + excerpt.joined(separator: "\n") }
        return text
    }

    /// Why a reference does not resolve: the check's own message and hint for it (a missing
    /// file, an ambiguous name), else that no document has the id, with a "did you mean".
    static func unresolved(_ reference: Reference, _ snapshot: WorkspaceSnapshot) -> String {
        let rules: Set<RuleID> = [.unresolvedReference, .missingFile]
        let found = snapshot.result.diagnostics.first { $0.location == reference.location && rules.contains($0.rule) }
        let reason = found.flatMap { $0.message.hasPrefix("unresolved reference") ? nil : $0.message } ?? "no document has this id"
        let hint = (found?.hint ?? snapshot.knowledgeBase.suggestion(forID: reference.written)).map { "\n\n\($0)" } ?? ""
        return "**Unresolved reference** `\(reference.written)`: \(reason).\(hint)"
    }

    /// The first lines of a document's body: its file read as the editor has it, front matter
    /// and a title heading skipped, leading blank lines too, each line cut at 200 characters.
    static func opening(of document: Document, _ snapshot: WorkspaceSnapshot) -> [String] {
        guard let lines = snapshot.lines(of: document.path) else { return [] }
        let split = FrontMatter.split(lines.text)
        var number = max(0, split.bodyFirstLine - 1)
        var found: [String] = []
        while number < lines.lineCount, found.count < bodyLines {
            let line = String(lines.line(number))
            number += 1
            if found.isEmpty, line.allSatisfy(\.isWhitespace) || line == "# " + document.title { continue }
            found.append(line.count > 200 ? String(line.prefix(200)) + "…" : line)
        }
        while found.last?.allSatisfy(\.isWhitespace) == true { found.removeLast() }
        return found
    }

    /// Text with Markdown's emphasis and link characters escaped, to show a title as written.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_[]<>#|".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
