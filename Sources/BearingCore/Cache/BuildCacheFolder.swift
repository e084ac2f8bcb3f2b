import Foundation

/// Where `bearing build` keeps what it can reuse from one build of a site to the next: the folder
/// `.bearing-cache/` in the output folder's parent, one subfolder per output folder's name. A
/// dot-folder: when the parent is the knowledge base (the default `_site`), the scan skips it, so it
/// is never read as content nor published. Only a build writes it.
public enum BuildCacheFolder {
    public static let name = ".bearing-cache"

    /// The cache folder of the site written to `output` (relative to the working directory, or absolute).
    public static func path(forOutput output: String) -> String {
        let absolute = SiteWriter.absolute(output)
        let parent = (absolute as NSString).deletingLastPathComponent
        let fullName = (absolute as NSString).lastPathComponent
        let name = fullName.utf8.count > SitePaths.slugLimit ? SitePaths.shortened(fullName, to: SitePaths.slugLimit) : fullName
        return (parent == "/" ? "" : parent) + "/" + Self.name + "/" + name
    }

    /// The file of the parse cache (ParseCache) in the folder of `output`.
    public static func parseCache(forOutput output: String) -> String { path(forOutput: output) + "/parse" }

    /// The parse cache of a build to `output` (`-o`, nil: bearing.yml's output in the knowledge base at
    /// `root`); nil when that output is refused (the build stops with the reason).
    public static func parseCache(output: String?, root: String) -> String? {
        if let output { return parseCache(forOutput: output) }
        var ignored: [Diagnostic] = []
        let configuration = Configuration.read(KnowledgeBaseLoader.readYAMLFile(FolderFiles(root: root), Configuration.fileName, &ignored)).0
        guard case .success(let folder) = OutputLocation.folder(configuration, root: root) else { return nil }
        return parseCache(forOutput: folder)
    }
}
