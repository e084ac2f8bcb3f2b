import Foundation

/// The relative way from one folder to another, for links in files written elsewhere.
public enum RelativePath {
    /// The prefix that leads from the folder of `file` (or the current folder when nil) to
    /// `folder`: `""`, `"../kb/"`, `"examples/northwind/"`.
    public static func from(folderOf file: String?, to folder: String,
                            currentDirectory: String = FileManager.default.currentDirectoryPath) -> String {
        let start = file.map { absolute(($0 as NSString).deletingLastPathComponent, in: currentDirectory) } ?? absolute(".", in: currentDirectory)
        return between(start, absolute(folder, in: currentDirectory))
    }

    /// Both arguments absolute and normalised.
    public static func between(_ from: String, _ to: String) -> String {
        let a = from.split(separator: "/"), b = to.split(separator: "/")
        var common = 0
        while common < a.count, common < b.count, a[common] == b[common] { common += 1 }
        let parts = Array(repeating: "..", count: a.count - common) + b[common...].map(String.init)
        return parts.isEmpty ? "" : parts.joined(separator: "/") + "/"
    }

    static func absolute(_ path: String, in currentDirectory: String) -> String {
        let joined = path.hasPrefix("/") ? path : currentDirectory + "/" + (path.isEmpty ? "." : path)
        var parts: [Substring] = []
        for part in joined.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }
}
