import BearingLanguageServer
import Foundation
import Testing

/// `textDocument/prepareRename` and `textDocument/rename`: a document's id renamed across the
/// knowledge base as one workspace edit, never written by the server.
@Suite struct RenameTests {
    /// A client that applies `documentChanges` with file renames.
    private nonisolated(unsafe) static let renamingClient: [String: Any] = ["workspace": ["workspaceEdit": ["documentChanges": true, "resourceOperations": ["create", "rename", "delete"]]]]

    @Test func prepareRenameOffersTheIdOfAReferenceAndNothingElsewhere() async throws {
        let session = try await ServerSession()
        let path = "briefs/dunning-automation.md"
        let onReference = try await session.result("textDocument/prepareRename", session.at("g-2027-q1-dso", in: path, offset: 3), as: [String: Any].self)
        #expect(onReference["placeholder"] as? String == "g-2027-q1-dso")
        #expect(session.spot(["uri": session.uri(path), "range": onReference["range"] as Any]) == Spot(path, 4, 8, 21))
        let onText = try await session.request("textDocument/prepareRename", session.at("Reminders for overdue", in: path))
        #expect(onText is NSNull)
        let onTitle = try await session.request("textDocument/prepareRename", session.at("Automated dunning", in: path))
        #expect(onTitle is NSNull)
    }

