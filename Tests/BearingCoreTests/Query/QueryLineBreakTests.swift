import Testing
@testable import BearingCore

/// A query written with CRLF line ends (a file saved on Windows): `\r\n` is one Character in
/// Swift, so lines were not counted and errors pointed past their line (found by fuzz-query).
@Suite struct QueryLineBreakTests {
    @Test func errorsAfterACRLFLineEndPointAtTheirLine() {
        guard case .failure(let error) = QueryParser.parse("goals\r\nwhere \"x") else { Issue.record("parsed"); return }
        #expect((error.line, error.column) == (2, 7))
        guard case .failure(let end) = QueryParser.parse("goals where\r\n\r\n") else { Issue.record("parsed"); return }
        #expect((end.line, end.column) == (1, 12))
    }

    @Test func aCommentEndsAtACRLFLineEnd() throws {
        let query = try QueryParser.parse("goals # open ones\r\nwhere status = active").get()
        #expect(query.condition != nil)
    }
}
