import Foundation

/// `bearing new` and `bearing init`: new files from the templates under `templates/new/` and
/// `templates/init/` (a knowledge base's own `templates/new/<type>.md` wins), never
/// overwriting anything. Every id, person, horizon and period asked for is checked first, ids
/// are written as their documents have them, and a field a knowledge base's own template has no
/// place for is added to its front matter.
public enum NewDocument {
    public enum Failure: Error, CustomStringConvertible, Equatable {
        case exists(String)
        case invalidID(String)
        case emptyTitle
        case notEmpty(String)
        case noDocument(String, hint: String?)
        /// `--parent` or `--goals` naming a document that is not a goal.
        case notAGoal(option: String, id: String, type: DocumentType)
        /// An option the type has no field for: `--parent` on a brief.
        case notFor(options: String, types: String, instead: String?)
        /// `known`: where the people are listed, said when nothing is close.
        case unknownPerson(String, hint: String?, known: String = "people.yml lists them")
        case unknownHorizon(String, valid: [String], hint: String?)
        case invalidPeriod(String)
        case periodMismatch(Period, horizon: String)
        case invalidDate(option: String, String)
        case idTaken(String, path: String)
        /// The template's front matter could not take a field that was asked for.
        case templateLacks(String)
        /// The folder the document would go to is a symbolic link leaving the knowledge base.
        case outside(String, target: String)

        public var description: String {
            switch self {
            case .exists(let path): "'\(path)' already exists: not overwritten"
            case .invalidID(let id): "'\(id)' is not an id (letters, digits, '.', '_', '/' and '-')"
            case .emptyTitle: "the title is empty"
            case .notEmpty(let path): "'\(path)' exists and is not empty: bearing init starts a new knowledge base"
            case .noDocument(let id, let hint): "no document has the id '\(id)'" + (hint.map { "; \($0)" } ?? "")
            case .notAGoal(let option, let id, let type):
                option == "--parent" ? "--parent names a goal, and '\(id)' is a \(type.rawValue)" : "\(option) names goals, and '\(id)' is a \(type.rawValue)"
            case .notFor(let options, let types, let instead): "\(options) \(options.contains(" and ") ? "are" : "is") for \(types)" + (instead.map { " (\($0))" } ?? "")
            case .unknownPerson(let id, let hint, let known): "no person or team has the id '\(id)'" + (hint.map { "; \($0)" } ?? " (\(known))")
            case .unknownHorizon(let horizon, let valid, let hint):
                "unknown horizon '\(horizon)'" + (hint.map { "; \($0)" } ?? " (the horizons are \(valid.joined(separator: ", ")))")
            case .invalidPeriod(let text): "'\(text)' is not a period (2027, 2027-H1, 2027-Q1, 2027-03 or 2027-W05)"
            case .periodMismatch(let period, let horizon): "period '\(period.text)' is a \(period.kind.rawValue), but the horizon is '\(horizon)'"
            case .invalidDate(let option, let text): "\(option) must be a date YYYY-MM-DD, got '\(text)'"
            case .idTaken(let id, let path): "the id '\(id)' is taken by \(path)"
            case .templateLacks(let key): "the template's front matter has no place for '\(key)' (add it to templates/new/)"
            case .outside(let folder, let target): "'\(folder)' is a symbolic link to '\(target)', outside the knowledge base: nothing written there"
            }
        }
    }

    public struct Request: Sendable {
        public var type: DocumentType
        public var title: String
        public var parent: String?
        public var goals: [String]
        public var owner: String?
        public var today: Day
        public var id: String?
        public var horizon: String?
        public var period: String?
        public var reviewers: [String]
        public var reviewBy: String?

        public init(type: DocumentType, title: String, parent: String? = nil, goals: [String] = [], owner: String? = nil, today: Day,
                    id: String? = nil, horizon: String? = nil, period: String? = nil, reviewers: [String] = [], reviewBy: String? = nil) {
            self.type = type
            self.title = title
            self.parent = parent
            self.goals = goals
            self.owner = owner
            self.today = today
            self.id = id
            self.horizon = horizon
            self.period = period
            self.reviewers = reviewers
            self.reviewBy = reviewBy
        }
    }

