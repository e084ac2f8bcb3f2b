import Foundation

/// Builds the export view of a knowledge base and encodes it as stable JSON.
public enum KnowledgeBaseExport {
    public static func make(_ kb: KnowledgeBase, diagnostics: [Diagnostic], today: Day) -> ExportRoot {
        let config = kb.configuration
        let exportConfig = ExportConfig(
            title: config.title, base_url: config.baseURL, language: config.language, output: config.output,
            horizons: config.horizons,
            workflows: Dictionary(uniqueKeysWithValues: DocumentType.allCases.map {
                let workflow = config.workflow(for: $0)
                return ($0.rawValue, ExportWorkflow(statuses: workflow.statuses, terminal: workflow.statuses.filter(workflow.terminal.contains)))
            }),
            stale_after_days: config.staleAfterDays, pending_after_days: config.pendingAfterDays,
            unsafe_html: config.unsafeHTML,
            rules: Dictionary(uniqueKeysWithValues: config.rules.map { ($0.key.rawValue, $0.value.rawValue) }))
        let progress = kb.goalProgressTable()
        return ExportRoot(
            today: today, config: exportConfig,
            people: kb.people.people.values.sorted { $0.id < $1.id },
            teams: kb.people.teams.values.sorted { $0.id < $1.id },
            documents: kb.documents.map { document($0, in: kb, progress: progress) },
            diagnostics: diagnostics.map(DiagnosticRecord.init))
    }

    static func document(_ d: Document, in kb: KnowledgeBase, progress: [String: GoalProgress]) -> ExportDocument {
        var fields: [String: JSONValue] = [:]
        for pair in d.fields where fields[pair.key] == nil { fields[pair.key] = JSONValue(pair.value) }
        return ExportDocument(
            id: d.id, type: d.type, path: d.path, title: d.title, status: d.status, status_text: d.statusText,
            finished: kb.isFinished(d), owner: d.owner, tags: d.tags, created: d.created, updated: d.updated,
            number: d.number, label: d.label,
            goal: d.goal.map { goal($0, progress: progress[d.id] ?? GoalProgress(value: nil, source: .unknown)) },
            brief: d.brief.map { ExportBrief(reviewers: $0.reviewers, review_by: $0.reviewBy) },
            decision: d.decision.map { ExportDecision(date: $0.date, decision_makers: $0.decisionMakers, consulted: $0.consulted, informed: $0.informed) },
            fields: fields, people: d.people,
            references: d.references.map {
                ExportReference(kind: $0.kind, written: $0.written, target: $0.target, anchor: $0.anchor, external: $0.external,
                                line: $0.location.line, column: $0.location.column)
            },
            backlinks: kb.backlinks[d.id] ?? [],
            headings: d.body.headings.map { ExportHeading(level: $0.level, text: $0.text, anchor: $0.anchor, line: $0.line) })
    }

    static func goal(_ goal: GoalDetails, progress: GoalProgress) -> ExportGoal {
        return ExportGoal(
            horizon: goal.horizon, period: goal.period?.text, period_start: goal.period?.start, period_end: goal.period?.end,
            parent: goal.parent, health: goal.health, contributors: goal.contributors,
            key_results: goal.keyResults.map {
                ExportKeyResult(title: $0.title, baseline: $0.baseline, target: $0.target, current: $0.current, unit: $0.unit, progress: $0.progress)
            },
            progress: progress.value, progress_source: progress.source.rawValue)
    }

    /// Pretty-printed JSON with sorted keys: byte-identical for the same input.
    public static func json(_ root: ExportRoot) throws -> String {
        try JSONWriter.encode(root)
    }
}
