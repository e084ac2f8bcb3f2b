/// `bearing diff`'s forms: Markdown ready to post as a pull-request comment, JSON, and GitHub
/// annotations of the problems the change introduces.
public enum ChangeRenderer {
    public static func markdown(_ change: KnowledgeBaseChange) -> String {
        var lines = ["## Bearing: what this change does to alignment", ""]
        lines.append("`\(change.base)` → `\(change.head)`")
        lines.append("")
        let coverage = change.coverage
        lines.append("- **Work aligned:** \(coverage.work_before) → \(coverage.work_after)")
        lines.append("- **Goals supported:** \(coverage.goals_before) → \(coverage.goals_after)")
        let newErrors = change.newCount(.error), newWarnings = change.newCount(.warning)
        lines.append("- **Problems:** \(newErrors) new \(plural(newErrors, "error")), \(newWarnings) new \(plural(newWarnings, "warning")), \(change.fixed_diagnostics.count) fixed")
        if change.isEmpty {
            lines += ["", "No document changed."]
            return lines.joined(separator: "\n") + "\n"
        }
        func section(_ title: String, _ items: [String]) {
            guard !items.isEmpty else { return }
            lines += ["", "### \(title) (\(items.count))", ""]
            lines += items.map { "- " + $0 }
        }
        func name(_ entry: KnowledgeBaseChange.Entry) -> String {
            "**\(Escape.markdown(entry.title))** (\(entry.type), `\(code(entry.path))`)"
        }
        section("Status changes", change.status_changes.map { "\(name($0.document)): \(Escape.markdown($0.from)) → **\(Escape.markdown($0.to))**" })
        section("Goal progress", change.progress_changes.map { "\(name($0.document)): \(percent($0.from)) → **\(percent($0.to))**" })
        section("Added", change.added.map { "\(name($0)), \(Escape.markdown($0.status))" })
        section("Changed", change.changed.map { "\(name($0.document)): \($0.fields.map { Escape.markdown($0) }.joined(separator: ", "))" })
        section("Renamed", change.renamed.map { "**\(Escape.markdown($0.title))**: `\(code($0.from))` → `\(code($0.to))`" })
        section("Removed", change.removed.map(name))
        section("New orphans: work that serves no active goal", change.new_orphans.map(name))
        section("No longer orphans", change.resolved_orphans.map(name))
        section("New problems", change.new_diagnostics.map(problem))
        section("Fixed problems", change.fixed_diagnostics.map(problem))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The change as JSON (sorted keys, like every JSON output of Bearing).
    public static func json(_ change: KnowledgeBaseChange) throws -> String {
        try JSONWriter.encode(change)
    }

    /// `::error file=…,line=…::message` for each new problem, as `bearing check --format github`.
    public static func github(_ change: KnowledgeBaseChange, pathPrefix: String = "") -> String {
        change.new_diagnostics.map { problem in
            let kind = problem.severity == Severity.error.rawValue ? "error" : "warning"
            let path = DiagnosticFormat.escapeProperty(pathPrefix + problem.path)
            return "::\(kind) file=\(path),line=\(problem.line),col=\(problem.column),title=\(DiagnosticFormat.escapeProperty(problem.rule))::\(DiagnosticFormat.escapeData(problem.message))\n"
        }.joined()
    }

    private static func problem(_ problem: KnowledgeBaseChange.Problem) -> String {
        "`\(code(problem.path)):\(problem.line):\(problem.column)` \(problem.severity): \(Escape.markdown(problem.message)) [\(problem.rule)]"
    }

    private static func percent(_ value: Int?) -> String { value.map { "\($0)%" } ?? "unknown" }

    private static func plural(_ n: Int, _ word: String) -> String { n == 1 ? word : word + "s" }

    /// Text inside a code span: backticks would end it, a line break would end the line.
    private static func code(_ text: String) -> String { String(text.terminalSafe.map { $0 == "`" ? "'" : $0 }) }
}