    @Test func renamingAGoalEditsEveryReferringFileAndRenamesTheFile() async throws {
        let session = try await ServerSession(clientCapabilities: Self.renamingClient)
        let before = try Self.files(in: session.root)
        let params = try session.at("g-2027-q1-dso", in: "briefs/dunning-automation.md", offset: 3).merging(["newName": "g-2027-q1-cash"]) { $1 }
        let edit = try await session.result("textDocument/rename", params, as: [String: Any].self)
        let changes = try #require(edit["documentChanges"] as? [[String: Any]])
        let edited = Self.textEdits(changes, in: session)
        #expect(Set(edited.keys) == ["briefs/dunning-automation.md", "briefs/portal-card-payments.md", "decisions/0001-use-postgres-for-ledger.md",
                                          "decisions/0002-render-invoices-with-typst.md", "decisions/0007-use-stripe-for-card-and-ach-payments.md",
                                          "decisions/0011-offer-annual-prepay-discount.md", "goals/g-2026-q4-invoicing-v2.md",
                                          "goals/g-2027-break-even.md", "goals/g-2027-w07-dunning-emails.md", "goals/g-2027-q1-dso.md"])
        #expect(edited["briefs/dunning-automation.md"]?.map(\.spot) == [Spot("briefs/dunning-automation.md", 4, 8, 21)])
        // The goal's own query blocks (`serves contains g-2027-q1-dso`).
        #expect(edited["goals/g-2027-q1-dso.md"]?.map(\.spot) == [Spot("goals/g-2027-q1-dso.md", 49, 26, 39), Spot("goals/g-2027-q1-dso.md", 55, 32, 45)])
        #expect(edited["goals/g-2027-break-even.md"]?.map(\.spot) == [Spot("goals/g-2027-break-even.md", 31, 22, 35)])
        #expect(Set(edited.values.joined().map(\.newText)) == ["g-2027-q1-cash"])
        let rename = try #require(changes.last)
        #expect(rename["kind"] as? String == "rename")
        #expect(rename["oldUri"] as? String == session.uri("goals/g-2027-q1-dso.md"))
        #expect(rename["newUri"] as? String == session.uri("goals/g-2027-q1-cash.md"))
        #expect(try Self.files(in: session.root) == before, "the server writes nothing")

        // Applied as an editor would, the knowledge base has no broken reference.
        try await Self.apply(changes, in: session)
        #expect(session.diagnostics("briefs/dunning-automation.md")?.first { $0["code"] as? String == "unresolved-reference" } == nil)
        #expect(!session.messages.contains { message in
            ((message["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]])?.contains { $0["code"] as? String == "unresolved-reference" } == true
        })
        let moved = try await session.request("textDocument/definition", session.at("g-2027-q1-cash", in: "goals/g-2027-break-even.md", offset: 1))
        #expect(session.spots(moved) == [Spot("goals/g-2027-q1-cash.md", 0, 0, 0)])
    }

    @Test func renamingABriefRewritesRelativeLinksKeepingTheirAnchors() async throws {
        let session = try await ServerSession(clientCapabilities: Self.renamingClient)
        // From a relative link to it.
        let fromLink = try session.at("../briefs/dunning-automation.md#rollout", in: "goals/g-2027-w07-dunning-emails.md", offset: 5)
        let edit = try await session.result("textDocument/rename", fromLink.merging(["newName": "automated-dunning"]) { $1 }, as: [String: Any].self)
        let changes = try #require(edit["documentChanges"] as? [[String: Any]])
        let edited = Self.textEdits(changes, in: session)
        #expect(edited["goals/g-2027-w07-dunning-emails.md"]?.map(\.newText) == ["../briefs/automated-dunning.md"])
        #expect(edited["goals/g-2027-w07-dunning-emails.md"]?.map(\.spot) == [Spot("goals/g-2027-w07-dunning-emails.md", 18, 27, 58)])
        #expect(Set(edited["decisions/0007-use-stripe-for-card-and-ach-payments.md"]?.map(\.newText) ?? []) == ["automated-dunning", "../briefs/automated-dunning.md"])
        #expect(changes.last?["newUri"] as? String == session.uri("briefs/automated-dunning.md"))
        try await Self.apply(changes, in: session)
        #expect(!session.messages.contains { message in
            ((message["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]])?.contains { $0["code"] as? String == "unresolved-reference" } == true
        })
    }

    @Test func aDecisionRenamedKeepsItsNumber() async throws {
        let session = try await ServerSession(clientCapabilities: Self.renamingClient)
        // Typed as a file name: the id is the name without `.md`.
        let params = try session.at("[[0007-use-stripe", in: "briefs/dunning-automation.md", offset: 4).merging(["newName": "use-stripe-for-payments.md"]) { $1 }
        let edit = try await session.result("textDocument/rename", params, as: [String: Any].self)
        let changes = try #require(edit["documentChanges"] as? [[String: Any]])
        let edited = Self.textEdits(changes, in: session)
        #expect(edited["briefs/dunning-automation.md"]?.map(\.spot) == [Spot("briefs/dunning-automation.md", 7, 12, 53), Spot("briefs/dunning-automation.md", 29, 2, 43)])
        #expect(Set(edited.values.joined().map(\.newText)) == ["0007-use-stripe-for-payments"])
        #expect(changes.last?["newUri"] as? String == session.uri("decisions/0007-use-stripe-for-payments.md"))
    }

    /// A new name that carries a number of its own, as the model reads numbers (`0013-`, `ADR-13`),
    /// keeps it; a date is not a number, so a name starting with one gets the record's number.
    @Test(arguments: [
        ("0013-stripe", "0013-stripe"), ("ADR-13-stripe", "ADR-13-stripe"), ("2027-02-17-stripe", "0007-2027-02-17-stripe"),
    ])
    func aDecisionRenamedWithANumberKeepsThatNumber(newName: String, newID: String) async throws {
        let session = try await ServerSession(clientCapabilities: Self.renamingClient)
        let params = try session.at("[[0007-use-stripe", in: "briefs/dunning-automation.md", offset: 4).merging(["newName": newName]) { $1 }
        let edit = try await session.result("textDocument/rename", params, as: [String: Any].self)
        let changes = try #require(edit["documentChanges"] as? [[String: Any]])
        #expect(Set(Self.textEdits(changes, in: session).values.joined().map(\.newText)) == [newID])
        #expect(changes.last?["newUri"] as? String == session.uri("decisions/\(newID).md"))
    }

    @Test func aTakenOrInvalidIdIsRefusedWithAReason() async throws {
        let session = try await ServerSession(clientCapabilities: Self.renamingClient)
        let at = try session.at("g-2027-q1-dso", in: "briefs/dunning-automation.md", offset: 3)
        let taken = try await session.requestResponse("textDocument/rename", at.merging(["newName": "g-2027-retention"]) { $1 })
        let takenError = try #require(taken["error"] as? [String: Any])
        #expect(takenError["message"] as? String == "cannot rename: 'g-2027-retention' is already the id of goals/g-2027-retention.md")
        let invalid = try await session.requestResponse("textDocument/rename", at.merging(["newName": "-not an id"]) { $1 })
        #expect((invalid["error"] as? [String: Any])?["message"] as? String != nil)
        let nowhere = try await session.requestResponse("textDocument/rename",
                                                        try session.at("Reminders", in: "briefs/dunning-automation.md").merging(["newName": "x"]) { $1 })
        #expect(nowhere["error"] != nil)
    }

    @Test func withoutFileOperationsTheIdIsStatedInsteadOfRenamingTheFile() async throws {
        let session = try await ServerSession()
        let params = try session.at("g-2027-q1-dso", in: "briefs/dunning-automation.md", offset: 3).merging(["newName": "g-2027-q1-cash"]) { $1 }
        let edit = try await session.result("textDocument/rename", params, as: [String: Any].self)
        #expect(edit["documentChanges"] == nil)
        let changes = try #require(edit["changes"] as? [String: [[String: Any]]])
        let own = try #require(changes[session.uri("goals/g-2027-q1-dso.md")])
        #expect(own.map { $0["newText"] as? String } == ["id: g-2027-q1-cash\n", "g-2027-q1-cash", "g-2027-q1-cash"])
        #expect(changes.count == 10)
    }

    @Test func aDocumentWithoutFrontMatterGetsOneHoldingItsNewId() async throws {
        let session = try await ServerSession()
        let path = "notes/glossary.md"
        try await session.open(path)
        await session.change(path, to: "# Glossary\n\nOur words.\n")
        let params = try session.at("[[glossary]]", in: "notes/working-agreements.md", offset: 3).merging(["newName": "terms"]) { $1 }
        let edit = try await session.result("textDocument/rename", params, as: [String: Any].self)
        let changes = try #require(edit["changes"] as? [String: [[String: Any]]])
        #expect(changes[session.uri(path)]?.map { $0["newText"] as? String } == ["---\nid: terms\n---\n"])
        #expect(changes[session.uri("notes/working-agreements.md")]?.map { $0["newText"] as? String } == ["terms"])
    }

    @Test func renamingFromAnIdFieldInAnOpenBufferEditsTheFieldAtItsVersion() async throws {
        let session = try await ServerSession(clientCapabilities: Self.renamingClient)
        let path = "notes/glossary.md"
        try await session.open(path)
        await session.change(path, to: try session.text(path).replacingOccurrences(of: "title: Glossary\n", with: "id: words\ntitle: Glossary\n"), version: 5)
        let at: [String: Any] = ["textDocument": ["uri": session.uri(path)], "position": ["line": 1, "character": 6]]
        let prepared = try await session.result("textDocument/prepareRename", at, as: [String: Any].self)
        #expect(prepared["placeholder"] as? String == "words")
        let edit = try await session.result("textDocument/rename", at.merging(["newName": "terms"]) { $1 }, as: [String: Any].self)
        let changes = try #require(edit["documentChanges"] as? [[String: Any]])
        #expect(changes.count == 1, "the id is not the file name: no file renamed")
        #expect((changes[0]["textDocument"] as? [String: Any])?["version"] as? Int == 5)
        #expect(Self.textEdits(changes, in: session)[path]?.map(\.spot) == [Spot(path, 1, 4, 9)])
    }

    // MARK: - Helpers

    private struct Edit {
        var spot: Spot
        var newText: String
    }

    /// The text edits of `documentChanges`, by path.
    private static func textEdits(_ changes: [[String: Any]], in session: ServerSession) -> [String: [Edit]] {
        var edits: [String: [Edit]] = [:]
        for change in changes {
            guard let document = change["textDocument"] as? [String: Any], let uri = document["uri"] as? String,
                  let list = change["edits"] as? [[String: Any]] else { continue }
            for edit in list {
                guard let spot = session.spot(["uri": uri, "range": edit["range"] as Any]), let text = edit["newText"] as? String else { continue }
                edits[session.path(ofURI: uri), default: []].append(Edit(spot: spot, newText: text))
            }
        }
        return edits
    }

    /// Applies `documentChanges` to the session's copy as an editor would, and tells the server.
    private static func apply(_ changes: [[String: Any]], in session: ServerSession) async throws {
        var touched: [String] = []
        for change in changes {
            if change["kind"] as? String == "rename", let old = change["oldUri"] as? String, let new = change["newUri"] as? String {
                try FileManager.default.moveItem(atPath: session.root + "/" + session.path(ofURI: old), toPath: session.root + "/" + session.path(ofURI: new))
                touched += [old, new]
            } else if let uri = (change["textDocument"] as? [String: Any])?["uri"] as? String, let edits = change["edits"] as? [[String: Any]] {
                let path = session.path(ofURI: uri)
                var text = try session.text(path)
                let ranges = edits.compactMap { edit -> (Range, String)? in
                    guard let data = try? JSONSerialization.data(withJSONObject: edit["range"] as Any),
                          let range = try? JSONDecoder().decode(Range.self, from: data), let newText = edit["newText"] as? String else { return nil }
                    return (range, newText)
                }
                for (range, newText) in ranges.sorted(by: { $0.0.start > $1.0.start }) {
                    text = LineIndex(text).applying(range, newText, encoding: .utf16)
                }
                try text.write(toFile: session.root + "/" + path, atomically: true, encoding: .utf8)
                touched.append(uri)
            }
        }
        await session.notify("workspace/didChangeWatchedFiles", ["changes": touched.map { ["uri": $0, "type": 2] }])
        _ = try await session.request("workspace/symbol", ["query": ""])  // Brings the server up to date.
    }

    /// Every file of a folder and its text.
    private static func files(in root: String) throws -> [String: String] {
        var files: [String: String] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: root) ?? FileManager.DirectoryEnumerator() {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = try String(contentsOfFile: root + "/" + path, encoding: .utf8)
            }
        }
        return files
    }
}
