/// W: a child goal whose period lies outside its parent's (shares no day with it; a week that
/// straddles the parent's boundary is inside), or whose horizon is not shorter.
struct GoalOutsideParentRule: DocumentRule {
    static let id = RuleID.goalOutsideParent
    static let reach = RuleReach.servedGoals

    func check(_ child: Document, at position: Int, in kb: KnowledgeBase, today: Day) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let horizons = kb.configuration.horizons
        guard let details = child.goal, let parentID = details.parent, let parent = kb.document(parentID),
              let parentDetails = parent.goal else { return [] }
        if let period = details.period, let parentPeriod = parentDetails.period, !parentPeriod.overlaps(period) {
            diagnostics.append(diagnostic("period \(period.text) lies outside the parent goal's period \(parentPeriod.text) ('\(parent.id)')",
                                          at: child.location(ofField: "period")))
        }
        if let horizon = details.horizon, let parentHorizon = parentDetails.horizon,
           let rank = horizons.firstIndex(of: horizon), let parentRank = horizons.firstIndex(of: parentHorizon), rank <= parentRank {
            diagnostics.append(diagnostic("horizon '\(horizon)' is not shorter than the parent goal's '\(parentHorizon)' ('\(parent.id)')",
                                          at: child.location(ofField: "horizon")))
        }
        return diagnostics
    }
}
