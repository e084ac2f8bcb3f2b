/// `bearing.yml` (SPEC §4). Every key is optional; unknown keys are warnings.
public struct Configuration: Sendable {
    public var title: String?
    public var baseURL: String?
    public var language: String?
    public var output = "_site"
    /// An `output` refused when read (absolute, or climbing above the knowledge base's parent):
    /// `build` without `-o` then builds nothing (OutputLocation).
    public var refusedOutput: String?
    public var ignore: [String] = []
    public var horizons = ["year", "half", "quarter", "month", "week"]
    public var workflows = Workflow.defaults
    public var staleAfterDays = 30
    public var pendingAfterDays = 14
    /// Severity overrides by rule (`rules: {orphan: error, stale: off}`).
    public var rules: [RuleID: Severity] = [:]
    public var unsafeHTML = false
    /// ISO weekday digests start on (1 = Monday).
    public var digestWeekday = 1
    /// `types:` path patterns and the type of the files they match, in the order written.
    public var types: [(pattern: String, type: DocumentType)] = []
    /// `status_aliases:` per type, a written status (lowercased) → a status of the type's workflow.
    public var statusAliases: [DocumentType: [String: String]] = [:]
    /// Where each file can be edited on the web (`https://github.com/o/r/edit/main/docs`): pages get
    /// "Edit this page" (`repository_url`, http(s) only).
    public var repositoryURL: String?
    /// False with `history: off`: the KB sits inside another project's repository, whose commits
    /// are not its history (no dates or authors from git, no digests from it).
    public var history = true
    /// The name of the knowledge base's own folder (`adr` for `bearing check docs/adr`), which says
    /// what its files are like a folder inside it would; set by the loader, not read from the file.
    public var folderName: String?
    /// Folders (relative to the KB, "" for its top) most of whose files are numbered records
    /// (`0007-x.md`, `ADR-10.md`): their files, and those below them, are decisions. Set by the
    /// loader from the files' names (`recordFolders(of:)`), not read from the file.
    public var recordFolders: Set<String> = []

    /// The folders of `paths` with at least three files (index pages aside), half of them or more
    /// numbered records.
    public static func recordFolders(of paths: [String]) -> Set<String> {
        var counts: [String: (files: Int, numbered: Int)] = [:]
        for path in paths {
            let parts = path.split(separator: "/")
            guard let name = parts.last else { continue }
            let stem = String(name.hasSuffix(".md") ? name.dropLast(3) : name)
            guard !DocumentClassifier.indexNames.contains(stem.lowercased()), !Placeholder.isTemplateName(Substring(stem)) else { continue }
            let folder = parts.dropLast().joined(separator: "/")
            var count = counts[folder] ?? (0, 0)
            count.files += 1
            if DocumentClassifier.recordNumber(in: stem) != nil { count.numbered += 1 }
            counts[folder] = count
        }
        return Set(counts.filter { $0.value.files >= 3 && $0.value.numbered * 2 >= $0.value.files }.keys)
    }

    public init() {}

    public static let fileName = "bearing.yml"
    static let knownKeys: Set<String> = [
        "title", "base_url", "language", "output", "ignore", "horizons", "workflows",
        "stale_after_days", "pending_after_days", "rules", "unsafe_html", "digest", "types", "status_aliases", "repository_url", "history",
    ]

    public func workflow(for type: DocumentType) -> Workflow {
        workflows[type] ?? Workflow.defaults[type]!
    }

    /// The type the first `types:` pattern matching the path (or a folder above it) gives.
    public func type(forPath path: String) -> DocumentType? {
        guard !types.isEmpty else { return nil }
        let parts = path.split(separator: "/")
        for (pattern, type) in types {
            let rules = IgnoreRules([pattern])
            for end in parts.indices where rules.isIgnored(parts[...end].joined(separator: "/"), isDirectory: end < parts.count - 1) {
                return type
            }
        }
        return nil
    }

