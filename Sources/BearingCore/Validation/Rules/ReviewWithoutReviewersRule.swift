/// W: a brief `in-review` that names no reviewers or no `review_by`: nobody knows who must read
/// it, or by when.
struct ReviewWithoutReviewersRule: Rule {
    static let id = RuleID.reviewWithoutReviewers

    func check(_ kb: KnowledgeBase, today: Day) -> [Diagnostic] {
        kb.documents(ofType: .brief).compactMap { brief in
            guard brief.status == "in-review", let details = brief.brief else { return nil }
            let missing = [details.reviewers.isEmpty ? "no reviewers" : nil, details.reviewBy == nil ? "no review_by date" : nil].compactMap { $0 }
            guard !missing.isEmpty else { return nil }
            return diagnostic("brief '\(brief.id)' is in-review with \(missing.joined(separator: " and ")): say who must read it and by when",
                              at: brief.location(ofField: "status"))
        }
    }
}
