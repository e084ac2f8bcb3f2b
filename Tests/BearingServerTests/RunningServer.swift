import BearingCore
import Foundation
@testable import BearingServer

/// A preview server really listening on 127.0.0.1, on a port the system chose, over a small
/// knowledge base of its own.
struct RunningServer: Sendable {
    let server: PreviewServer
    let task: Task<Void, any Error>
    let port: UInt16

    static func start(limits: ServerLimits = ServerLimits()) async throws -> RunningServer {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bearing-server-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/goals", withIntermediateDirectories: true)
        try "---\ntitle: Ship the first version\nstatus: active\nhorizon: year\n---\n\n# Ship the first version\n"
            .write(toFile: root + "/goals/g-one.md", atomically: true, encoding: .utf8)
        let site = PreviewSite(root: root, clock: .fixed(Day(year: 2027, month: 2, day: 17)!), digestWeeks: 0, git: nil)
        try await site.start()
        let server = try PreviewServer(site: site, host: "127.0.0.1", port: 0, limits: limits)
        let task = Task { try await server.run() }
        return RunningServer(server: server, task: task, port: try await server.port())
    }

    func client() throws -> TestClient { try TestClient(port: port) }

    /// A new client, nil when the server does not take connections.
    func fresh() -> TestClient? { try? TestClient(port: port) }

    func stop() { task.cancel() }
}

