import Foundation
import Testing
@testable import BearingLanguageServer

/// A range of a file of the session's knowledge base, compared by value in tests: the path
/// relative to the knowledge base, the 0-based line and the start and end characters (one line).
struct Spot: Equatable, CustomStringConvertible {
    var path: String
    var line: Int
    var start: Int
    var end: Int

    init(_ path: String, _ line: Int, _ start: Int, _ end: Int) {
        self.path = path
        self.line = line
        self.start = start
        self.end = end
    }

    var description: String { "\(path):\(line):\(start)-\(end)" }
}

extension ServerSession {
    /// The params of a request about the place of `needle` (plus `offset` characters) in a file.
    func at(_ needle: String, in path: String, offset: Int = 0) throws -> [String: Any] {
        ["textDocument": ["uri": uri(path)], "position": try position(of: needle, in: path, offset: offset)]
    }

    /// The path relative to the knowledge base of one of its URIs.
    func path(ofURI uri: String) -> String {
        let prefix = self.uri("")
        return uri.hasPrefix(prefix) ? String(uri.dropFirst(prefix.count)) : uri
    }

    /// A location (`{uri, range}`) as a spot; nil when it is not one or spans lines.
    func spot(_ location: Any?) -> Spot? {
        guard let location = location as? [String: Any], let uri = location["uri"] as? String,
              let range = location["range"] as? [String: [String: Int]], let start = range["start"], let end = range["end"],
              let line = start["line"], end["line"] == line, let from = start["character"], let to = end["character"] else { return nil }
        return Spot(path(ofURI: uri), line, from, to)
    }

    /// A list of locations as spots.
    func spots(_ result: Any) -> [Spot] { (result as? [Any] ?? []).compactMap { spot($0) } }
}

extension ServerSession {
    /// A request's result as `T` (fails the test when it is something else).
    func result<T>(_ method: String, _ params: [String: Any], as type: T.Type, sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws -> T {
        let result = try await request(method, params, fileID: sourceLocation.fileID, filePath: sourceLocation._filePath,
                                       line: sourceLocation.line, column: sourceLocation.column)
        return try #require(result as? T, "\(method) answered \(result)", sourceLocation: sourceLocation)
    }
}
