import BearingCore

/// `textDocument/inlayHint`: after each reference to a goal — in `goals:` and `parent:`, and
/// in the body's wikilinks — the goal's progress (`46%`), or how it finished (`✓ achieved`), so
/// that a brief shows how the goals it serves are doing without opening them. Only the hints
/// inside the requested range; a goal whose progress is unknown gets none.
enum InlayHints {
    static func hints(_ params: InlayHintParams, _ snapshot: WorkspaceSnapshot) -> [InlayHint] {
        guard let path = snapshot.path(of: params.textDocument.uri), let document = snapshot.knowledgeBase.document(atPath: path),
              let lines = snapshot.lines(of: path) else { return [] }
        let kb = snapshot.knowledgeBase
        var progress: [String: GoalProgress]?
        var hints: [InlayHint] = []
        for reference in document.references where [.goals, .parent].contains(reference.kind)
            || (reference.kind == .mentions && reference.written.hasPrefix("[[")) {
            guard let target = reference.target, let goal = kb.document(target), goal.type == .goal,
                  let written = snapshot.writtenRange(of: reference, in: lines),
                  params.range.start <= written.end, written.end <= params.range.end else { continue }
            let label: String
            if kb.isFinished(goal) {
                let workflow = kb.workflow(of: goal)
                let succeeded = workflow.statuses.first(where: workflow.isTerminal) == goal.status
                label = (succeeded ? "✓ " : "✗ ") + goal.status
            } else {
                if progress == nil { progress = snapshot.analysis?.progress ?? kb.goalProgressTable() }
                guard let value = progress?[goal.id]?.value else { continue }
                label = Percent.format(value)
            }
            hints.append(InlayHint(position: end(of: reference, written: written, in: lines, snapshot: snapshot), label: label,
                                   paddingLeft: true, tooltip: goal.title))
        }
        return hints.sorted { $0.position < $1.position }
    }

    /// Where the hint goes: after the written id, after the closing `]]` of a wikilink.
    private static func end(of reference: Reference, written: Range, in lines: LineIndex, snapshot: WorkspaceSnapshot) -> Position {
        guard reference.kind == .mentions else { return written.end }
        let place = SourceLocation(path: reference.location.path, line: written.end.line + 1,
                                   column: lines.column(of: written.end, encoding: snapshot.encoding))
        return snapshot.range(of: "]]", from: place, in: lines)?.end ?? written.end
    }
}

extension RequestHandler {
    /// `textDocument/inlayHint`: progress after goal references (the progress table alone, cheaper
    /// than the whole analysis, which an editor asking after each keystroke would wait for).
    static let inlayHint = RequestHandler.on("textDocument/inlayHint", capability: ("inlayHintProvider", true)) {
        (params: InlayHintParams, snapshot) in InlayHints.hints(params, snapshot)
    }
}
