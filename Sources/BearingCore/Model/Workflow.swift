/// The ordered statuses of a type, and which of them end the work (SPEC §2).
public struct Workflow: Sendable, Hashable, Codable {
    public var statuses: [String]
    public var terminal: Set<String>

    public init(statuses: [String], terminal: Set<String>) {
        self.statuses = statuses
        self.terminal = terminal
    }

    /// The workflow's first status (a document that states none has none: "not stated").
    public var initial: String { statuses.first ?? "" }

    public func knows(_ status: String) -> Bool { statuses.contains(status) }

    public func isTerminal(_ status: String) -> Bool { terminal.contains(status) }

    public static let defaults: [DocumentType: Workflow] = [
        .goal: Workflow(statuses: ["proposed", "active", "achieved", "missed", "dropped"],
                        terminal: ["achieved", "missed", "dropped"]),
        .brief: Workflow(statuses: ["draft", "in-review", "approved", "in-progress", "done", "dropped"],
                         terminal: ["done", "dropped"]),
        .decision: Workflow(statuses: ["proposed", "accepted", "rejected", "deprecated", "superseded"],
                            terminal: ["rejected", "deprecated", "superseded"]),
        .note: Workflow(statuses: ["draft", "published"], terminal: []),
    ]
}
