import Foundation

/// What validation keeps from one run for the next run over an updated model (the engine behind
/// `bearing serve`): each rule's diagnostics, those of document rules by document, so that after
/// an edit only the documents it can change are checked again. Safe to use from several threads.
public final class ValidationMemory: @unchecked Sendable {
    struct Run: Sendable {
        /// The model generation validated (ModelMemory.Generation).
        var generation: Int
        var today: Day
        /// The model validated.
        var kb: KnowledgeBase
        /// By rule, in `Validator.rules` order.
        var results: [Validator.RuleResult]
    }

    private let lock = NSLock()
    private var last: Run?

    public init() {}

    /// The last run when it validated this model generation, for the same day, over as many documents.
    func lastRun(generation: Int, today: Day, count: Int) -> Run? {
        lock.withLock { last.flatMap { $0.generation == generation && $0.today == today && $0.kb.documents.count == count ? $0 : nil } }
    }

    func store(_ run: Run) { lock.withLock { last = run } }

    public func forgetAll() { lock.withLock { last = nil } }
}
