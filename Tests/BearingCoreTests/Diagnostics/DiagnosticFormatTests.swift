import Foundation
import Testing
@testable import BearingCore

/// Paths as seen from the current folder: the prefix goes before every path, in every format.
@Suite struct DiagnosticFormatTests {
    static let duplicate = Diagnostic(.error, .duplicateID, "duplicate id 'g'", at: SourceLocation(path: "goals/g.md", line: 2, column: 5),
                                      related: [SourceLocation(path: "notes/g.md", line: 1, column: 1)])

    @Test func thePrefixGoesBeforeEveryPathInEveryFormat() throws {
        #expect(DiagnosticFormat.text.render([Self.duplicate], pathPrefix: "../") == """
            ../goals/g.md:2:5: error: duplicate id 'g' [duplicate-id]
            ../notes/g.md:1:1: note: see also

            """)
        #expect(DiagnosticFormat.github.render([Self.duplicate], pathPrefix: "kb/").hasPrefix("::error file=kb/goals/g.md,line=2,col=5,"))
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(DiagnosticFormat.json.render([Self.duplicate], pathPrefix: "../").utf8)) as? [[String: Any]])
        #expect(rows.first?["path"] as? String == "../goals/g.md")
        #expect((rows.first?["related"] as? [[String: Any]])?.first?["path"] as? String == "../notes/g.md")
        #expect(DiagnosticFormat.text.render([Self.duplicate]).hasPrefix("goals/g.md:2:5: "))
    }
}
