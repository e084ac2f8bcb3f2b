import BearingCore

/// What a request is answered from: the knowledge base as of the last update (open files' unsaved
/// texts included), its diagnostics, the open files, and how positions are counted; the alignment
/// analysis for the requests that declare they use it (`RequestHandler.usesAnalysis`).
/// A value: a feature reads it and builds its answer, and changes nothing.
public struct WorkspaceSnapshot: Sendable {
    public let workspace: Workspace
    public let result: KnowledgeBaseLoader.Result
    public let open: OpenDocuments
    public let encoding: PositionEncoding
    public let today: Day
    /// Nil unless the request's handler uses it.
    public let analysis: AlignmentAnalysis?
    /// What the client takes in a workspace edit (a rename's file operations, a created file).
    public let editSupport: WorkspaceEditSupport

    public init(workspace: Workspace, result: KnowledgeBaseLoader.Result, open: OpenDocuments, encoding: PositionEncoding, today: Day,
                analysis: AlignmentAnalysis? = nil, editSupport: WorkspaceEditSupport = WorkspaceEditSupport()) {
        self.workspace = workspace
        self.analysis = analysis
        self.result = result
        self.open = open
        self.encoding = encoding
        self.today = today
        self.editSupport = editSupport
    }

    public var knowledgeBase: KnowledgeBase { result.knowledgeBase }

    /// The path relative to the knowledge base of a URI of one of its files.
    public func path(of uri: String) -> String? { workspace.path(of: uri) }

    public func uri(of path: String) -> String { workspace.uri(of: path) }

    /// The lines of a file of the knowledge base: the editor's buffer when open, else the file on
    /// disk, read through the knowledge base's boundary (nil when it is not a file inside it).
    public func lines(of path: String) -> LineIndex? {
        if let buffer = open[path] { return buffer.lines }
        guard let bytes = FolderFiles(root: workspace.root).read(path) else { return nil }
        return LineIndex(String(decoding: bytes, as: UTF8.self))
    }

    /// The LSP position of a Bearing place in a file whose lines are known.
    public func position(of location: SourceLocation, in lines: LineIndex) -> Position {
        lines.position(line: max(1, location.line), column: max(1, location.column), encoding: encoding)
    }

    /// The range of the token that starts at a Bearing place (an id, a field name, a link): up to
    /// the next space, comma or closing bracket; the whole line's start when the place has no line.
    public func range(of location: SourceLocation, in lines: LineIndex) -> Range {
        guard location.line > 0 else { return Range(at: Position(line: 0, character: 0)) }
        let number = min(location.line - 1, lines.lineCount - 1)
        let view = lines.view(number)
        let first = min(max(0, location.column - 1), view.count)
        var end = first
        while end < view.count, end == first || !Self.tokenEnds.contains(view.scalars[end]) { end += 1 }
        return Range(start: Position(line: number, character: view.units(before: first, encoding)),
                     end: Position(line: number, character: view.units(before: end, encoding)))
    }

    private static let tokenEnds: Set<Unicode.Scalar> = [" ", "\t", ",", "]", "}", ")", "|"]

    /// The LSP location of a Bearing place (nil when its file cannot be read).
    public func location(of place: SourceLocation) -> Location? {
        guard let lines = lines(of: place.path) else { return nil }
        return Location(uri: uri(of: place.path), range: range(of: place, in: lines))
    }

    /// The 1-based line and scalar column of an LSP position in a file.
    public func place(of position: Position, in path: String) -> SourceLocation? {
        guard let lines = lines(of: path) else { return nil }
        return SourceLocation(path: path, line: position.line + 1, column: lines.column(of: position, encoding: encoding))
    }
}