    /// The new file's path (relative to the knowledge base) and text.
    public static func make(_ request: Request, kb: KnowledgeBase, root: String) throws -> (path: String, text: String) {
        let title = request.title.trimmingSpaces()
        guard !title.isEmpty else { throw Failure.emptyTitle }
        let fields = try Fields(request, kb: kb)
        let documents = kb.documents(ofType: request.type)
        let folder = folder(for: request.type, documents: documents, root: root)
        var name = slug(title)
        var context: [String: Any] = ["title": title, "date": request.today.description, "type": request.type.rawValue]
        for (key, value) in fields.template { context[key] = value ?? false }
        if request.type == .decision {
            let number = (documents.compactMap(\.number).max() ?? 0) + 1
            let digits = String(number)
            name = String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "-" + name
            context["number"] = number
        }
        let path = (folder.isEmpty ? "" : folder + "/") + name + ".md"
        guard !FileManager.default.fileExists(atPath: root + "/" + path) else { throw Failure.exists(path) }
        if !folder.isEmpty, case .outside(let target) = KnowledgeBaseBoundary(root: root).locate(folder) { throw Failure.outside(folder, target: target) }
        // The knowledge base's own template, read as its other files are (no link leaving it followed).
        let source = FolderFiles(root: root).read("templates/new/\(request.type.rawValue).md").map { String(decoding: $0, as: UTF8.self) }
            ?? EmbeddedTemplates.files["new/\(request.type.rawValue).md"] ?? "# {{{title}}}\n"
        let text = try PageTemplate(source).render(context)
        return (path, try completing(text, with: fields.frontMatter, path: path, type: request.type))
    }

    /// The starter knowledge base of `bearing init`: every file under `templates/init/`, dated today.
    public static func starter(today: Day) throws -> [(path: String, text: String)] {
        let context: [String: Any] = ["date": today.description, "year": String(today.year)]
        return try EmbeddedTemplates.files.keys.sorted().filter { $0.hasPrefix("init/") }.map { key in
            (String(key.dropFirst("init/".count)), try PageTemplate(EmbeddedTemplates.files[key]!).render(context))
        }
    }

    /// The fields a request asks for, checked against the knowledge base.
    struct Fields {
        /// Template variables (YAML scalar texts; nil: not asked for).
        var template: [(String, String?)] = []
        /// What the front matter must hold: a key and its scalar text, or a list's items.
        var frontMatter: [(key: String, value: String?, items: [String])] = []

        init(_ request: Request, kb: KnowledgeBase) throws {
            let type = request.type
            if request.parent != nil, type != .goal {
                throw Failure.notFor(options: "--parent", types: "goals", instead: type == .brief || type == .decision ? "a \(type.rawValue) names the goals it serves with --goals" : nil)
            }
            if !request.goals.isEmpty, type != .brief, type != .decision {
                throw Failure.notFor(options: "--goals", types: "briefs and decisions", instead: type == .goal ? "a goal names the goal it serves with --parent" : nil)
            }
            if request.horizon != nil || request.period != nil, type != .goal { throw Failure.notFor(options: "--horizon and --period", types: "goals", instead: nil) }
            if !request.reviewers.isEmpty || request.reviewBy != nil, type != .brief {
                throw Failure.notFor(options: "--reviewers and --review-by", types: "briefs", instead: nil)
            }
            for id in [request.parent, request.owner, request.id].compactMap({ $0 }) + request.goals + request.reviewers where !isID(id) {
                throw Failure.invalidID(id)
            }
            if let id = request.id, let taken = kb.document(id) { throw Failure.idTaken(id, path: taken.path) }
            let parent = try request.parent.map { try Self.goal($0, option: "--parent", kb: kb) }
            let goals = try request.goals.map { try Self.goal($0, option: "--goals", kb: kb) }
            for person in [request.owner].compactMap({ $0 }) + request.reviewers where kb.people.exists && !kb.people.knows(person) {
                throw Failure.unknownPerson(person, hint: Suggestion.didYouMean(person, among: kb.people.allIDs))
            }
            // People as people.yml writes them.
            let owner = request.owner.map { Self.person($0, in: kb.people) }
            let reviewers = request.reviewers.map { Self.person($0, in: kb.people) }
            var horizon: String?
            var period: Period?
            if type == .goal { (horizon, period) = try Self.horizon(request, configuration: kb.configuration) }
            if let reviewBy = request.reviewBy, Day.parse(reviewBy) == nil || reviewBy.count != 10 {
                throw Failure.invalidDate(option: "--review-by", reviewBy)
            }
            let list = { (items: [String]) in items.isEmpty ? nil : items.map(YAMLScalar.text).joined(separator: ", ") }
            template = [("id", request.id.map(YAMLScalar.text)), ("owner", owner.map(YAMLScalar.text)),
                        ("parent", parent.map(YAMLScalar.text)), ("goals", list(goals)), ("horizon", horizon),
                        ("period", period?.text), ("reviewers", list(reviewers)), ("review_by", request.reviewBy)]
            frontMatter = [("id", request.id, []), ("owner", owner, []), ("parent", parent, []), ("goals", nil, goals),
                           ("horizon", request.horizon == nil && request.period == nil ? nil : horizon, []), ("period", period?.text, []),
                           ("reviewers", nil, reviewers), ("review_by", request.reviewBy, [])]
        }

        static func person(_ written: String, in people: PeopleDirectory) -> String {
            let key = written.lowercased()
            return people.people[key]?.id ?? people.teams[key]?.id ?? written
        }

