/// Resolves references as written to document ids (SPEC §1.7): front matter ids, relative
/// Markdown links to files, and wikilinks by id, then file name, then title.
struct ReferenceResolver {
    enum Outcome: Equatable {
        case document(String)
        /// A link to a non-Markdown file that exists, or outside the KB, or to the web.
        case external
        /// Nothing to record (an in-page `#anchor`).
        case ignored
        case unresolved(rule: RuleID, message: String, hint: String?)
    }

    private var byID: [String: String] = [:]
    private var byPath: [String: String] = [:]
    private var byStem: [String: [String]] = [:]
    /// The documents of each title, lowercased (KnowledgeBase.titleTable).
    var byTitle: [String: [String]] = [:]
    /// What the tables other than titles were made from (KnowledgeBase.resolverKey), for reuse.
    var key = 0
    private var byNumber: [Int: [String]] = [:]
    private let files: Set<String>
    private let folders: Set<String>
    private let allIDs: [String]

    init(documents: [Document], files: Set<String>, titles: [String: [String]]? = nil, key: Int = 0) {
        self.files = files
        self.key = key
        byTitle = titles ?? KnowledgeBase.titleTable(documents)
        var folders: Set<String> = [""]
        for file in files {
            var parts = file.split(separator: "/").dropLast()
            while !parts.isEmpty { folders.insert(parts.joined(separator: "/")); parts = parts.dropLast() }
        }
        self.folders = folders
        for document in documents {
            let id = document.id
            if byID[id.lowercased()] == nil { byID[id.lowercased()] = id }
            byPath[document.path] = id
            byStem[DocumentReader.stem(of: document.path).lowercased(), default: []].append(id)
            if let number = document.number { byNumber[number, default: []].append(id) }
        }
        allIDs = documents.map(\.id)
    }

    func resolve(_ reference: Reference, from path: String) -> Outcome {
        let written = reference.written
        if written.hasPrefix("[["), written.hasSuffix("]]") {
            return resolveWikilink(String(written.dropFirst(2).dropLast(2)), label: reference.label)
        }
        if reference.kind == .mentions { return resolveLink(written, from: path) }
        if let id = lookUp(written) ?? folderRecord(written, from: path) ?? repositoryFile(written) { return .document(id) }
        if written.isMarkdownPath || written.hasMarkdownAnchor { return resolveLink(written, from: path) }
        return unresolved(written)
    }

    /// By id (case-insensitive), then `ADR-0005` by number, then unique file name.
    private func lookUp(_ raw: String) -> String? {
        let key = raw.trimmingSpaces().lowercased()
        if let id = byID[key] { return id }
        if let number = Self.recordNumber(key), let ids = byNumber[number], ids.count == 1 { return ids[0] }
        // A file name of several documents names none, unless their ids differ only in case: then
        // they are one id (`duplicate-id` says so), found as by id, the first by path.
        if let ids = byStem[key], ids.count == 1 || Self.sameID(ids) { return ids[0] }
        // A bare record number (a KEP's `replaces: "6090"`).
        if !key.isEmpty, key.count <= 6, key.allSatisfy(\.isASCIIDigit), let number = Int(key), let ids = byNumber[number], ids.count == 1 { return ids[0] }
        return nil
    }

    /// `/keps/sig-cli/2386-kustomize/` (a KEP's `superseded-by`): the README.md or index.md of a folder.
    private func folderRecord(_ written: String, from path: String) -> String? {
        guard !Self.hasScheme(written), let folder = Self.join(folderOf: path, written), folders.contains(folder) else { return nil }
        let prefix = folder.isEmpty ? "" : folder + "/"
        return ["README.md", "readme.md", "index.md"].lazy.compactMap { byPath[prefix + $0] }.first
    }

    /// `https://github.com/o/r/blob/main/proposals/0498-x.md`: a record named by its repository
    /// address, when exactly one file of the KB ends that path.
    private func repositoryFile(_ written: String) -> String? {
        guard written.hasPrefix("https://") || written.hasPrefix("http://") else { return nil }
        let marker = ["/blob/", "/tree/"].lazy.compactMap { written.range(of: $0) }.first
        guard let marker else { return nil }
        var rest = written[marker.upperBound...]
        if let cut = rest.firstIndex(where: { $0 == "#" || $0 == "?" }) { rest = rest[..<cut] }
        guard let slash = rest.firstIndex(of: "/") else { return nil }
        let repositoryPath = String(rest[rest.index(after: slash)...]).removingPercentEncodingSafely
        guard repositoryPath.isMarkdownPath else { return nil }
        let matches = byPath.filter { repositoryPath == $0.key || repositoryPath.hasSuffix("/" + $0.key) }
        return matches.count == 1 ? matches.first?.value : nil
    }

    private func resolveWikilink(_ target: String, label: String?) -> Outcome {
        if target.isEmpty { return .ignored }  // [[#heading]]: this page
        // Dendron writes the label first (`[[label|target#anchor]]`) and names other vaults
        // (`[[dendron://vault/note.name]]`): both halves are tried without their anchor and vault.
        let candidates = [target, label.map { String($0.prefix { $0 != "#" }).trimmingSpaces() }].compactMap { $0 }.map(Self.withoutVault)
        for (i, candidate) in candidates.enumerated() where !candidate.isEmpty {
            if let id = lookUp(candidate) { return .document(id) }
            let path = candidate.hasSuffix(".md") ? candidate : candidate + ".md"
            if let id = byPath[path] { return .document(id) }
            // By title only the target half: a label (`[[missing|Some title]]`) must not hide a broken link.
            if i == 0, let ids = byTitle[candidate.lowercased()], ids.count == 1 { return .document(ids[0]) }
        }
        return unresolved("[[\(target)]]", key: target)
    }

