import FlyingSocks
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turning a connection away when the server is full (its cap, or the process's descriptors):
/// one 503 written without waiting, and closed. The server goes on.
enum Refusing {
    static let busy: [UInt8] = {
        var response = Response.plain(.serviceUnavailable, "Service unavailable: too many connections to the preview; try again")
        response.headers.append(("Retry-After", "1"))
        guard case .bytes(let body) = response.body else { return [] }
        return response.head(keepAlive: false) + body
    }()

    /// Writes the 503 (a new connection's send buffer takes it at once), reads what the client
    /// already sent (so that closing does not reset the connection and lose the answer), closes.
    static func refuse(_ socket: Socket) {
        let fd = socket.file.rawValue
        _ = busy.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT)) }
        _ = shutdown(fd, Int32(SHUT_WR))
        var scratch = [UInt8](repeating: 0, count: 16 * 1024)
        while recv(fd, &scratch, scratch.count, Int32(MSG_DONTWAIT)) > 0 {}
        _ = close(fd)
    }

    /// A descriptor held in reserve, given up to accept a connection when there is no other.
    static func spareDescriptor() -> Int32 {
        open("/dev/null", O_RDONLY | O_CLOEXEC)
    }

    /// Out of descriptors: the spare one is closed, a waiting connection accepted and refused, the spare taken again.
    static func refuseWithSpare(_ spare: inout Int32, listener: Socket) {
        if spare >= 0 { _ = close(spare) }
        if let accepted = try? listener.accept() { refuse(Socket(file: accepted.file)) }
        spare = spareDescriptor()
    }
}
