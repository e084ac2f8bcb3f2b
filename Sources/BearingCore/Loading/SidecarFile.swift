/// A metadata file beside a folder's `README.md` that holds what the README does not state: a
/// KEP's `kep.yaml`. Read only when the folder scan listed it (inside the KB, a regular file, not
/// ignored) and it is small; a syntax error is a diagnostic at its line.
enum SidecarFile {
    static let names = ["kep.yaml"]
    static let maxSize = 1 << 20

    /// The sidecar of the document at `path`, when it is a README.md with one among `assets`.
    static func read(for path: String, files: some KnowledgeBaseFiles, assets: Set<String>) -> (sidecar: ParsedDocument.Sidecar, diagnostics: [Diagnostic])? {
        guard let sidecar = Self.path(for: path, assets: assets), let bytes = files.read(sidecar), bytes.count <= maxSize else { return nil }
        var diagnostics: [Diagnostic] = []
        let node = KnowledgeBaseLoader.readYAMLFile(files, sidecar, &diagnostics)
        return (ParsedDocument.Sidecar(path: sidecar, fields: node?.mapping ?? []), diagnostics)
    }

    /// The path of the sidecar of the document at `path` among `assets`, if it has one.
    static func path(for path: String, assets: Set<String>) -> String? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard name.lowercased() == "readme.md" else { return nil }
        let folder = path.dropLast(name.count)
        return names.lazy.map({ folder + $0 }).first(where: { assets.contains($0) })
    }
}
