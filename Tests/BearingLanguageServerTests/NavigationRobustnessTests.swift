import XCTest
@testable import BearingLanguageServer

/// Navigation requests at places that are not there (past the end, negative, outside the
/// knowledge base, a file that is not a document) answer null or nothing, never fail.
final class NavigationRobustnessTests: XCTestCase {
    func testOddPlacesAnswerNothing() async throws {
        let session = try await ServerSession()
        let places: [(uri: String, line: Int, character: Int)] = [
            (session.uri("briefs/dunning-automation.md"), 10_000, 3),
            (session.uri("briefs/dunning-automation.md"), -1, -7),
            (session.uri("briefs/dunning-automation.md"), 4, 100_000),
            (session.uri("no-such-file.md"), 0, 0),
            (session.uri("bearing.yml"), 2, 3),
            ("file:///etc/passwd", 0, 0),
            ("untitled:Untitled-1", 0, 0),
        ]
        for place in places {
            let at: [String: Any] = ["textDocument": ["uri": place.uri], "position": ["line": place.line, "character": place.character]]
            for method in ["textDocument/definition", "textDocument/prepareRename"] {
                let result = try await session.request(method, at)
                XCTAssertTrue(result is NSNull, "\(method) at \(place)")
            }
            let references = try await session.request("textDocument/references", at.merging(["context": ["includeDeclaration": true]]) { $1 })
            XCTAssertTrue(references is NSNull || (references as? [Any])?.isEmpty == false, "references at \(place)")
            let rename = try await session.requestResponse("textDocument/rename", at.merging(["newName": "x"]) { $1 })
            XCTAssertNotNil(rename["error"], "rename at \(place)")
            let symbols = try await session.request("textDocument/documentSymbol", ["textDocument": ["uri": place.uri]])
            XCTAssertTrue(symbols is NSNull || place.uri.hasSuffix(".md"), "symbols of \(place.uri)")
        }
        let missing = try await session.requestResponse("textDocument/definition", ["position": ["line": 0, "character": 0]])
        XCTAssertEqual((missing["error"] as? [String: Any])?["code"] as? Int, -32602)
    }
}
