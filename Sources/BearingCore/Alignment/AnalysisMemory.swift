import Foundation

/// The last analysis and the model it was made from, for the next update (`bearing serve`).
public final class AnalysisMemory: @unchecked Sendable {
    private let lock = NSLock()
    private var last: (generation: Int, kb: KnowledgeBase, analysis: AlignmentAnalysis)?

    public init() {}

    /// The analysis of a model (`kb`, of this generation), updated from the last one when that was
    /// of the generation it updates, else made anew; kept for the next.
    func analysis(of kb: KnowledgeBase, generation: ModelMemory.Generation, diagnostics: [Diagnostic], today: Day) async -> AlignmentAnalysis {
        let known = lock.withLock { last }
        let made: AlignmentAnalysis
        if let known, let update = generation.update, update.from == known.generation {
            made = await AlignmentAnalysis.update(known.analysis, from: known.kb, to: kb, replaced: update.replaced, diagnostics: diagnostics, today: today)
        } else {
            made = await AlignmentAnalysis.make(kb, diagnostics: diagnostics, today: today)
        }
        lock.withLock { last = (generation.number, kb, made) }
        return made
    }

    public func forgetAll() { lock.withLock { last = nil } }
}