    /// The configured severity of a rule.
    public func severity(of rule: RuleID, default fallback: Severity) -> Severity {
        rules[rule] ?? fallback
    }

    /// Reads the config from its parsed YAML (nil when the file is absent or empty).
    public static func read(_ root: YAMLNode?, path: String = fileName) -> (Configuration, [Diagnostic]) {
        var config = Configuration()
        var reader = FieldReader(path: path)
        guard let root else { return (config, []) }
        guard let pairs = root.mapping else {
            reader.report(Diagnostic(.error, .config, "\(path) must be a mapping of settings", at: reader.location(root)))
            return (config, reader.diagnostics)
        }
        var aliases: YAMLNode?
        for pair in pairs {
            let node = pair.value
            switch pair.key {
            case "title": config.title = reader.string("title", node)
            case "base_url": config.baseURL = webURL("base_url", node, reader: &reader)
            case "repository_url": config.repositoryURL = webURL("repository_url", node, reader: &reader)
            case "history":
                if let text = reader.string("history", node) {
                    switch text.lowercased() {
                    case "off", "false", "no": config.history = false
                    case "on", "true", "yes", "git": config.history = true
                    default: reader.invalid("history", node, expected: "on or off (got '\(text)')")
                    }
                }
            case "language": config.language = reader.string("language", node)
            case "output":
                if let text = reader.string("output", node) {
                    if let expected = OutputLocation.problem(text) {
                        reader.invalid("output", node, expected: "\(expected) (got '\(text)')")
                        config.refusedOutput = text
                    } else {
                        config.output = text
                    }
                }
            case "ignore": config.ignore = reader.strings("ignore", node).map(\.value)
            case "horizons":
                let horizons = reader.strings("horizons", node).map(\.value)
                if !horizons.isEmpty { config.horizons = horizons }
            case "stale_after_days": config.staleAfterDays = reader.integer("stale_after_days", node) ?? config.staleAfterDays
            case "pending_after_days": config.pendingAfterDays = reader.integer("pending_after_days", node) ?? config.pendingAfterDays
            case "unsafe_html": config.unsafeHTML = reader.bool("unsafe_html", node) ?? false
            case "workflows": readWorkflows(node, into: &config, reader: &reader)
            case "rules": readRules(node, into: &config, reader: &reader)
            case "types": readTypes(node, into: &config, reader: &reader)
            case "status_aliases": aliases = node  // read once the workflows are known, wherever they are written
            case "digest":
                if let weekday = reader.string("digest.weekday", node["weekday"]) {
                    if let index = weekdays.firstIndex(of: weekday.lowercased()) { config.digestWeekday = index + 1 }
                    else if let at = node["weekday"] { reader.invalid("digest.weekday", at, expected: "a weekday name such as monday") }
                }
            default:
                reader.report(Diagnostic(.warning, .unknownConfigKey, "unknown setting '\(pair.key)'",
                                         at: SourceLocation(path: path, line: pair.keyLine, column: pair.keyColumn),
                                         hint: Suggestion.didYouMean(pair.key, among: knownKeys)))
            }
        }
        if let aliases { readStatusAliases(aliases, into: &config, reader: &reader) }
        return (config, reader.diagnostics)
    }

    /// An http(s) address (anything else, `javascript:` above all, is refused at its line).
    private static func webURL(_ key: String, _ node: YAMLNode, reader: inout FieldReader) -> String? {
        guard let text = reader.string(key, node)?.trimmingSpaces() else { return nil }
        guard URLSafety.isWebAddress(text) else {
            reader.invalid(key, node, expected: "an http:// or https:// address (got '\(text)')")
            return nil
        }
        return text
    }

    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    private static func readWorkflows(_ node: YAMLNode, into config: inout Configuration, reader: inout FieldReader) {
        guard let pairs = node.mapping else { return reader.invalid("workflows", node, expected: "a mapping of type to workflow") }
        for pair in pairs {
            guard let type = DocumentType(rawValue: pair.key) else {
                reader.report(Diagnostic(.warning, .unknownConfigKey, "unknown document type '\(pair.key)' in workflows",
                                         at: SourceLocation(path: reader.path, line: pair.keyLine, column: pair.keyColumn)))
                continue
            }
            let statuses = reader.strings("workflows.\(pair.key).statuses", pair.value["statuses"]).map { $0.value.lowercased() }
            guard !statuses.isEmpty else {
                reader.invalid("workflows.\(pair.key).statuses", pair.value, expected: "a non-empty list of statuses")
                continue
            }
            let terminal = reader.strings("workflows.\(pair.key).terminal", pair.value["terminal"]).map { $0.value.lowercased() }
            config.workflows[type] = Workflow(statuses: statuses, terminal: Set(terminal))
        }
    }

