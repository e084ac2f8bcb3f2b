import BearingCore
import Foundation

/// The knowledge base folder the server serves, and how its files and the editor's URIs name
/// each other. A URI outside the folder names no file of the knowledge base: the server answers
/// nothing about it and reads nothing there.
public struct Workspace: Sendable {
    /// The absolute, standardized path of the knowledge base folder.
    public let root: String
    /// The same folder with symbolic links resolved (an editor may open a file through either).
    private let resolvedRoot: String

    public init(root: String) {
        let absolute = root.hasPrefix("/") ? root : FileManager.default.currentDirectoryPath + "/" + root
        self.root = URL(fileURLWithPath: absolute).standardized.path
        resolvedRoot = URL(fileURLWithPath: absolute).resolvingSymlinksInPath().standardized.path
    }

    /// The path relative to the knowledge base of a file URI inside it.
    public func path(of uri: String) -> String? {
        guard let absolute = DocumentURI.path(of: uri) else { return nil }
        let standardized = URL(fileURLWithPath: absolute).standardized.path
        for base in [root, resolvedRoot] {
            let prefix = base.hasSuffix("/") ? base : base + "/"
            if standardized.hasPrefix(prefix), standardized.count > prefix.count { return String(standardized.dropFirst(prefix.count)) }
        }
        return nil
    }

    /// The URI of a file of the knowledge base (a path relative to it).
    public func uri(of path: String) -> String { DocumentURI.uri(of: root + "/" + path) }

    /// The folder to serve for a workspace folder: the nearest one at or above it that holds a
    /// bearing.yml, else the folder itself.
    public static func knowledgeBase(around folder: String) -> String {
        var current = URL(fileURLWithPath: folder).standardized
        while true {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: current.path + "/" + Configuration.fileName, isDirectory: &isFolder), !isFolder.boolValue {
                return current.path
            }
            let up = current.deletingLastPathComponent().standardized
            if up.path == current.path { return URL(fileURLWithPath: folder).standardized.path }
            current = up
        }
    }
}
