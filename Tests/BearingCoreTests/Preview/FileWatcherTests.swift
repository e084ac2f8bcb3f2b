import Foundation
import Testing
@testable import BearingCore

/// The watcher of `bearing serve`, both ways: inotify and polling, on a real folder.
@Suite struct FileWatcherTests {
    /// The changes seen while `edit` runs, until `expected` are all seen (or 10 s pass).
    static func changes(polling: Bool, expected: Set<String>, _ edit: (String) throws -> Void) async throws -> (FileWatcher.Mode, Set<String>) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bearing-watch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/goals", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/_site", withIntermediateDirectories: true)
        try "a\n".write(toFile: root + "/goals/old.md", atomically: false, encoding: .utf8)
        let watcher = FileWatcher(root: root, excludedTopLevel: ["_site"], polling: polling, interval: 0.05)
        let mode = watcher.mode
        let stream = watcher.changes()
        try await Task.sleep(for: .milliseconds(200))
        try edit(root)
        var seen: Set<String> = []
        let deadline = Date().addingTimeInterval(10)
        for await batch in stream {
            seen.formUnion(batch)
            if seen.isSuperset(of: expected) || Date() > deadline { break }
        }
        watcher.stop()
        return (mode, seen)
    }

    static func edit(_ root: String) throws {
        try "b\n".write(toFile: root + "/goals/old.md", atomically: false, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: root + "/briefs/deep", withIntermediateDirectories: true)
        Thread.sleep(forTimeInterval: 0.1)  // the new folder's watch is added before its file is written
        try "c\n".write(toFile: root + "/briefs/deep/new.md", atomically: false, encoding: .utf8)
        try "d\n".write(toFile: root + "/.hidden.md", atomically: false, encoding: .utf8)
        try "d\n".write(toFile: root + "/goals/old.md~", atomically: false, encoding: .utf8)
        try "d\n".write(toFile: root + "/4913", atomically: false, encoding: .utf8)
        try "e\n".write(toFile: root + "/_site/index.html", atomically: false, encoding: .utf8)
        try "f\n".write(toFile: root + "/done.md", atomically: false, encoding: .utf8)
    }

    @Test(arguments: [false, true]) func seesChangesInNewFoldersAndLeavesOutDotFilesAndTheOutput(polling: Bool) async throws {
        let expected: Set<String> = ["goals/old.md", "briefs/deep/new.md", "done.md"]
        let (mode, seen) = try await Self.changes(polling: polling, expected: expected, Self.edit)
        #expect(mode == (polling ? .polling : .inotify))
        #expect(seen.isSuperset(of: expected))
        #expect(!seen.contains(".hidden.md"))
        #expect(!seen.contains("goals/old.md~") && !seen.contains("4913"))
        #expect(!seen.contains { $0.hasPrefix("_site") })
    }

    @Test func aFolderReachedAgainThroughASymbolicLinkKeepsItsOwnPath() async throws {
        let (_, seen) = try await Self.changes(polling: false, expected: ["bearing.yml"]) { root in
            try FileManager.default.createSymbolicLink(atPath: root + "/goals/up", withDestinationPath: "..")
            Thread.sleep(forTimeInterval: 0.1)
            try "title: x\n".write(toFile: root + "/bearing.yml", atomically: false, encoding: .utf8)
        }
        #expect(seen.contains("bearing.yml"))
        #expect(!seen.contains { $0.hasPrefix("goals/up/") })
    }

    @Test func seesRemovedFiles() async throws {
        let (_, seen) = try await Self.changes(polling: false, expected: ["goals/old.md"]) { root in
            try FileManager.default.removeItem(atPath: root + "/goals/old.md")
        }
        #expect(seen.contains("goals/old.md"))
    }
}
