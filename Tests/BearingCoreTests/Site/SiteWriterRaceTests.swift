import Foundation
import Testing
@testable import BearingCore

/// The output folder during and between builds: never absent, the staging folders of other
/// builds never removed, a killed build's leftovers cleaned and the previous site put back.
@Suite struct SiteWriterRaceTests {
    static func folder() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bearing-race-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        return root
    }

    static func writeSite(_ output: String, _ text: String) throws {
        let writer = try SiteWriter(output: output, source: SiteTests.basic)
        writer.write("\(SiteLinks.theme)/site.css", "x")
        writer.write("index.html", text)
        try writer.commit()
    }

    @Test func theOutputFolderExistsThroughoutEverySwap() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = root + "/site"
        try Self.writeSite(output, "0")
        let done = Flag()
        let missing = Counter()
        let watcher = Thread {
            while !done.isSet {
                var info = stat()
                if stat(output + "/index.html", &info) != 0 { missing.add() }
            }
        }
        watcher.start()
        for n in 1...200 { try Self.writeSite(output, "\(n)") }
        done.set()
        while !watcher.isFinished { usleep(1000) }
        #expect(missing.value == 0, "the output was absent \(missing.value) times")
        #expect((try? String(contentsOfFile: output + "/index.html", encoding: .utf8)) == "200")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == ["site"])
    }

    @Test func anExchangeSwapsTwoFoldersInOneStep() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/a/one", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/b/two", withIntermediateDirectories: true)
        #expect(FolderSwap.exchange(root + "/a", root + "/b"))
        #expect(FileManager.default.fileExists(atPath: root + "/a/two"))
        #expect(FileManager.default.fileExists(atPath: root + "/b/one"))
        #expect(!FolderSwap.exchange(root + "/a", root + "/missing"))
        #expect(!FolderSwap.isUnsupported(errno))
    }

    @Test func onlyTheLeftoversOfEndedBuildsAreRemoved() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = root + "/site"
        try Self.writeSite(output, "old")
        // A build still running (an older Bearing, which took no lock): the parent of this test runs.
        let running = ".site.partial-\(getppid())-7"
        // Builds that were killed: no process has this id (above the kernel's pid_max).
        let killed = [".site.partial-2147483646-1", ".site.partial-2147483646", ".site.previous-2147483646-3"]
        for name in [running] + killed { try FileManager.default.createDirectory(atPath: root + "/" + name, withIntermediateDirectories: true) }
        // A killed build leaves its lock file too (unlocked: the kernel let go of it).
        #expect(FileManager.default.createFile(atPath: root + "/.site.lock", contents: nil))
        try Self.writeSite(output, "new")
        let left = try FileManager.default.contentsOfDirectory(atPath: root).sorted()
        #expect(left == [running, "site"].sorted())
    }

    @Test func aBuildKilledBetweenTheTwoRenamesGetsItsPreviousSiteBack() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = root + "/site"
        try Self.writeSite(output, "previous")
        // The fallback swap moved the output aside, then the build was killed.
        try FileManager.default.moveItem(atPath: output, toPath: root + "/.site.previous-2147483646-1")
        let writer = try SiteWriter(output: output, source: SiteTests.basic)
        #expect((try? String(contentsOfFile: output + "/index.html", encoding: .utf8)) == "previous")
        writer.discard()
        #expect((try? String(contentsOfFile: output + "/index.html", encoding: .utf8)) == "previous")
    }

    @Test func aVeryLongOutputNameStillHasRoomForItsStagingFolder() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let output = root + "/" + String(repeating: "s", count: 255)
        try Self.writeSite(output, "long")
        #expect((try? String(contentsOfFile: output + "/index.html", encoding: .utf8)) == "long")
    }
}

/// A flag and a counter shared with the watcher thread.
private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func add() { lock.withLock { count += 1 } }
}
