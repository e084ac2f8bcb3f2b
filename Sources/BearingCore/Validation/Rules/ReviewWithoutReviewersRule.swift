/// W: a brief `in-review` that names no reviewers or no `review_by`: nobody knows who must read
/// it, or by when.
struct ReviewWithoutReviewersRule: DocumentRule {
    static let id = RuleID.reviewWithoutReviewers
    static let reach = RuleReach.document

    func check(_ brief: Document, at position: Int, in kb: KnowledgeBase, today: Day) -> [Diagnostic] {
        guard brief.type == .brief, brief.status == "in-review", let details = brief.brief else { return [] }
        let missing = [details.reviewers.isEmpty ? "no reviewers" : nil, details.reviewBy == nil ? "no review_by date" : nil].compactMap { $0 }
        guard !missing.isEmpty else { return [] }
        return [diagnostic("brief '\(brief.id)' is in-review with \(missing.joined(separator: " and ")): say who must read it and by when",
                           at: brief.location(ofField: "status"))]
    }
}
