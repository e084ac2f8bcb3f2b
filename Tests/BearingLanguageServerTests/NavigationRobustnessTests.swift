import Foundation
import Testing
@testable import BearingLanguageServer

/// Requests at places that are not there (past the end, negative, outside the knowledge base,
/// a file that is not a document) answer null or nothing, never fail.
@Suite struct NavigationRobustnessTests {
    /// The brief whose odd places are asked about, and every place that refers to it (what
    /// `references` answers anywhere in it that is not a reference): its declaration (the title),
    /// then the front matter reference, then the body links by path, each link's path without its anchor.
    static let brief = "briefs/dunning-automation.md"
    static let briefReferences = [
        Spot(brief, 1, 7, 45),
        Spot("decisions/0007-use-stripe-for-card-and-ach-payments.md", 7, 9, 27),
        Spot("decisions/0002-render-invoices-with-typst.md", 41, 56, 87),
        Spot("decisions/0007-use-stripe-for-card-and-ach-payments.md", 16, 38, 69),
        Spot("goals/g-2027-q1-dso.md", 39, 25, 56),
        Spot("goals/g-2027-w07-dunning-emails.md", 18, 27, 58),
    ]

    /// A place: a file of the knowledge base by its path, or any URI (with a `:`), a line and a character.
    @Test(arguments: [
        ("briefs/dunning-automation.md", 10_000, 3), ("briefs/dunning-automation.md", -1, -7),
        ("briefs/dunning-automation.md", Int.min, Int.min), ("briefs/dunning-automation.md", Int.max, Int.max),
        ("briefs/dunning-automation.md", 4, 100_000),
        ("no-such-file.md", 0, 0), ("bearing.yml", 2, 3), ("file:///etc/passwd", 0, 0), ("untitled:Untitled-1", 0, 0),
    ])
    func oddPlacesAnswerNothing(file: String, line: Int, character: Int) async throws {
        let session = try await ServerSession()
        let uri = file.contains(":") ? file : session.uri(file)
        let at: [String: Any] = ["textDocument": ["uri": uri], "position": ["line": line, "character": character]]
        for method in ["textDocument/definition", "textDocument/prepareRename"] {
            let result = try await session.request(method, at)
            #expect(result is NSNull, "\(method) at \(file):\(line):\(character)")
        }
        let references = try await session.request("textDocument/references", at.merging(["context": ["includeDeclaration": true]]) { $1 })
        if file == Self.brief {
            // Not on a reference: the brief's own references, exactly.
            #expect(session.spots(references) == Self.briefReferences)
            #expect((references as? [Any])?.count == Self.briefReferences.count, "every location is a one-line range of the KB")
        } else {
            #expect(references is NSNull, "references at \(file)")
        }
        let rename = try await session.requestResponse("textDocument/rename", at.merging(["newName": "x"]) { $1 })
        #expect(rename["error"] != nil, "rename at \(file):\(line):\(character)")
        let symbols = try await session.request("textDocument/documentSymbol", ["textDocument": ["uri": uri]])
        #expect(symbols is NSNull || uri.hasSuffix(".md"), "symbols of \(uri)")

        #expect(try await session.request("textDocument/hover", at) is NSNull)
        let position = at["position"] as Any
        let hints = try await session.request("textDocument/inlayHint", ["textDocument": ["uri": uri], "range": ["start": position, "end": position]])
        #expect((hints as? [Any])?.isEmpty == true, "\(hints)")
        let completion = try #require(try await session.request("textDocument/completion", at) as? [String: Any])
        #expect(completion["isIncomplete"] as? Bool == false)
        let items = try #require(completion["items"] as? [[String: Any]])
        let actions = try #require(try await session.request("textDocument/codeAction", [
            "textDocument": ["uri": uri], "range": ["start": position, "end": position], "context": ["diagnostics": [[String: Any]]()],
        ] as [String: Any]) as? [[String: Any]])
        let lenses = try #require(try await session.request("textDocument/codeLens", ["textDocument": ["uri": uri]]) as? [[String: Any]])
        if file == Self.brief {
            #expect(lenses.map { ($0["command"] as? [String: Any])?["title"] as? String } == ["serves: g-2027-q1-dso"])
        } else {
            #expect(lenses.isEmpty, "\(lenses)")
        }
        // Past the end of `goals: [g-2027-q1-dso]`: the end of the line, in the goals list.
        if line == 4 {
            #expect(!items.isEmpty && items.allSatisfy { ($0["label"] as? String)?.hasPrefix("g-") == true }, "only goals")
        } else {
            #expect(items.isEmpty, "\(items)")
        }
        // Negative lines are clamped to line 0, the front matter's opening fence; line 4 is in the block.
        if file == Self.brief, line <= 4 {
            #expect(actions.map { $0["title"] as? String } == [
                "Set status to 'draft'", "Set status to 'in-review'", "Set status to 'in-progress'", "Set status to 'done'", "Set status to 'dropped'",
            ])
        } else {
            #expect(actions.isEmpty, "\(actions)")
        }
    }

    @Test func aRequestWithoutItsDocumentIsInvalidParams() async throws {
        let session = try await ServerSession()
        let missing = try await session.requestResponse("textDocument/definition", ["position": ["line": 0, "character": 0]])
        #expect((missing["error"] as? [String: Any])?["code"] as? Int == -32602)
    }
}
