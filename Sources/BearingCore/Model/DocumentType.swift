/// The four kinds of document (SPEC §1).
public enum DocumentType: String, Sendable, CaseIterable, Codable, Comparable {
    case goal, brief, decision, note

    /// The type implied by a file's folders: the deepest folder named like a type wins.
    public static func inferred(fromPath path: String) -> DocumentType {
        let folders = path.split(separator: "/").dropLast()
        for folder in folders.reversed() {
            switch folder.lowercased() {
            case "goals", "goal": return .goal
            case "briefs", "brief": return .brief
            case "decisions", "decision", "adr", "adrs": return .decision
            case "notes": return .note
            default: continue
            }
        }
        return .note
    }

    private var rank: Int { DocumentType.allCases.firstIndex(of: self)! }
    public static func < (lhs: DocumentType, rhs: DocumentType) -> Bool { lhs.rank < rhs.rank }
}
