import FlyingSocks
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the preview server could not listen, as a sentence that says what to do, instead of the
/// socket library's `failed(type: "Bind", errno: 98, …)`.
public enum ServeFailure {
    public static func explain(_ error: any Error, host: String, port: Int) -> String {
        guard let socket = error as? SocketError else { return "cannot serve on \(host):\(port): \(error.localizedDescription)" }
        switch socket {
        case .failed(let type, let code, let message):
            if type.hasPrefix("inet_pton") {
                return "'\(host)' is not an IP address: give one such as 127.0.0.1 or ::1 with --host"
            }
            switch code {
            case EADDRINUSE: return "port \(port) is in use: choose another with --port"
            case EACCES: return "port \(port) may only be used by the administrator here: choose one above 1023 with --port"
            case EADDRNOTAVAIL: return "'\(host)' is not an address of this machine: choose another with --host (127.0.0.1 by default)"
            default: return "cannot serve on \(host):\(port): \(message.prefix(1).lowercased() + message.dropFirst())"
            }
        case .unsupportedAddress:
            return "'\(host)' is not an address that can be served on: give one such as 127.0.0.1 or ::1 with --host"
        case .timeout(let message):
            return "cannot serve on \(host):\(port): timed out (\(message))"
        case .blocked, .disconnected:
            return "cannot serve on \(host):\(port): the connection was closed"
        }
    }
}
