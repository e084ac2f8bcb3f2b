import BearingCore

/// Turns the knowledge base's diagnostics into `publishDiagnostics` notifications, one per file,
/// sending only what changed since the last time: a file whose list is the same gets nothing, a
/// file that had problems and has none gets an empty list. Every file is covered, open or not:
/// an edit that breaks a link in another file shows there too. Only files whose diagnostics or
/// text changed are converted again (a conversion reads the file's lines).
struct DiagnosticsPublisher {
    /// What each file was last sent, and the diagnostics it was made from, by path relative to the knowledge base.
    private var published: [String: (from: [Diagnostic], sent: [LSPDiagnostic])] = [:]

    /// The notifications that bring the client up to date with `snapshot`, in which the texts of
    /// `edited` files changed.
    mutating func update(from snapshot: WorkspaceSnapshot, edited: Set<String> = []) -> [PublishDiagnosticsParams] {
        var byPath: [String: [Diagnostic]] = [:]
        for diagnostic in snapshot.result.diagnostics where diagnostic.severity != .off {
            byPath[diagnostic.location.path, default: []].append(diagnostic)
        }
        var notifications: [PublishDiagnosticsParams] = []
        for path in Set(byPath.keys).union(published.keys).sorted() {
            let diagnostics = byPath[path] ?? []
            let before = published[path]
            if let before, before.from == diagnostics, !edited.contains(path) { continue }
            let converted = diagnostics.map { Self.convert($0, in: snapshot) }
            published[path] = converted.isEmpty ? nil : (diagnostics, converted)
            guard converted != before?.sent ?? [] else { continue }
            notifications.append(PublishDiagnosticsParams(uri: snapshot.uri(of: path), version: snapshot.open[path]?.version, diagnostics: converted))
        }
        return notifications
    }

    static func convert(_ diagnostic: Diagnostic, in snapshot: WorkspaceSnapshot) -> LSPDiagnostic {
        let range = snapshot.lines(of: diagnostic.location.path).map { snapshot.range(of: diagnostic.location, in: $0) }
            ?? Range(at: Position(line: max(0, diagnostic.location.line - 1), character: 0))
        let related = diagnostic.related.compactMap { place in
            snapshot.location(of: place).map { LSPDiagnostic.RelatedInformation(location: $0, message: "also involved") }
        }
        return LSPDiagnostic(range: range, severity: diagnostic.severity == .error ? 1 : 2, code: diagnostic.rule.rawValue,
                             source: "bearing", message: diagnostic.fullMessage, relatedInformation: related.isEmpty ? nil : related)
    }
}