    private func resolveLink(_ url: String, from path: String) -> Outcome {
        let trimmed = url.trimmingSpaces()
        if trimmed.isEmpty || trimmed.hasPrefix("#") { return .ignored }
        if trimmed.hasPrefix("//") || Self.hasScheme(trimmed) { return .external }
        var target = trimmed
        if let cut = target.utf8.firstIndex(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") }) { target = String(target[..<cut]) }
        target = target.removingPercentEncodingSafely
        guard let resolved = Self.join(folderOf: path, target) else { return .external }
        if let id = byPath[resolved] { return .document(id) }
        // A folder counts as a mention where the site has a page for it: its README or index.
        if folders.contains(resolved), let id = folderRecord("/" + resolved, from: path) { return .document(id) }
        if files.contains(resolved) || folders.contains(resolved) {
            return resolved.isMarkdownPath ? unresolved(url) : .external
        }
        // Documentation sites link pages without `.md` (`[gRPC API](adr-106-grpc-api)`).
        if !resolved.isMarkdownPath, let id = byPath[resolved + ".md"] { return .document(id) }
        if resolved.isMarkdownPath { return unresolved(url, key: DocumentReader.stem(of: resolved)) }
        return .unresolved(rule: .missingFile, message: "link to a file that does not exist: '\(url)'", hint: nil)
    }

    /// `adr-0005`, `adr 5`, `adr5`, `se-0123`, `rfc 44`, `eip-2200`, `kep-2433` → the number (lowercased keys).
    static func recordNumber(_ key: String) -> Int? {
        let prefix = key.prefix(while: \.isLetter)
        guard DocumentClassifier.recordPrefixes.contains(String(prefix)) else { return nil }
        var rest = key.dropFirst(prefix.count)
        if rest.first == "-" || rest.first == " " || rest.first == "_" { rest = rest.dropFirst() }
        guard !rest.isEmpty, rest.count <= 6, rest.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int(rest)
    }

    /// `dendron://vault/note.name` → `note.name`.
    static func withoutVault(_ target: String) -> String {
        guard target.lowercased().hasPrefix("dendron://") else { return target }
        let rest = target.dropFirst("dendron://".count)
        return rest.firstIndex(of: "/").map { String(rest[rest.index(after: $0)...]) } ?? String(rest)
    }

    /// Whether a URL starts with a scheme such as `https:` or `mailto:`.
    static func hasScheme(_ url: String) -> Bool {
        var first = true
        for scalar in url.unicodeScalars {
            if scalar == ":" { return !first }
            let letter = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
            if first { guard letter else { return false }; first = false; continue }
            guard letter || ("0"..."9").contains(scalar) || scalar == "+" || scalar == "." || scalar == "-" else { return false }
        }
        return false
    }

    /// `target` relative to the folder of `path` (or to the KB root when it starts with `/`),
    /// with `.` and `..` resolved; nil when it climbs out of the KB.
    static func join(folderOf path: String, _ target: String) -> String? {
        let slash = UInt8(ascii: "/")
        let dot = UInt8(ascii: ".")
        var out: [UInt8] = []
        out.reserveCapacity(path.utf8.count + target.utf8.count)
        if target.utf8.first != slash, let folderEnd = path.utf8.lastIndex(of: slash) {
            out.append(contentsOf: path.utf8[..<folderEnd])
        }
        for segment in target.utf8.split(separator: slash) {
            if segment.count == 1, segment.first == dot { continue }
            if segment.count == 2, segment.allSatisfy({ $0 == dot }) {
                guard !out.isEmpty else { return nil }
                out.removeSubrange((out.lastIndex(of: slash) ?? 0)...)
            } else {
                if !out.isEmpty { out.append(slash) }
                out.append(contentsOf: segment)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private func unresolved(_ written: String, key: String? = nil) -> Outcome {
        // A name (not a path) that several documents' files have.
        if !written.isMarkdownPath, !written.hasMarkdownAnchor, let ids = byStem[(key ?? written).trimmingSpaces().lowercased()], ids.count > 1 {
            let sorted = ids.sorted()
            return .unresolved(rule: .unresolvedReference, message: "ambiguous reference '\(written)': \(ids.count) documents have that file name",
                               hint: "write one of their ids: \(sorted.prefix(5).joined(separator: ", "))\(sorted.count > 5 ? ", …" : "")")
        }
        return .unresolved(rule: .unresolvedReference, message: "unresolved reference '\(written)'",
                           hint: Suggestion.didYouMean(key ?? written, among: allIDs))
    }

    /// Whether ids are one id written in different cases (ids are matched case-insensitively).
    static func sameID(_ ids: [String]) -> Bool {
        guard let first = ids.first?.lowercased() else { return false }
        return ids.allSatisfy { $0.lowercased() == first }
    }
}
