import BearingTestSupport
import Foundation

/// `bearing serve` run as a program (the built binary beside these tests, else .build/debug's;
/// BEARING_BINARY names another), its terminal output collected as it comes.
final class ServedBinary: @unchecked Sendable {
    static let binary = Program.bearing

    let process = Process()
    private let lock = NSLock()
    private var output = ""
    private(set) var port: UInt16 = 0

    /// Starts `bearing serve ROOT` with `arguments`, under a shell that runs `prefix` first (a `ulimit`).
    init(root: String, arguments: [String] = [], prefix: String = "") async throws {
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        let command = ([Self.binary, "serve", root, "--no-git", "--digest-weeks", "0", "--port", "0"] + arguments)
            .map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        process.arguments = ["-c", (prefix.isEmpty ? "" : prefix + " && ") + "exec " + command]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        err.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let text = String(decoding: handle.availableData, as: UTF8.self)
            guard let self else { return }
            self.lock.withLock { self.output += text }
        }
        try process.run()
        guard await wait(for: "serving "), let line = stderr.split(separator: "\n").first(where: { $0.hasPrefix("serving ") }),
              let port = line.split(separator: ":").dropFirst(2).first.flatMap({ UInt16($0.prefix { $0.isNumber }) }) else {
            stop()
            throw POSIXError(.ECONNREFUSED)
        }
        self.port = port
    }

    var stderr: String { lock.withLock { output } }

    /// Whether the terminal shows `text` within 60 seconds (a bounded wait, not a measure).
    func wait(for text: String, after start: String.Index? = nil) async -> Bool {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let now = stderr
            if now[(start ?? now.startIndex)...].contains(text) { return true }
            if !process.isRunning { return stderr.contains(text) }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}
