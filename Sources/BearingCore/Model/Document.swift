/// One goal, brief, decision or note, with its fields typed and its references resolved.
public struct Document: Sendable, Hashable, Identifiable {
    /// The fields, in one shared box: documents are copied often (tables, lists, every rule), and
    /// a copy is then one reference, copied for real only when changed (copy on write).
    private final class Box: @unchecked Sendable {
        var value: Storage
        init(_ value: Storage) { self.value = value }
    }

    private struct Storage: Hashable {
        var id: String
        var path: String
        var type: DocumentType
        var title: String
        var status: String
        var statusText: String? = nil
        var awaitsDecision = false
        var owner: String? = nil
        var tags: [String] = []
        var created: Day? = nil
        var updated: Day? = nil
        var authors: [String] = []
        var datesFromGit: DatesFromGit = []
        var statedLocations: [String: SourceLocation] = [:]
        var number: Int? = nil
        var goal: GoalDetails? = nil
        var brief: BriefDetails? = nil
        var decision: DecisionDetails? = nil
        var references: [Reference] = []
        var people: [PersonReference] = []
        var queries: [QueryBlock] = []
        var fields: [YAMLPair] = []
        var body: MarkdownDocument
    }

    private var box: Box

    public init(id: String, path: String, type: DocumentType, title: String, status: String, body: MarkdownDocument) {
        box = Box(Storage(id: id, path: path, type: type, title: title, status: status, body: body))
    }

    public static func == (a: Document, b: Document) -> Bool { a.box === b.box || a.box.value == b.box.value }

    public func hash(into hasher: inout Hasher) { hasher.combine(box.value) }

    private mutating func unique() {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.value) }
    }

    public var id: String {
        get { box.value.id }
        _modify { unique(); yield &box.value.id }
    }

    public var path: String {
        get { box.value.path }
        _modify { unique(); yield &box.value.path }
    }

    public var type: DocumentType {
        get { box.value.type }
        _modify { unique(); yield &box.value.type }
    }

    public var title: String {
        get { box.value.title }
        _modify { unique(); yield &box.value.title }
    }

    /// The workflow status (normalised to lowercase); the status's leading words when nothing maps
    /// them to the workflow; empty when the document states no status ("not stated").
    public var status: String {
        get { box.value.status }
        _modify { unique(); yield &box.value.status }
    }

    /// The status as written when it said more than the status word
    /// (`accepted; supersedes ADR-0045`, `Superseded by [2. …](0002-….md)`).
    public var statusText: String? {
        get { box.value.statusText }
        _modify { unique(); yield &box.value.statusText }
    }

    /// True when the status waits for a decision (`proposed`, `in review`, `last call`), not a
    /// draft or a deferred record: what `pending-decision` looks at.
    public var awaitsDecision: Bool {
        get { box.value.awaitsDecision }
        _modify { unique(); yield &box.value.awaitsDecision }
    }

    /// The status as shown: as written, else the workflow status, else "not stated".
    public var displayedStatus: String { statusText ?? statusLabel }

    /// The workflow status, or "not stated": what lists, boards and counts group by.
    public var statusLabel: String { status.isEmpty ? Self.notStated : status }

    public static let notStated = "not stated"


    public var owner: String? {
        get { box.value.owner }
        _modify { unique(); yield &box.value.owner }
    }

    public var tags: [String] {
        get { box.value.tags }
        _modify { unique(); yield &box.value.tags }
    }

    public var created: Day? {
        get { box.value.created }
        _modify { unique(); yield &box.value.created }
    }

    public var updated: Day? {
        get { box.value.updated }
        _modify { unique(); yield &box.value.updated }
    }

    /// Where the body or a sidecar file states what front matter would (`status`, `date`), for
    /// diagnostics about records without front matter.
    public var statedLocations: [String: SourceLocation] {
        get { box.value.statedLocations }
        _modify { unique(); yield &box.value.statedLocations }
    }

    /// Which of `created` and `updated` came from git rather than front matter (pages say so).
    public var datesFromGit: DatesFromGit {
        get { box.value.datesFromGit }
        _modify { unique(); yield &box.value.datesFromGit }
    }

    /// Who wrote it: as the record states (`Author(s):`, `authors:`, a changelog's handles), else who
    /// committed changes to the file, from git (the most frequent first); empty when neither says.
    public var authors: [String] {
        get { box.value.authors }
        _modify { unique(); yield &box.value.authors }
    }

    /// The sequence number from a file name such as `0007-use-x.md` (shown as ADR-0007).
    public var number: Int? {
        get { box.value.number }
        _modify { unique(); yield &box.value.number }
    }

    public var goal: GoalDetails? {
        get { box.value.goal }
        _modify { unique(); yield &box.value.goal }
    }

    public var brief: BriefDetails? {
        get { box.value.brief }
        _modify { unique(); yield &box.value.brief }
    }

    public var decision: DecisionDetails? {
        get { box.value.decision }
        _modify { unique(); yield &box.value.decision }
    }

    /// Every reference this document makes, in the order written.
    public var references: [Reference] {
        get { box.value.references }
        _modify { unique(); yield &box.value.references }
    }

    /// Every person or team id it names.
    public var people: [PersonReference] {
        get { box.value.people }
        _modify { unique(); yield &box.value.people }
    }

    /// The ```` ```bearing ```` query blocks of the body, in order.
    public var queries: [QueryBlock] {
        get { box.value.queries }
        _modify { unique(); yield &box.value.queries }
    }

    /// The front matter as written, every key including unknown ones.
    public var fields: [YAMLPair] {
        get { box.value.fields }
        _modify { unique(); yield &box.value.fields }
    }

    /// Headings, query blocks and (when rendered) HTML of the body.
    public var body: MarkdownDocument {
        get { box.value.body }
        _modify { unique(); yield &box.value.body }
    }

    /// Where the document starts: line 1 of its file.
    public var location: SourceLocation { SourceLocation(path: path, line: 1, column: 1) }

    /// The decision label `ADR-0007`, when the file name carries a number.
    public var label: String? {
        guard type == .decision, let number else { return nil }
        let digits = String(number)
        return Self.labelPrefix(of: path) + "-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// `EIP` for `EIPS/eip-1559.md`, `KEP` for `keps/sig-node/281-x/README.md`, `RFC` for
    /// `rfcs/0001-x.md`; else `ADR`.
    static func labelPrefix(of path: String) -> String {
        let parts = path.split(separator: "/").map { $0.lowercased() }
        if let name = parts.last {
            let letters = name.prefix(while: \.isLetter)
            if DocumentClassifier.recordPrefixes.contains(String(letters)), name.dropFirst(letters.count).first.map({ "-_ ".contains($0) }) == true {
                return letters.uppercased()
            }
        }
        for folder in parts.dropLast().reversed() {
            if let prefix = folderPrefixes[folder] { return prefix }
        }
        return "ADR"
    }

    private static let folderPrefixes = ["keps": "KEP", "rfcs": "RFC", "rfc": "RFC", "eips": "EIP", "ercs": "ERC", "peps": "PEP", "oteps": "OTEP"]

    /// The location of a front matter key, or the start of the file.
    public func location(ofField key: String) -> SourceLocation {
        guard let pair = fields.first(where: { $0.key == key }) else { return statedLocations[key] ?? location }
        return SourceLocation(path: path, line: pair.keyLine, column: pair.keyColumn)
    }

    /// Ids of the documents this one refers to with `kind`, resolved only.
    public func targets(_ kind: ReferenceKind) -> [String] {
        var targets: [String] = []
        appendTargets(kind, to: &targets)
        return targets
    }

    /// Adds the ids this document refers to with `kind` (reading the references in place, not copying them).
    func appendTargets(_ kind: ReferenceKind, to targets: inout [String]) {
        let references = box.value.references
        for i in references.indices where references[i].kind == kind {
            if let target = references[i].target { targets.append(target) }
        }
    }
}

