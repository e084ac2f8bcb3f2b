import BearingCore
import Foundation

/// "did you mean …?" for a folder that does not exist: each missing part of the path replaced by
/// the closest folder name beside it, when the whole corrected path is a folder.
enum FolderSuggestion {
    /// The error for a knowledge base folder that is not one, with the suggestion when there is one.
    static func notAFolder(_ path: String) -> String {
        "'\(path)' is not a folder: give the path of a knowledge base" + (suggestion(for: path).map { "; did you mean '\($0)'?" } ?? "")
    }

    /// The corrected path, written as the given one is (relative stays relative), or nil.
    static func suggestion(for path: String) -> String? {
        let absolute = path.hasPrefix("/")
        var parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var changed = false
        for index in parts.indices {
            let sofar = (absolute ? "/" : "") + parts[...index].joined(separator: "/")
            if isFolder(sofar) { continue }
            let parent = index == 0 ? (absolute ? "/" : ".") : (absolute ? "/" : "") + parts[..<index].joined(separator: "/")
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return nil }
            let folders = entries.filter { !$0.hasPrefix(".") && isFolder(parent + "/" + $0) }
            guard let closest = Suggestion.closest(parts[index], among: folders) else { return nil }
            parts[index] = closest
            changed = true
        }
        return changed ? (absolute ? "/" : "") + parts.joined(separator: "/") : nil
    }

    static func isFolder(_ path: String) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
    }
}
