import Foundation
import Testing
@testable import BearingServer

/// `bearing serve`'s server on a real socket: what a hostile or broken client sends is answered
/// or cut off, and the next request is still served (docs/security.md, issue 14 §6). No test
/// measures time: a server that hangs fails by the client's bounded wait.
@Suite(.serialized) struct PreviewServerTests {
    @Test func servesAPageAndKeepsTheConnectionForTheNext() async throws {
        let running = try await RunningServer.start()
        defer { running.stop() }
        let client = try running.client()
        let page = await client.get("/goals/g-one.html", port: running.port)
        #expect(page?.status == 200)
        #expect(page?.body.contains("Ship the first version") == true)
        #expect(await client.get("/no/such.html", port: running.port)?.status == 404)
    }

    @Test(arguments: [9 * 1024, 1024 * 1024])
    func aLongHeaderLineIsRefusedWith431AndTheNextRequestIsServed(length: Int) async throws {
        let running = try await RunningServer.start()
        defer { running.stop() }
        let client = try running.client()
        await client.send("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(running.port)\r\nX-Long: " + String(repeating: "a", count: length) + "\r\n\r\n")
        #expect(await client.answer()?.status == 431)
        #expect(await client.isClosedByServer())
        #expect(await running.fresh()?.get("/", port: running.port)?.status == 200)
    }

    @Test func aLongRequestLineIsRefusedWith414() async throws {
        let running = try await RunningServer.start()
        defer { running.stop() }
        let client = try running.client()
        await client.send("GET /" + String(repeating: "a", count: 100_000) + " HTTP/1.1\r\nHost: 127.0.0.1:\(running.port)\r\n\r\n")
        #expect(await client.answer()?.status == 414)
        #expect(await running.fresh()?.get("/", port: running.port)?.status == 200)
    }

    @Test func tooManyHeaderFieldsOrTooLargeAHeadAreRefusedWith431() async throws {
        let running = try await RunningServer.start()
        defer { running.stop() }
        let many = (0..<101).map { "X-\($0): v\r\n" }.joined()
        #expect(await running.fresh()?.get("/", port: running.port, extra: many)?.status == 431)
        let large = (0..<50).map { "X-\($0): \(String(repeating: "v", count: 1000))\r\n" }.joined()
        #expect(await running.fresh()?.get("/", port: running.port, extra: large)?.status == 431)
        let enough = (1..<100).map { "X-\($0): v\r\n" }.joined()
        #expect(await running.fresh()?.get("/", port: running.port, extra: enough)?.status == 200)
    }

    @Test func aRequestMustNameThisMachineInExactlyOneHostField() async throws {
        let running = try await RunningServer.start()
        defer { running.stop() }
        let port = running.port
        let cases: [(String, Int)] = [
            ("Host: evil.example\r\nHost: 127.0.0.1:\(port)\r\n", 400),
            ("Host: 127.0.0.1:\(port)\r\nHost: evil.example\r\n", 400),
            ("Host: 127.0.0.1:\(port)\r\nhost: 127.0.0.1:\(port)\r\n", 400),
            ("", 400),
            ("Host: evil.example\r\n", 403),
            ("Host: evil.example:\(port)\r\n", 403),
            ("Host: 127.0.0.1.evil.example:\(port)\r\n", 403),
            ("Host: 127.0.0.1:\(port &+ 1)\r\n", 403),
            ("Host: localhost:\(port)\r\n", 200),
            ("Host: [::1]:\(port)\r\n", 200),
        ]
        for (fields, status) in cases {
            let client = try running.client()
            await client.send("GET /_bearing/live HTTP/1.1\r\n\(fields)Connection: close\r\n\r\n")
            #expect(await client.answer()?.status == status, "\(fields)")
        }
    }

    @Test func malformedRequestsAreRefusedAndOnlyGetAndHeadAreServed() async throws {
        let running = try await RunningServer.start()
        defer { running.stop() }
        let host = "Host: 127.0.0.1:\(running.port)\r\n"
        let cases: [(String, Int)] = [
            ("GET / HTTP/1.1\r\n\(host)Bad Field: x\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\n\(host) folded\r\n\r\n", 400),
            ("GET http://evil.example/ HTTP/1.1\r\n\(host)\r\n", 400),
            ("GET / HTTP/2.0\r\n\(host)\r\n", 505),
            ("POST / HTTP/1.1\r\n\(host)Content-Length: 0\r\n\r\n", 405),
            ("HEAD / HTTP/1.1\r\n\(host)\r\n", 200),
        ]
        for (request, status) in cases {
            let client = try running.client()
            await client.send(request)
            let answer = await client.answer(toHead: request.hasPrefix("HEAD"))
            #expect(answer?.status == status, "\(request)")
            if request.hasPrefix("HEAD") {
                #expect(answer?.headers["content-length"].flatMap(Int.init) ?? 0 > 0)
                #expect(await client.get("/", port: running.port)?.body.contains("<html") == true, "the connection goes on after HEAD")
            }
        }
    }

    @Test func anIdleConnectionIsClosedAfterTheIdleTimeout() async throws {
        var limits = ServerLimits()
        limits.idleTimeout = .milliseconds(300)
        let running = try await RunningServer.start(limits: limits)
        defer { running.stop() }
        let silent = try running.client()
        #expect(await silent.isClosedByServer())
        // After a response too, and the server still serves.
        let kept = try running.client()
        #expect(await kept.get("/", port: running.port)?.status == 200)
        #expect(await kept.isClosedByServer())
        #expect(await running.fresh()?.get("/", port: running.port)?.status == 200)
    }

    @Test func aRequestHeadSentTooSlowlyIsCutOff() async throws {
        var limits = ServerLimits()
        limits.headTimeout = .milliseconds(300)
        let running = try await RunningServer.start(limits: limits)
        defer { running.stop() }
        let slow = try running.client()
        await slow.send("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(running.port)\r\nX-Slow: ")
        #expect(await slow.isClosedByServer())
        #expect(await running.fresh()?.get("/", port: running.port)?.status == 200)
    }

    @Test func connectionsBeyondTheCapAreAnswered503AndTheServerGoesOn() async throws {
        var limits = ServerLimits()
        limits.connections = 3
        let running = try await RunningServer.start(limits: limits)
        defer { running.stop() }
        var open: [TestClient] = []
        for _ in 0..<3 {
            let client = try running.client()
            #expect(await client.get("/", port: running.port)?.status == 200)
            open.append(client)
        }
        for _ in 0..<5 {
            let refused = try running.client()
            #expect(await refused.answer()?.status == 503)
        }
        #expect(await open[0].get("/", port: running.port)?.status == 200)
        open.removeAll()
        // The slots are given back once the server sees the connections closed.
        var served = false
        for _ in 0..<200 where !served {
            served = await running.fresh()?.get("/", port: running.port)?.status == 200
            if !served { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(served)
    }

    @Test func theDescriptorCapLeavesRoomBelowTheLimit() {
        #expect(ServerLimits.connectionCap(descriptors: 1024) == 896)
        #expect(ServerLimits.connectionCap(descriptors: 1_048_576) == 1000)
        #expect(ServerLimits.connectionCap(descriptors: 100) == 1)
        #expect(ServerLimits().connections < ServerLimits.descriptorLimit())
    }
}