public struct DatesFromGit: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let created = DatesFromGit(rawValue: 1)
    public static let updated = DatesFromGit(rawValue: 2)
}

public struct GoalDetails: Sendable, Hashable {
    public var horizon: String?
    public var period: Period?
    public var parent: String?
    public var health: String?
    public var contributors: [String] = []
    public var keyResults: [KeyResult] = []
    /// Progress given explicitly (`progress: 0.4` or `"40%"`), 0…1.
    public var explicitProgress: Double?
}

public struct KeyResult: Sendable, Hashable, Codable {
    public var title: String
    public var baseline: Double
    public var target: Double
    public var current: Double?
    public var unit: String?

    /// `(current − baseline) / (target − baseline)` clamped to 0…1; nil when unknown.
    public var progress: Double? {
        guard let current, target != baseline else { return nil }
        return min(1, max(0, (current - baseline) / (target - baseline)))
    }
}

public struct BriefDetails: Sendable, Hashable {
    public var reviewers: [String] = []
    public var reviewBy: Day?
    /// Who signed off, when and with what note (`approvals:`).
    public var approvals: [Approval] = []

    /// The reviewers who have not signed off yet, in the order listed.
    public var awaitedReviewers: [String] {
        reviewers.filter { reviewer in !approvals.contains { $0.by.lowercased() == reviewer.lowercased() } }
    }
}

/// A reviewer's sign-off on a brief.
public struct Approval: Sendable, Hashable {
    public var by: String
    public var date: Day?
    public var note: String?
    public var location: SourceLocation

    public init(by: String, date: Day? = nil, note: String? = nil, location: SourceLocation) {
        self.by = by
        self.date = date
        self.note = note
        self.location = location
    }
}

public struct DecisionDetails: Sendable, Hashable {
    public var date: Day?
    public var decisionMakers: [String] = []
    public var consulted: [String] = []
    public var informed: [String] = []
}
