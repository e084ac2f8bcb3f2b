import Foundation

/// `bearing new` and `bearing init`: new files from the templates under `templates/new/` and
/// `templates/init/` (a knowledge base's own `templates/new/<type>.md` wins), never
/// overwriting anything.
public enum NewDocument {
    public enum Failure: Error, CustomStringConvertible, Equatable {
        case exists(String)
        case invalidID(String)
        case emptyTitle
        case notEmpty(String)

        public var description: String {
            switch self {
            case .exists(let path): "'\(path)' already exists: not overwritten"
            case .invalidID(let id): "'\(id)' is not an id (letters, digits, '.', '_', '/' and '-')"
            case .emptyTitle: "the title is empty"
            case .notEmpty(let path): "'\(path)' exists and is not empty: bearing init starts a new knowledge base"
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

        public init(type: DocumentType, title: String, parent: String? = nil, goals: [String] = [], owner: String? = nil, today: Day) {
            self.type = type
            self.title = title
            self.parent = parent
            self.goals = goals
            self.owner = owner
            self.today = today
        }
    }

    /// The new file's path (relative to the knowledge base) and text.
    public static func make(_ request: Request, kb: KnowledgeBase, root: String) throws -> (path: String, text: String) {
        let title = request.title.trimmingSpaces()
        guard !title.isEmpty else { throw Failure.emptyTitle }
        for id in [request.parent, request.owner].compactMap({ $0 }) + request.goals where !isID(id) { throw Failure.invalidID(id) }
        let documents = kb.documents(ofType: request.type)
        let folder = usualFolder(of: documents) ?? defaultFolders[request.type]!
        var name = slug(title)
        var context: [String: Any] = ["title": title, "date": request.today.description, "type": request.type.rawValue,
                                      "parent": request.parent ?? false, "owner": request.owner ?? false,
                                      "goals": request.goals.isEmpty ? false : request.goals.joined(separator: ", ")]
        if request.type == .decision {
            let number = (documents.compactMap(\.number).max() ?? 0) + 1
            let digits = String(number)
            name = String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "-" + name
            context["number"] = number
        }
        let path = (folder.isEmpty ? "" : folder + "/") + name + ".md"
        guard !FileManager.default.fileExists(atPath: root + "/" + path) else { throw Failure.exists(path) }
        let own = root + "/templates/new/\(request.type.rawValue).md"
        let source = FileManager.default.contents(atPath: own).map { String(decoding: $0, as: UTF8.self) }
            ?? EmbeddedTemplates.files["new/\(request.type.rawValue).md"] ?? "# {{{title}}}\n"
        return (path, try PageTemplate(source).render(context))
    }

    /// The starter knowledge base of `bearing init`: every file under `templates/init/`, dated today.
    public static func starter(today: Day) throws -> [(path: String, text: String)] {
        let context: [String: Any] = ["date": today.description, "year": String(today.year)]
        return try EmbeddedTemplates.files.keys.sorted().filter { $0.hasPrefix("init/") }.map { key in
            (String(key.dropFirst("init/".count)), try PageTemplate(EmbeddedTemplates.files[key]!).render(context))
        }
    }

    static let defaultFolders: [DocumentType: String] = [.goal: "goals", .brief: "briefs", .decision: "decisions", .note: "notes"]

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
