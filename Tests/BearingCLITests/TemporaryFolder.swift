import Foundation

/// A fresh folder under the temporary directory holding `files` (path → text) and `folders`.
enum TemporaryFolder {
    static func make(_ files: [String: String] = [:], folders: [String] = [], name: String = "bearing-cli") throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in folders {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: false, encoding: .utf8)
        }
        return root.path
    }

    /// A copy of `source` in a fresh folder.
    static func copy(of source: String) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bearing-cli-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: source, toPath: root.path)
        return root.path
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}
