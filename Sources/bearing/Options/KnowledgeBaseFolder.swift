import BearingCore
import Foundation

/// The knowledge base of a command given no folder: the nearest folder upwards from the current one
/// that holds a `bearing.yml`, else the current folder (as git finds its repository). Written as a
/// path from the current folder (`.`, `..`, `../..`), so diagnostics keep naming files as seen from it.
enum KnowledgeBaseFolder {
    /// Found once: the current folder does not change during a run.
    static let discovered = discover(from: FileManager.default.currentDirectoryPath)

    static func discover(from start: String) -> String {
        let components = start.split(separator: "/")
        for up in 0...components.count {
            let folder = "/" + components.dropLast(up).joined(separator: "/")
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + Configuration.fileName, isDirectory: &isFolder), !isFolder.boolValue {
                return up == 0 ? "." : Array(repeating: "..", count: up).joined(separator: "/")
            }
        }
        return "."
    }

    /// What goes before a path relative to the knowledge base at `root` to name the file as seen
    /// from the current folder.
    static func pathPrefix(_ root: String) -> String {
        root == "." ? "" : root.hasSuffix("/") ? root : root + "/"
    }
}
