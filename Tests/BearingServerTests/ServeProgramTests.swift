import Foundation
import Testing

/// `bearing serve` as a program: what it does when its folder disappears and comes back, and
/// when clients would take more descriptors than it has (issue 14 §6).
@Suite struct ServeProgramTests {
    static func knowledgeBase(title: String) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bearing-served-\(UUID().uuidString)").path
        try write(title: title, into: root)
        return root
    }

    static func write(title: String, into root: String) throws {
        try FileManager.default.createDirectory(atPath: root + "/goals", withIntermediateDirectories: true)
        try "---\ntitle: \(title)\nstatus: active\nhorizon: year\n---\n\n# \(title)\n".write(toFile: root + "/goals/g-one.md", atomically: true, encoding: .utf8)
    }

    @Test(arguments: [false, true])
    func aFolderThatDisappearsIsReportedAndReadAgainWhenItComesBack(polling: Bool) async throws {
        let root = try Self.knowledgeBase(title: "Before it went")
        let served = try await ServedBinary(root: root, arguments: polling ? ["--poll"] : [])
        defer { served.stop() }
        let port = served.port
        #expect(await TestClient.page(port: port)?.contains("Before it went") == true)
        let moved = root + ".away"
        try FileManager.default.moveItem(atPath: root, toPath: moved)
        #expect(await served.wait(for: "the knowledge base folder is gone"))
        // The page says so: the event stream every open page listens to carries it.
        let events = try TestClient(port: port)
        await events.send("GET /_bearing/live HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n")
        #expect(await events.read(until: "knowledge-base-missing"))
        // Meanwhile the last pages are still served.
        #expect(await TestClient.page(port: port)?.contains("Before it went") == true)

        let mark = served.stderr.endIndex
        try FileManager.default.moveItem(atPath: moved, toPath: root)
        try Self.write(title: "After it came back", into: root)
        #expect(await served.wait(for: "rebuilt", after: mark))
        var page: String?
        for _ in 0..<600 where page?.contains("After it came back") != true {
            page = await TestClient.page(port: port)
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(page?.contains("After it came back") == true)
    }

    @Test func runningOutOfDescriptorsRefusesConnectionsAndTheServerStaysUp() async throws {
        let root = try Self.knowledgeBase(title: "Still here")
        // 256 descriptors: a cap of 128 connections, and 300 clients.
        let served = try await ServedBinary(root: root, prefix: "ulimit -n 256")
        defer { served.stop() }
        let port = served.port
        var clients: [TestClient] = []
        var refused = 0
        for _ in 0..<300 {
            guard let client = try? TestClient(port: port) else { continue }
            clients.append(client)
            // Served connections stay open and count: each is a page's event stream, which the
            // idle timeout does not close however slowly the test runs. The others are refused.
            let status = await client.get("/_bearing/live", port: port)?.status
            if status == 503 { refused += 1 }
            // No answer at all: the server is gone or hangs.
            if status == nil { break }
        }
        #expect(refused >= 300 - 128)
        #expect(served.process.isRunning)
        clients.removeAll()
        var page: String?
        for _ in 0..<600 where page == nil {
            page = await TestClient.page(port: port)
            if page == nil { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(page?.contains("Still here") == true)
        #expect(served.process.isRunning)
    }
}

extension TestClient {
    /// The goal's page on a new connection; nil unless it is served (200).
    static func page(port: UInt16) async -> String? {
        guard let client = try? TestClient(port: port), let answer = await client.get("/goals/g-one.html", port: port), answer.status == 200 else { return nil }
        return answer.body
    }
}
