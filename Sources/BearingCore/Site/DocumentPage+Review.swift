/// A brief's review on its page: who signed off (when, with what note, from `approvals:`) and
/// whose sign-off is still awaited, with the review's due date and how late it is.
extension DocumentPage {
    /// `{due, overdue_days, signed: [person + {date, note}], awaited: [person], signed_count,
    /// reviewer_count, has_reviewers, in_review}`, or false for a brief without reviewers, sign-offs or due date
    /// (and for other types). Absent values are false.
    func review(_ document: Document, root: String) -> Any {
        guard let brief = document.brief, !brief.reviewers.isEmpty || !brief.approvals.isEmpty || brief.reviewBy != nil else { return false }
        let signed = brief.approvals.map { approval -> [String: Any] in
            var person = items.person(approval.by, root: root)
            person["date"] = approval.date?.description ?? false
            person["note"] = approval.note?.trimmingSpaces().nilIfEmpty ?? false
            return person
        }
        let awaited = brief.awaitedReviewers.map { items.person($0, root: root) }
        return [
            "due": brief.reviewBy?.description ?? false,
            "overdue_days": kb.overdueReviewDays(document, today: analysis.today) ?? false,
            "signed": signed, "awaited": awaited,
            "signed_count": brief.reviewers.count - awaited.count, "reviewer_count": brief.reviewers.count,
            "has_reviewers": !brief.reviewers.isEmpty,
            "in_review": document.status == "in-review",
        ] as [String: Any]
    }
}
