/// A share: how many of `total` items are `covered`. `share` is nil when there is nothing to count.
public struct Coverage: Sendable, Hashable {
    public var covered = 0
    public var total = 0

    public var share: Double? { total == 0 ? nil : Double(covered) / Double(total) }

    mutating func count(_ isCovered: Bool) {
        total += 1
        if isCovered { covered += 1 }
    }
}

/// The two alignment shares of SPEC §5 (definitions in docs/metrics.md).
public struct AlignmentCoverage: Sendable, Hashable {
    /// Unfinished briefs and decisions whose goal chain reaches an active top-level goal.
    public var work = Coverage()
    /// Active goals that at least one unfinished brief or decision serves, directly or through a descendant goal.
    public var goals = Coverage()
}
