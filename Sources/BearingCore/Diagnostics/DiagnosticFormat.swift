import Foundation

/// The output formats of `bearing check`.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text
    case github
    case json

    /// Renders diagnostics (sorted by the caller) in this format.
    /// `pathPrefix` is prepended to paths in the `github` format, whose annotations
    /// need paths relative to the repository rather than to the KB.
    public func render(_ diagnostics: [Diagnostic], pathPrefix: String = "") -> String {
        switch self {
        case .text:
            return diagnostics.map(Self.textLine).joined()
        case .github:
            return diagnostics.map { Self.githubLine($0, pathPrefix: pathPrefix) }.joined()
        case .json:
            return Self.json(diagnostics)
        }
    }

    static func textLine(_ d: Diagnostic) -> String {
        var line = "\(d.location.path):\(d.location.line):\(d.location.column): \(d.severity.rawValue): \(d.fullMessage) [\(d.rule.rawValue)]\n"
        for other in d.related {
            line += "\(other.path):\(other.line):\(other.column): note: see also\n"
        }
        return line
    }

    static func githubLine(_ d: Diagnostic, pathPrefix: String) -> String {
        let command = d.severity == .error ? "error" : "warning"
        let path = escapeProperty(pathPrefix + d.location.path)
        let title = escapeProperty(d.rule.rawValue)
        return "::\(command) file=\(path),line=\(d.location.line),col=\(d.location.column),title=\(title)::\(escapeData(d.fullMessage))\n"
    }

    // GitHub workflow command escaping (data and property values).
    static func escapeData(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    static func json(_ diagnostics: [Diagnostic]) -> String {
        (try? JSONWriter.encode(diagnostics.map(DiagnosticRecord.init))) ?? "[]\n"
    }
}

/// The JSON shape of one diagnostic (`bearing check --format json`, `bearing export`).
public struct DiagnosticRecord: Codable, Sendable, Equatable {
    public var path: String
    public var line: Int
    public var column: Int
    public var severity: Severity
    public var rule: String
    public var message: String
    public var hint: String?
    public var related: [SourceLocation]

    public init(_ d: Diagnostic) {
        path = d.location.path
        line = d.location.line
        column = d.location.column
        severity = d.severity
        rule = d.rule.rawValue
        message = d.message
        hint = d.hint
        related = d.related
    }
}
