import BearingCore

/// Turns the knowledge base's diagnostics into `publishDiagnostics` notifications, one per file,
/// sending only what changed since the last time: a file whose list is the same gets nothing, a
/// file that had problems and has none gets an empty list. Every file is covered, open or not:
/// an edit that breaks a link in another file shows there too. Only files whose diagnostics or
/// text changed are converted again (a conversion reads the file's lines). The diagnostics come
/// sorted by path, and what was sent is kept sorted by path: one walk over both, no hashing.
struct DiagnosticsPublisher {
    /// What a file was last sent, and the diagnostics it was made from.
    private struct Sent {
        var path: String
        var from: ArraySlice<Diagnostic>
        var sent: [LSPDiagnostic]
    }

    /// Sorted by path; files with nothing to show are left out.
    private var published: [Sent] = []

    /// The notifications that bring the client up to date with `snapshot`, in which the texts of
    /// `edited` files changed.
    mutating func update(from snapshot: WorkspaceSnapshot, edited: Set<String> = []) -> [PublishDiagnosticsParams] {
        var diagnostics = snapshot.result.diagnostics.filter { $0.severity != .off }
        if !zip(diagnostics, diagnostics.dropFirst()).allSatisfy({ $0.location.path <= $1.location.path }) {
            diagnostics.sort { $0.location.path < $1.location.path }
        }
        var notifications: [PublishDiagnosticsParams] = []
        var next: [Sent] = []
        next.reserveCapacity(published.count)
        var old = 0
        var start = 0
        /// Sends an empty list to each file of the last round before `path` (nil: all that remain).
        func clearOld(before path: String?) {
            while old < published.count, path.map({ published[old].path < $0 }) ?? true {
                notifications.append(PublishDiagnosticsParams(uri: snapshot.uri(of: published[old].path), version: snapshot.open[published[old].path]?.version, diagnostics: []))
                old += 1
            }
        }
        while start < diagnostics.count {
            let path = diagnostics[start].location.path
            var end = start + 1
            while end < diagnostics.count, diagnostics[end].location.path == path { end += 1 }
            let run = diagnostics[start..<end]
            start = end
            clearOld(before: path)
            let before: Sent? = old < published.count && published[old].path == path ? published[old] : nil
            if before != nil { old += 1 }
            if let before, before.from == run, !edited.contains(path) {
                next.append(before)
                continue
            }
            let lines = snapshot.lines(of: path)
            let converted = run.map { Self.convert($0, lines: lines, in: snapshot) }
            next.append(Sent(path: path, from: run, sent: converted))
            if converted != before?.sent {
                notifications.append(PublishDiagnosticsParams(uri: snapshot.uri(of: path), version: snapshot.open[path]?.version, diagnostics: converted))
            }
        }
        clearOld(before: nil)
        published = next
        return notifications
    }

    /// A diagnostic as LSP carries it; `lines`: its file's (nil when it cannot be read).
    static func convert(_ diagnostic: Diagnostic, lines: LineIndex?, in snapshot: WorkspaceSnapshot) -> LSPDiagnostic {
        let range = lines.map { snapshot.range(of: diagnostic.location, in: $0) }
            ?? Range(at: Position(line: max(0, diagnostic.location.line - 1), character: 0))
        let related = diagnostic.related.compactMap { place in
            snapshot.location(of: place).map { LSPDiagnostic.RelatedInformation(location: $0, message: "also involved") }
        }
        return LSPDiagnostic(range: range, severity: diagnostic.severity == .error ? 1 : 2, code: diagnostic.rule.rawValue,
                             source: "bearing", message: diagnostic.fullMessage, relatedInformation: related.isEmpty ? nil : related)
    }
}
