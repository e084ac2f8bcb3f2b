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

    /// True when the KB has at least one goal. Without one (a decision log on its own) no work is
    /// asked to serve a goal: neither `orphan` nor `serves-finished-goal` applies.
    public var hasGoals: Bool {
        !documents(ofType: .goal).isEmpty
    }

    /// Work that is not finished and serves no goal, directly or through its briefs, in a KB that has
    /// goals. `served`: the work's `servedGoalIDs` when the caller has them already.
    public func isOrphan(_ document: Document, served: [String]? = nil) -> Bool {
        isWork(document) && !isFinished(document) && hasGoals && (served ?? servedGoalIDs(document)).isEmpty
    }

    /// The goals an unfinished item serves (its parent, for a goal) when every one of them is finished;
    /// empty otherwise, and in a KB without goals. `served`: the work's `servedGoalIDs` when the caller has them already.
    public func finishedGoalsServedOnly(by document: Document, served: [String]? = nil) -> [Document] {
        guard document.type != .note, !isFinished(document), hasGoals else { return [] }
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

    /// Days a decision has been `proposed` since the date it states (`date`) when over `pending_after_days`.
    /// A date from git alone (`created`) is not enough: logs imported whole would all be pending.
    public func pendingDays(_ document: Document, today: Day) -> Int? {
        guard document.type == .decision, document.status == "proposed", document.awaitsDecision, let since = document.decision?.date else { return nil }
        let days = today.ordinal - since.ordinal
        return days > configuration.pendingAfterDays ? days : nil
    }

    /// Days since work in motion (an active goal, a brief between its first and terminal statuses)
    /// was last updated, when over `stale_after_days`. Settled records are never stale: decisions
    /// (a proposed one is `pending-decision`'s, an accepted one is settled) and notes. Items whose
    /// last update is unknown are never stale.
    public func staleDays(_ document: Document, today: Day) -> Int? {
        guard document.type == .goal || document.type == .brief, isActive(document),
              let last = document.updated ?? document.created else { return nil }
        let days = today.ordinal - last.ordinal
        return days > configuration.staleAfterDays ? days : nil
    }
}
