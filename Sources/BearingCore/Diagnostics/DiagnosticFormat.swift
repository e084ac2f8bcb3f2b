import Foundation

/// The output formats of `bearing check`.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text
    case github
    case json

    /// Renders diagnostics (sorted by the caller) in this format. `pathPrefix` is prepended to every
    /// path, in every format: the CLI gives the way from the current folder to the KB, so editors and
    /// CI find the files (SPEC §3).
    public func render(_ diagnostics: [Diagnostic], pathPrefix: String = "") -> String {
        let located = pathPrefix.isEmpty ? diagnostics : diagnostics.map { Self.prefixing($0, with: pathPrefix) }
        switch self {
        case .text:
            return located.map(Self.textLine).joined()
        case .github:
            return located.map(Self.githubLine).joined()
        case .json:
            return Self.json(located)
        }
    }

    static func prefixing(_ diagnostic: Diagnostic, with prefix: String) -> Diagnostic {
        func prefixed(_ location: SourceLocation) -> SourceLocation {
            var result = location
            if !result.path.isEmpty { result.path = prefix + result.path }
            return result
        }
        var result = diagnostic
        result.location = prefixed(diagnostic.location)
        result.related = diagnostic.related.map(prefixed)
        return result
    }

    /// One line per location: a file name or a value quoted in the message cannot break it or
    /// reach the terminal as a control sequence (String+TerminalSafe).
    static func textLine(_ d: Diagnostic) -> String {
        var line = "\(d.location.path.terminalSafe):\(d.location.line):\(d.location.column): \(d.severity.rawValue): \(d.fullMessage.terminalSafe) [\(d.rule.rawValue.terminalSafe)]\n"
        for other in d.related {
            line += "\(other.path.terminalSafe):\(other.line):\(other.column): note: see also\n"
        }
        return line
    }

    static func githubLine(_ d: Diagnostic) -> String {
        let command = d.severity == .error ? "error" : "warning"
        let path = escapeProperty(d.location.path)
        let title = escapeProperty(d.rule.rawValue)
        return "::\(command) file=\(path),line=\(d.location.line),col=\(d.location.column),title=\(title)::\(escapeData(d.fullMessage))\n"
    }

    // GitHub workflow command escaping (data and property values); control characters other
    // than line breaks are written as escapes first (String+TerminalSafe).
    static func escapeData(_ s: String) -> String {
        s.terminalSafeLines.replacingOccurrences(of: "%", with: "%25")
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
