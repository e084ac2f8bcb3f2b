import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `bearing lsp`: the server over standard input and output until the client says `exit`,
/// closes the stream, or its process ends. Returns the exit status LSP asks for: 0 after a
/// `shutdown` request, else 1.
public enum LanguageServerMain {
    public static func run(_ options: LanguageServer.Options) async -> Int32 {
        // A client gone mid-write is the end of the session, not a crash.
        signal(SIGPIPE, SIG_IGN)
        let box = ServerBox()
        let connection = StdioConnection { reason in box.server?.malformed(reason) }
        let server = LanguageServer(options: options, send: { [connection] in connection.send($0) })
        box.server = server
        connection.start()
        let watcher = Task.detached { await watchClient(of: server, queue: connection.queue) }
        while let batch = await connection.queue.next() {
            guard await server.handle(batch, morePending: connection.queue.hasPending) else { break }
        }
        watcher.cancel()
        return server.shutdownRequested ? 0 : 1
    }

    /// Closes the queue when the client's process (from `initialize`) is gone.
    private static func watchClient(of server: LanguageServer, queue: MessageQueue) async {
        while !Task.isCancelled {
            try? await Task.sleep(nanoseconds: 2_000_000_000)
            if let process = server.clientProcess, process > 0, kill(process, 0) == -1, errno == ESRCH {
                queue.close()
                return
            }
        }
    }

    /// Lets the connection's reader report to the server made after it.
    private final class ServerBox: @unchecked Sendable {
        var server: LanguageServer?
    }
}
