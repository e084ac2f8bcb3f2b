import BearingCore

/// `textDocument/codeAction`: what Bearing can change for the writer at a selection, each change
/// a workspace edit the editor applies — fixes for the diagnostics there (a reference's likely
/// id, the missing document created, the goals an orphan serves) and the statuses the document
/// may move to.
struct CodeActions {
    let snapshot: WorkspaceSnapshot
    let path: String
    let document: Document
    let lines: LineIndex
    let range: Range
    /// The diagnostics the actions fix: the request's own, else the snapshot's for the file that
    /// touch the range.
    let diagnostics: [ClientDiagnostic]
    let only: [String]?

    init?(_ params: CodeActionParams, _ snapshot: WorkspaceSnapshot) {
        guard let path = snapshot.path(of: params.textDocument.uri), let document = snapshot.knowledgeBase.document(atPath: path),
              let lines = snapshot.lines(of: path) else { return nil }
        self.snapshot = snapshot
        self.path = path
        self.document = document
        self.lines = lines
        range = params.range
        only = params.context.only
        if !params.context.diagnostics.isEmpty {
            diagnostics = params.context.diagnostics
        } else {
            let lines = snapshot.lines(of: path)
            diagnostics = snapshot.result.diagnostics.filter { $0.location.path == path && $0.severity != .off }
                .map { ClientDiagnostic(DiagnosticsPublisher.convert($0, lines: lines, in: snapshot)) }
                .filter { $0.range.start <= params.range.end && params.range.start <= $0.range.end }
        }
    }

    /// Every action, fixes first (in the order of their diagnostics), then the status changes.
    var all: [CodeAction] {
        var actions: [CodeAction] = []
        if wants(CodeAction.quickFix) {
            for diagnostic in diagnostics where diagnostic.rule == RuleID.unresolvedReference.rawValue {
                actions += referenceFixes(for: diagnostic)
            }
            actions += orphanFixes
        }
        if wants(CodeAction.rewrite) { actions += statusChanges }
        return actions
    }

    /// Whether the client asked for actions of this kind (all, when it names none).
    func wants(_ kind: String) -> Bool {
        guard let only, !only.isEmpty else { return true }
        return only.contains { kind == $0 || kind.hasPrefix($0 + ".") }
    }

    /// Whether the selection is in the front matter block, its fences included, as the model
    /// finds the block (`FrontMatter.split`: a BOM, CRLF, leading comments, `...` closing it).
    var inFrontMatter: Bool {
        let split = FrontMatter.split(lines.text)
        guard split.yaml != nil else { return false }
        // 0-based lines of the opening and the closing fence.
        let block = (split.yamlFirstLine - 2)...(split.bodyFirstLine - 2)
        return block.contains(range.start.line) || block.contains(range.end.line)
    }

    /// The edits of this file's lines that differ in its new text (nil when nothing changes).
    func edit(to text: String) -> WorkspaceEdit? {
        let edits = TextDifference.edits(from: lines, to: text, encoding: snapshot.encoding)
        return edits.isEmpty ? nil : WorkspaceEdit(changes: [snapshot.uri(of: path): edits])
    }
}

extension RequestHandler {
    /// `textDocument/codeAction`: fixes and rewrites, announced with the two kinds it offers.
    static let codeAction = RequestHandler.on(
        "textDocument/codeAction", capability: ("codeActionProvider", ["codeActionKinds": [CodeAction.quickFix, CodeAction.rewrite]])
    ) { (params: CodeActionParams, snapshot) in
        CodeActions(params, snapshot)?.all ?? []
    }
}
