/// W: a brief still `in-review` after its `review_by` date.
struct OverdueReviewRule: DocumentRule {
    static let id = RuleID.overdueReview
    static let reach = RuleReach.document

    func check(_ brief: Document, at position: Int, in kb: KnowledgeBase, today: Day) -> [Diagnostic] {
        guard let days = kb.overdueReviewDays(brief, today: today), let due = brief.brief?.reviewBy else { return [] }
        return [diagnostic("review of '\(brief.id)' was due \(due) (\(days) day\(days == 1 ? "" : "s") ago) and it is still in-review",
                           at: brief.location(ofField: "review_by"))]
    }
}
