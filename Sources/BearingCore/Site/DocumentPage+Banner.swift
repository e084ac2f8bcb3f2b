/// The banner at the top of a retired decision's page (as log4brains shows one): a superseded,
/// deprecated or rejected decision says so before anything else and names what replaces it,
/// whether the record names its successor (`superseded_by`, `Superseded by [2. …](0002-….md)`) or
/// only the successor names it (`supersedes:`).
extension DocumentPage {
    /// `{status, status_class, lead, successors: [item], none}` (`none`: the sentence said when no
    /// successor is known, else false), or false: not a decision, or not retired.
    func banner(_ document: Document, root: String) -> Any {
        guard document.type == .decision else { return false }
        let successors = successors(of: document)
        let status = document.status
        let retired = kb.isFinished(document) && status != "accepted"
        guard retired || !successors.isEmpty else { return false }
        let lead: String
        let none: String
        switch status {
        case "superseded":
            lead = successors.isEmpty ? "This decision was superseded" : "This decision was superseded by"
            none = ": no successor is named."
        case _ where retired:
            lead = "This decision was \(status)." + (successors.isEmpty ? "" : " Replaced by")
            none = " No decision replaces it."
        default:
            // Still stated as current, yet another decision supersedes it (bearing check warns).
            lead = "Superseded by"
            none = ""
        }
        return [
            "status": document.statusLabel, "status_class": SitePaths.slug(document.statusLabel), "lead": lead,
            "successors": items.items(successors, root: root), "none": successors.isEmpty ? none : false,
        ] as [String: Any]
    }

    /// The decisions that replace this one: its own `superseded_by` first, then those whose
    /// `supersedes` lists it, each once.
    func successors(of document: Document) -> [String] {
        var result: [String] = []
        for id in document.targets(.supersededBy) where id != document.id && !result.contains(id) { result.append(id) }
        let named = (kb.backlinks[document.id] ?? []).filter { $0.kind == .supersedes }.map(\.source)
        for id in Set(named).sorted() where id != document.id && !result.contains(id) { result.append(id) }
        return result
    }
}
