import BearingCore

/// `textDocument/codeLens`: a line above a document's title saying where it stands in the
/// alignment — for a goal, how much unfinished work serves it directly and its progress (the
/// numbers of `bearing report`'s goal tree); for a brief or decision, the goals it serves.
enum CodeLenses {
    static func lenses(_ params: CodeLensParams, _ snapshot: WorkspaceSnapshot) -> [CodeLens] {
        guard let path = snapshot.path(of: params.textDocument.uri), let document = snapshot.knowledgeBase.document(atPath: path),
              let lines = snapshot.lines(of: path), let title = title(of: document, snapshot: snapshot) else { return [] }
        let line = titleLine(of: document, in: lines)
        let range = Range(start: Position(line: line, character: 0),
                          end: Position(line: line, character: lines.view(line).units(before: .max, snapshot.encoding)))
        return [CodeLens(range: range, command: Command(title: title, command: ""))]
    }

    /// "2 briefs, 4 decisions serve this goal · progress 46%", "serves: g-a, g-b", "serves no goal";
    /// nil for a note.
    static func title(of document: Document, snapshot: WorkspaceSnapshot) -> String? {
        let kb = snapshot.knowledgeBase
        switch document.type {
        case .goal:
            let analysis = snapshot.analysis ?? AlignmentAnalysis(kb, diagnostics: snapshot.result.diagnostics, today: snapshot.today)
            // As the report's goal tree lists it: the unfinished work that names the goal.
            let work = (analysis.directWork[document.id] ?? []).compactMap { kb.document($0) }.filter { !kb.isFinished($0) }
            let briefs = work.filter { $0.type == .brief }.count
            let decisions = work.filter { $0.type == .decision }.count
            let progress = analysis.progress[document.id]?.value.map { "progress " + Percent.format($0) } ?? "progress unknown"
            return "\(count(briefs, "brief")), \(count(decisions, "decision")) \(briefs + decisions == 1 ? "serves" : "serve") this goal · \(progress)"
        case .brief, .decision:
            let goals = kb.servedGoalIDs(document)
            return goals.isEmpty ? "serves no goal" : "serves: " + goals.joined(separator: ", ")
        default:
            return nil
        }
    }

    /// The 0-based line of the document's title: its `title:` key, else its first level-1
    /// heading, else the first line.
    static func titleLine(of document: Document, in lines: LineIndex) -> Int {
        if let key = document.fields.first(where: { $0.key == "title" }), key.keyLine > 0 { return min(key.keyLine - 1, lines.lineCount - 1) }
        if let heading = document.body.headings.first(where: { $0.level == 1 }), heading.line > 0 { return min(heading.line - 1, lines.lineCount - 1) }
        return 0
    }

    private static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
}

extension RequestHandler {
    /// `textDocument/codeLens`: lenses complete when sent (nothing to resolve).
    static let codeLens = RequestHandler.on("textDocument/codeLens", capability: ("codeLensProvider", ["resolveProvider": false]),
                                             usesAnalysis: true) {
        (params: CodeLensParams, snapshot) in CodeLenses.lenses(params, snapshot)
    }
}
