extension KnowledgeBase {
    /// Briefs and decisions: the work that serves goals.
    public func isWork(_ document: Document) -> Bool {
        document.type == .brief || document.type == .decision
    }

    /// Active: neither finished nor in its workflow's first status (a goal that is `active`, a brief
    /// `in-review` or `in-progress`). When the workflow has a single unfinished status, that status is active.
    public func isActive(_ document: Document) -> Bool {
        let workflow = workflow(of: document)
        guard !workflow.isTerminal(document.status), workflow.knows(document.status) else { return false }
        return document.status != workflow.initial || workflow.statuses.lazy.filter { !workflow.isTerminal($0) }.count == 1
    }

    /// Work that is not finished and serves no goal, directly or through its briefs. `served`: the
    /// work's `servedGoalIDs` when the caller has them already.
    public func isOrphan(_ document: Document, served: [String]? = nil) -> Bool {
        isWork(document) && !isFinished(document) && (served ?? servedGoalIDs(document)).isEmpty
    }

    /// The goals an unfinished item serves (its parent, for a goal) when every one of them is finished;
    /// empty otherwise. `served`: the work's `servedGoalIDs` when the caller has them already.
    public func finishedGoalsServedOnly(by document: Document, served: [String]? = nil) -> [Document] {
        guard document.type != .note, !isFinished(document) else { return [] }
        let ids = document.type == .goal ? document.targets(.parent) : (served ?? servedGoalIDs(document))
        let positions = ids.compactMap { index(of: $0) }
        guard !positions.isEmpty, positions.allSatisfy({ isFinished(documents[$0]) }) else { return [] }
        return positions.map { documents[$0] }
    }

    /// Days a brief's review is overdue: it is `in-review` and `review_by` is before today.
    public func overdueReviewDays(_ document: Document, today: Day) -> Int? {
        guard document.type == .brief, document.status == "in-review", let due = document.brief?.reviewBy, due < today else { return nil }
        return today.ordinal - due.ordinal
    }

    /// Days a decision has been `proposed` (from its `date`, else `created`) when over `pending_after_days`.
    public func pendingDays(_ document: Document, today: Day) -> Int? {
        guard document.type == .decision, document.status == "proposed",
              let since = document.decision?.date ?? document.created else { return nil }
        let days = today.ordinal - since.ordinal
        return days > configuration.pendingAfterDays ? days : nil
    }

    /// Days since an active goal, brief or decision was last updated, when over `stale_after_days`.
    /// Items whose last update is unknown are never stale.
    public func staleDays(_ document: Document, today: Day) -> Int? {
        guard document.type != .note, isActive(document), let last = document.updated ?? document.created else { return nil }
        let days = today.ordinal - last.ordinal
        return days > configuration.staleAfterDays ? days : nil
    }
}
