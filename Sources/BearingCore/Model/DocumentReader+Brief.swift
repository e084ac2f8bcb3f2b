/// A brief's fields: goals, decisions, reviewers, review_by and sign-offs.
extension DocumentReader {
    func readBrief(_ field: [String: YAMLNode], into document: inout Document, reader: inout FieldReader) {
        var brief = BriefDetails()
        addReferences(.goals, reader.strings("goals", field["goals"]), to: &document)
        addReferences(.decisions, reader.strings("decisions", field["decisions"]), to: &document)
        let reviewers = reader.strings("reviewers", field["reviewers"])
        brief.reviewers = reviewers.map(\.value)
        addPeople(.reviewer, reviewers, to: &document)
        brief.reviewBy = reader.day("review_by", field["review_by"])
        brief.approvals = readApprovals(field["approvals"], reader: &reader)
        for approval in brief.approvals where !brief.reviewers.contains(where: { $0.lowercased() == approval.by.lowercased() }) {
            document.people.append(PersonReference(role: .reviewer, id: approval.by, location: approval.location))
        }
        document.brief = brief
    }

    /// `approvals: [{by: li, date: 2027-02-20, note: "…"}]`, or a person id alone (`[li]`).
    func readApprovals(_ node: YAMLNode?, reader: inout FieldReader) -> [Approval] {
        guard let node, !node.isNull else { return [] }
        guard let items = node.sequence else {
            reader.invalid("approvals", node, expected: "a list of {by, date, note}")
            return []
        }
        var approvals: [Approval] = []
        for item in items where !item.isNull {
            if let id = item.string {
                approvals.append(Approval(by: id.trimmingSpaces(), location: reader.location(item)))
                continue
            }
            guard item.mapping != nil, let by = reader.string("approvals.by", item["by"]) else {
                reader.invalid("approvals", item, expected: "a person id or a mapping with 'by' (and 'date', 'note')")
                continue
            }
            approvals.append(Approval(by: by.trimmingSpaces(), date: reader.day("approvals.date", item["date"]),
                                      note: reader.string("approvals.note", item["note"]), location: reader.location(item)))
        }
        return approvals
    }
}
