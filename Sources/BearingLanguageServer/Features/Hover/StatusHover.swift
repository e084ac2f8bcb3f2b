import BearingCore

/// The hover of a status: the type's workflow in order, the document's status marked, which
/// statuses end the work, and the status as written when it is not a workflow's word.
enum StatusHover {
    /// The Markdown of the hover of a document's status.
    static func markdown(for document: Document, _ kb: KnowledgeBase) -> String {
        let workflow = kb.workflow(of: document)
        var lines = ["**\(document.type.rawValue) workflow**", ""]
        for (index, status) in workflow.statuses.enumerated() {
            let name = status == document.status ? "**\(status)** ← current" : status
            lines.append("\(index + 1). \(name)\(workflow.isTerminal(status) ? " (terminal)" : "")")
        }
        lines.append("")
        if document.status.isEmpty {
            lines.append("No status stated.")
        } else if !workflow.knows(document.status) {
            lines.append("`\(document.status)` is not in this workflow.")
        } else {
            lines.append(workflow.isTerminal(document.status) ? "Terminal: the work is finished." : "Not terminal: the work goes on.")
        }
        if let written = document.statusText, written.lowercased() != document.status {
            lines.append("Written as \"\(ReferenceHover.escaped(written))\".")
        }
        return lines.joined(separator: "\n")
    }
}
