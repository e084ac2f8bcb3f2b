import BearingCore

extension CodeActions {
    /// "Set status to 'accepted'", one per other status of the document's workflow, in the
    /// workflow's order, when the selection is in the front matter or on the line that states the
    /// status. Each edit is what `bearing status` would write (the status where the file keeps
    /// it, `updated:` touched, a successor no longer named), planned by BearingCore's
    /// StatusChangePlan from the editor's text; a status `bearing status` would refuse (a brief
    /// approved before every reviewer signed off) is not offered.
    var statusChanges: [CodeAction] {
        guard inFrontMatter || onStatedStatus else { return [] }
        let kb = snapshot.knowledgeBase
        let workflow = kb.workflow(of: document)
        return workflow.statuses.filter { $0 != document.status }.compactMap { status in
            guard let plan = try? StatusChangePlan.make(kb: kb, id: document.id, status: status, by: nil, today: snapshot.today,
                                                        read: { snapshot.lines(of: $0)?.text }),
                  let change = plan.edits.first(where: { $0.path == path }), plan.edits.count == 1,
                  let edit = edit(to: change.text) else { return nil }
            return CodeAction(title: "Set status to '\(status)'", kind: CodeAction.rewrite, edit: edit)
        }
    }

    /// Whether the selection touches the line that states the status (in the body, for a record
    /// without front matter).
    private var onStatedStatus: Bool {
        let stated = document.fields.first { $0.key == "status" }.map(\.keyLine) ?? document.statedLocations["status"]?.line
        guard let line = stated, line > 0 else { return false }
        return range.start.line <= line - 1 && line - 1 <= range.end.line
    }
}