        /// The id of the goal `written` names, in any form front matter accepts.
        static func goal(_ written: String, option: String, kb: KnowledgeBase) throws -> String {
            guard let document = kb.find(written) else { throw Failure.noDocument(written, hint: kb.suggestion(forID: written)) }
            guard document.type == .goal else { throw Failure.notAGoal(option: option, id: document.id, type: document.type) }
            return document.id
        }

        /// A new goal's horizon (asked for, else its period's, else `quarter` when configured) and period.
        static func horizon(_ request: Request, configuration: Configuration) throws -> (String, Period?) {
            let horizons = configuration.horizons
            var horizon = request.horizon?.lowercased()
            if let asked = horizon, !horizons.contains(asked) {
                throw Failure.unknownHorizon(request.horizon!, valid: horizons, hint: Suggestion.didYouMean(asked, among: horizons))
            }
            var period: Period?
            if let text = request.period {
                guard let parsed = Period.parse(text) else { throw Failure.invalidPeriod(text) }
                period = parsed
                if let asked = horizon, let kind = Period.Kind(rawValue: asked), kind != parsed.kind {
                    throw Failure.periodMismatch(parsed, horizon: asked)
                }
                if horizon == nil, horizons.contains(parsed.kind.rawValue) { horizon = parsed.kind.rawValue }
            }
            return (horizon ?? (horizons.contains("quarter") ? "quarter" : horizons.first ?? "quarter"), period)
        }
    }

    /// `text` with every field asked for in its front matter: a template that has no place for
    /// one (a knowledge base's own) gets it set or merged, through the editor's line edits.
    static func completing(_ text: String, with fields: [(key: String, value: String?, items: [String])], path: String, type: DocumentType) throws -> String {
        var text = text
        func parsed() -> [YAMLPair] { DocumentParser.parse(SourceFile(path: path, text: text)).fields }
        for field in fields where field.value != nil || !field.items.isEmpty {
            var key = field.key
            var items = field.items
            if key == "owner", type == .decision, let owner = field.value {
                // A decision's owner is one of its decision-makers.
                key = parsed().contains { $0.key == "deciders" } ? "deciders" : "decision-makers"
                items = [owner]
            }
            if parsed().isEmpty, !text.hasPrefix("---") {
                let value = items.isEmpty ? YAMLScalar.text(field.value!) : "[" + items.map(YAMLScalar.text).joined(separator: ", ") + "]"
                text = FrontMatterEdit.addingFrontMatter([(key, value)], to: text)
                continue
            }
            if let value = field.value, items.isEmpty {
                if parsed().first(where: { $0.key == key })?.value.string == value { continue }
                guard let edited = FrontMatterEdit.setting(key, to: value, in: text, fields: parsed()) else { throw Failure.templateLacks(key) }
                text = edited
            }
            for item in items {
                guard let edited = FrontMatterEdit.merging(item, into: key, in: text, fields: parsed()) else { throw Failure.templateLacks(key) }
                text = edited
            }
        }
        return text
    }

    static let defaultFolders: [DocumentType: String] = [.goal: "goals", .brief: "briefs", .decision: "decisions", .note: "notes"]

    /// Where a new document of the type goes: `notes/` for a note when that folder exists (notes
    /// are anything else, so where most of them are says little); else the folder most documents
    /// of the type are in, a folder's README or index not counted; else the type's usual folder.
    static func folder(for type: DocumentType, documents: [Document], root: String) -> String {
        var isFolder: ObjCBool = false
        if type == .note, FileManager.default.fileExists(atPath: root + "/notes", isDirectory: &isFolder), isFolder.boolValue { return "notes" }
        let counted = type == .note ? documents.filter { !["readme.md", "index.md"].contains(($0.path as NSString).lastPathComponent.lowercased()) } : documents
        return usualFolder(of: counted) ?? defaultFolders[type]!
    }

    /// The folder most documents of the type are in (the first in order on a tie).
    static func usualFolder(of documents: [Document]) -> String? {
        var counts: [String: Int] = [:]
        for document in documents {
            let folder = (document.path as NSString).deletingLastPathComponent
            counts[folder, default: 0] += 1
        }
        return counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.first?.key
    }

    static func isID(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic || ("0"..."9").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || "._/-".unicodeScalars.contains($0) }
    }

    /// A file name from a title: transliterated to Latin letters without accents (`Éléphant` →
    /// `elephant`, `日本` → `ri-ben`), lowercase, words joined by `-`, at most 60 characters.
    public static func slug(_ title: String) -> String {
        let latin = title.replacingOccurrences(of: "ß", with: "ss")
            .applyingTransform(.toLatin, reverse: false)?.applyingTransform(.stripDiacritics, reverse: false) ?? title
        var result = ""
        for scalar in latin.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else if !result.isEmpty, !result.hasSuffix("-") {
                result.append("-")
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        if result.count > 60 {
            result = String(result.prefix(60))
            if let cut = result.lastIndex(of: "-") { result = String(result[..<cut]) }
        }
        return result.isEmpty ? "untitled" : result
    }
}