    /// `types: {"docs/rfcs/**": decision}`.
    private static func readTypes(_ node: YAMLNode, into config: inout Configuration, reader: inout FieldReader) {
        guard let pairs = node.mapping else { return reader.invalid("types", node, expected: "a mapping of path pattern to type") }
        for pair in pairs {
            guard let text = reader.string("types.\(pair.key)", pair.value) else { continue }
            guard let type = DocumentType(rawValue: text.lowercased()) else {
                reader.invalid("types.\(pair.key)", pair.value, expected: "goal, brief, decision or note (got '\(text)')")
                continue
            }
            config.types.append((pair.key, type))
        }
    }

    /// `status_aliases: {decision: {parked: proposed, "on hold": proposed}}`.
    private static func readStatusAliases(_ node: YAMLNode, into config: inout Configuration, reader: inout FieldReader) {
        guard let pairs = node.mapping else { return reader.invalid("status_aliases", node, expected: "a mapping of type to {written status: workflow status}") }
        for pair in pairs {
            guard let type = DocumentType(rawValue: pair.key) else {
                reader.report(Diagnostic(.warning, .unknownConfigKey, "unknown document type '\(pair.key)' in status_aliases",
                                         at: SourceLocation(path: reader.path, line: pair.keyLine, column: pair.keyColumn)))
                continue
            }
            guard let aliases = pair.value.mapping else {
                reader.invalid("status_aliases.\(pair.key)", pair.value, expected: "a mapping of written status to workflow status")
                continue
            }
            let workflow = config.workflow(for: type)
            for alias in aliases {
                guard let target = reader.string("status_aliases.\(pair.key).\(alias.key)", alias.value)?.lowercased() else { continue }
                guard workflow.knows(target) else {
                    reader.invalid("status_aliases.\(pair.key).\(alias.key)", alias.value,
                                   expected: "a status of the \(type.rawValue) workflow (\(workflow.statuses.joined(separator: ", ")); got '\(target)')")
                    continue
                }
                // Keyed as statuses are read: words, lowercased (`Won't-fix yet` → `won't fix yet`).
                config.statusAliases[type, default: [:]][StatusVocabulary.normalizedWords(alias.key).joined(separator: " ")] = target
            }
        }
    }

    private static func readRules(_ node: YAMLNode, into config: inout Configuration, reader: inout FieldReader) {
        guard let pairs = node.mapping else { return reader.invalid("rules", node, expected: "a mapping of rule id to error, warning or off") }
        for pair in pairs {
            let location = SourceLocation(path: reader.path, line: pair.keyLine, column: pair.keyColumn)
            let rule = RuleID(rawValue: pair.key)
            guard RuleID.all.contains(rule) else {
                reader.report(Diagnostic(.warning, .unknownConfigKey, "unknown rule '\(pair.key)'", at: location,
                                         hint: Suggestion.didYouMean(pair.key, among: RuleID.all.map(\.rawValue))))
                continue
            }
            guard let text = reader.string("rules.\(pair.key)", pair.value) else { continue }
            guard let severity = Severity(rawValue: text.lowercased()) else {
                reader.invalid("rules.\(pair.key)", pair.value, expected: "error, warning or off")
                continue
            }
            config.rules[rule] = severity
        }
    }
}
