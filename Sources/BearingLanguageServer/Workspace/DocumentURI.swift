import Foundation

/// `file:` URIs, the only ones the server reads, and the absolute paths they name.
public enum DocumentURI {
    /// The absolute path of a `file:` URI (`file:///a%20b/c.md` → `/a b/c.md`); nil for other schemes.
    public static func path(of uri: String) -> String? {
        guard uri.lowercased().hasPrefix("file://") else { return nil }
        var rest = uri.dropFirst("file://".count)
        // A host (`file://localhost/…`) is allowed; only the local machine's files are read.
        if !rest.hasPrefix("/") {
            guard let slash = rest.firstIndex(of: "/"), rest[..<slash].lowercased() == "localhost" else { return nil }
            rest = rest[slash...]
        }
        if let query = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<query] }
        guard let decoded = String(rest).removingPercentEncoding, !decoded.contains("\0") else { return nil }
        return decoded
    }

    /// The `file:` URI of an absolute path, every byte outside the unreserved set and `/` percent-encoded.
    /// Written by hand rather than with `URL(fileURLWithPath:).absoluteString`, which leaves
    /// `+ = ; @ ( ) ! , & ' $` as they are and adds a `/` when the path is a folder on disk (it
    /// looks at the file system): editors such as VS Code encode those characters, and compare
    /// URIs as strings, so the server's URIs must be written the same way, whatever the disk holds.
    public static func uri(of path: String) -> String {
        var uri = "file://"
        for byte in path.utf8 {
            if Self.plain.contains(byte) {
                uri.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                uri += String(format: "%%%02X", byte)
            }
        }
        return uri
    }

    private static let plain: Set<UInt8> = Set(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/".utf8))
}
