/// W: a brief still `in-review` after its `review_by` date.
struct OverdueReviewRule: Rule {
    static let id = RuleID.overdueReview

    func check(_ kb: KnowledgeBase, today: Day) -> [Diagnostic] {
        kb.documents(ofType: .brief).compactMap { brief in
            guard let days = kb.overdueReviewDays(brief, today: today), let due = brief.brief?.reviewBy else { return nil }
            return diagnostic("review of '\(brief.id)' was due \(due) (\(days) day\(days == 1 ? "" : "s") ago) and it is still in-review",
                              at: brief.location(ofField: "review_by"))
        }
    }
}
