extension Adoption {
    /// Templates that `bearing.yml` can safely ignore: a file or folder named like a template
    /// (`0000-template.md`, `adr-template.md`, `TEMPLATE.md`, `template/`, `NNNN-kep-template/`)
    /// whose documents state no status (a template's is a placeholder), that nothing outside it
    /// links to (ignoring it then breaks no link), and whose path needs no pattern characters. The
    /// top-level `templates/` folder is never read anyway. Outermost folders first, then files.
    static func templates(in kb: KnowledgeBase) -> [Template] {
        let links = linkedPaths(kb)
        func safe(_ candidate: Template) -> Bool {
            let members = kb.documents.filter { candidate.holds($0.path) }
            return !members.isEmpty && members.allSatisfy { $0.status.isEmpty }
                && !links.contains { !candidate.holds($0.from) && candidate.holds($0.to) }
                && !candidate.path.contains(where: { "*?[]\\!#".contains($0) })
        }
        var folders: Set<String> = []
        for document in kb.documents {
            var parts = document.path.split(separator: "/").dropLast()
            while !parts.isEmpty {
                if isTemplateName(parts.last!) { folders.insert(parts.joined(separator: "/")) }
                parts = parts.dropLast()
            }
        }
        var chosen: [Template] = []
        // Shorter paths first, so a folder inside a chosen one is not listed again.
        for folder in folders.sorted(by: { ($0.count, $0) < ($1.count, $1) }) where !chosen.contains(where: { $0.holds(folder) }) {
            let candidate = Template(path: folder, isFolder: true, files: kb.documents.count(where: { $0.path.hasPrefix(folder + "/") }))
            if safe(candidate) { chosen.append(candidate) }
        }
        let files = kb.documents.map(\.path).sorted().filter { path in
            isTemplateName(path.split(separator: "/").last!.dropLast(3)) && !chosen.contains { $0.holds(path) }
        }
        chosen += files.map { Template(path: $0, isFolder: false, files: 1) }.filter(safe)
        return chosen
    }

    static func isTemplateName(_ name: Substring) -> Bool { Placeholder.isTemplateName(name) }

    /// Every link between files of the KB: to the documents references resolved to, and to other
    /// files by relative links (which the model keeps as external).
    static func linkedPaths(_ kb: KnowledgeBase) -> [(from: String, to: String)] {
        var links: [(from: String, to: String)] = []
        for document in kb.documents {
            for reference in document.references {
                if let target = reference.target, let linked = kb.document(target) {
                    links.append((document.path, linked.path))
                } else if reference.external, !reference.written.hasPrefix("//"), !ReferenceResolver.hasScheme(reference.written) {
                    let written = reference.written.prefix { $0 != "#" && $0 != "?" }
                    if let path = ReferenceResolver.join(folderOf: document.path, String(written).removingPercentEncodingSafely) {
                        links.append((document.path, path))
                    }
                }
            }
        }
        return links
    }
}
