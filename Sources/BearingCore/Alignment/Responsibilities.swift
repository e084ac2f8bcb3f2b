/// What one person or team id is named in, by role. Lists hold document ids, sorted.
public struct Responsibilities: Sendable, Hashable {
    /// Unfinished documents they own.
    public var owns: [String] = []
    /// Briefs `in-review` that list them as reviewers: feedback awaited.
    public var reviews: [String] = []
    /// Decisions still `proposed` that list them as decision-makers.
    public var decides: [String] = []
    /// Unfinished decisions that consult them.
    public var consulted: [String] = []
    /// Unfinished decisions that keep them informed.
    public var informed: [String] = []
    /// Unfinished goals they contribute to.
    public var contributes: [String] = []
    /// Their items that need action now: owned items overdue, pending or stale, and reviews past due.
    public var overdue: [String] = []

    public var isEmpty: Bool {
        owns.isEmpty && reviews.isEmpty && decides.isEmpty && consulted.isEmpty && informed.isEmpty && contributes.isEmpty
    }
}
