import XCTest
@testable import BearingLanguageServer

final class CodeActionTests: XCTestCase {
    private let brief = "briefs/dunning-automation.md"

    /// The actions at a range, with the diagnostics given as the request's context.
    private func codeActions(_ session: ServerSession, _ path: String, at position: [String: Int], diagnostics: [[String: Any]] = [],
                         only: [String]? = nil) async throws -> [[String: Any]] {
        var context: [String: Any] = ["diagnostics": diagnostics]
        if let only { context["only"] = only }
        let result = try await session.request("textDocument/codeAction", [
            "textDocument": ["uri": session.uri(path)], "range": ["start": position, "end": position], "context": context,
        ])
        return try XCTUnwrap(result as? [[String: Any]])
    }

    /// The text after the action's edits of one file (the edits applied from the last one up).
    private func applying(_ action: [String: Any], to text: String, uri: String) throws -> String {
        let edit = try XCTUnwrap(action["edit"] as? [String: Any])
        let edits = try XCTUnwrap((edit["changes"] as? [String: Any])?[uri] as? [[String: Any]])
        var result = text
        for edit in edits.reversed() {
            let data = try JSONSerialization.data(withJSONObject: edit)
            let decoded = try JSONDecoder().decode(TextEdit.self, from: data)
            result = LineIndex(result).applying(decoded.range, decoded.newText, encoding: .utf16)
        }
        return result
    }

    func testTheStatusActionsAreTheBriefWorkflowsOtherStatusesAndEditOnlyTheirLines() async throws {
        let session = try await ServerSession()
        try await session.open(brief)
        let original = try session.text(brief)
        let actions = try await codeActions(session, brief, at: try session.position(of: "status: approved", in: brief, offset: 9))
        let rewrites = actions.filter { $0["kind"] as? String == "refactor.rewrite" }
        XCTAssertEqual(rewrites.map { $0["title"] as? String },
                       ["Set status to 'draft'", "Set status to 'in-review'", "Set status to 'in-progress'", "Set status to 'done'", "Set status to 'dropped'"])
        let done = try XCTUnwrap(rewrites.first { $0["title"] as? String == "Set status to 'done'" })
        let changed = try applying(done, to: original, uri: session.uri(brief))
        // What `bearing status dunning-automation done` writes: the status, and updated: today.
        XCTAssertEqual(changed, original.replacingOccurrences(of: "status: approved", with: "status: done")
            .replacingOccurrences(of: "updated: 2027-02-15", with: "updated: 2027-02-17"))
        // Two edits, of the two lines that change.
        let edits = try XCTUnwrap(((done["edit"] as? [String: Any])?["changes"] as? [String: [[String: Any]]])?[session.uri(brief)])
        XCTAssertEqual(edits.map { ($0["range"] as? [String: [String: Int]])?["start"] }, [["line": 2, "character": 0], ["line": 10, "character": 0]])
        XCTAssertEqual(try session.text(brief), original, "the file on disk is not written")
    }

    func testABriefAwaitingSignOffIsNotOfferedApproval() async throws {
        let session = try await ServerSession()
        let path = "briefs/office-move-checklist.md"
        let titles = try await codeActions(session, path, at: ["line": 5, "character": 0], only: ["refactor"]).map { $0["title"] as? String }
        XCTAssertEqual(titles, ["Set status to 'draft'", "Set status to 'in-review'", "Set status to 'done'", "Set status to 'dropped'"])
    }

    func testASupersededDecisionSetBackToAcceptedNoLongerNamesItsSuccessor() async throws {
        let session = try await ServerSession()
        let path = "decisions/0003-sync-driver-app-with-rest-polling.md"
        let original = try session.text(path)
        let actions = try await codeActions(session, path, at: ["line": 1, "character": 10])
        XCTAssertEqual(actions.compactMap { $0["title"] as? String },
                       ["Set status to 'proposed'", "Set status to 'accepted'", "Set status to 'rejected'", "Set status to 'deprecated'"])
        let accepted = try applying(actions[1], to: original, uri: session.uri(path))
        XCTAssertEqual(accepted, original.replacingOccurrences(of: "status: superseded\nsuperseded_by: 0009-sync-driver-app-via-event-log\n", with: "status: accepted\n")
            .replacingOccurrences(of: "updated: 2027-01-19", with: "updated: 2027-02-17"))
    }

    func testAFileOutsideTheKnowledgeBaseGetsNoAction() async throws {
        let session = try await ServerSession()
        let result = try await session.request("textDocument/codeAction", [
            "textDocument": ["uri": "file:///elsewhere/notes.md"], "range": ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 0]],
            "context": ["diagnostics": [["range": ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 1]], "message": "other", "code": 42]]],
        ])
        XCTAssertEqual((result as? [Any])?.count, 0)
    }

    func testNoStatusActionOutsideTheFrontMatter() async throws {
        let session = try await ServerSession()
        let body = try session.position(of: "Reminders for overdue invoices", in: brief)
        let actions = try await codeActions(session, brief, at: body)
        XCTAssertTrue(actions.isEmpty, "\(actions)")
    }

    func testAMistypedGoalGetsItsDidYouMeanFixWithTheDiagnosticAttached() async throws {
        let session = try await ServerSession()
        try await session.open(brief)
        await session.change(brief, to: try session.text(brief).replacingOccurrences(of: "goals: [g-2027-q1-dso]", with: "goals: [g-2027-q1-dsx]"))
        let unresolved = try XCTUnwrap(session.diagnostics(brief)?.first { $0["code"] as? String == "unresolved-reference" })
        let actions = try await codeActions(session, brief, at: ["line": 4, "character": 12], diagnostics: [unresolved])
        let fix = try XCTUnwrap(actions.first)
        XCTAssertEqual(fix["title"] as? String, "Change to 'g-2027-q1-dso'")
        XCTAssertEqual(fix["kind"] as? String, "quickfix")
        XCTAssertEqual(fix["isPreferred"] as? Bool, true)
        XCTAssertEqual((fix["diagnostics"] as? [[String: Any]])?.first?["message"] as? String, unresolved["message"] as? String)
        let edit = try XCTUnwrap(((fix["edit"] as? [String: Any])?["changes"] as? [String: [[String: Any]]])?[session.uri(brief)]?.first)
        XCTAssertEqual(edit["newText"] as? String, "g-2027-q1-dso")
        XCTAssertEqual(edit["range"] as? [String: [String: Int]], ["start": ["line": 4, "character": 8], "end": ["line": 4, "character": 21]])
        // Without the context's diagnostics, the server finds the same fix from its own.
        let found = try await codeActions(session, brief, at: ["line": 4, "character": 12], only: ["quickfix"])
        XCTAssertEqual(found.first?["title"] as? String, "Change to 'g-2027-q1-dso'")
        // The client did not say it can create files: no action creates the goal.
        XCTAssertFalse(found.contains { ($0["title"] as? String)?.hasPrefix("Create") == true })
    }

    func testAMistypedWikilinkIsFixedBetweenItsBrackets() async throws {
        let session = try await ServerSession()
        try await session.open(brief)
        await session.change(brief, to: try session.text(brief).replacingOccurrences(of: "([[g-2027-w07-dunning-emails]])", with: "([[g-2027-w07-duning-emails]])"))
        let position = try session.position(of: "[[g-2027-w07-dunning", in: brief)  // on disk; the buffer differs after it
        let actions = try await codeActions(session, brief, at: position, only: ["quickfix"])
        let fix = try XCTUnwrap(actions.first)
        XCTAssertEqual(fix["title"] as? String, "Change to 'g-2027-w07-dunning-emails'")
        let edit = try XCTUnwrap(((fix["edit"] as? [String: Any])?["changes"] as? [String: [[String: Any]]])?[session.uri(brief)]?.first)
        let start = position["character"]! + 2
        XCTAssertEqual(edit["range"] as? [String: [String: Int]],
                       ["start": ["line": 40, "character": start], "end": ["line": 40, "character": start + "g-2027-w07-duning-emails".count]])
    }

    func testAMissingGoalIsCreatedAsBearingNewWouldWriteIt() async throws {
        let session = try await ServerSession(clientCapabilities: ["workspace": ["workspaceEdit": ["documentChanges": true, "resourceOperations": ["create"]]]])
        try await session.open(brief)
        await session.change(brief, to: try session.text(brief).replacingOccurrences(of: "goals: [g-2027-q1-dso]", with: "goals: [g-2027-q2-cash]"))
        let actions = try await codeActions(session, brief, at: ["line": 4, "character": 12])
        let create = try XCTUnwrap(actions.first { $0["title"] as? String == "Create goal 'g-2027-q2-cash' (goals/g-2027-q2-cash.md)" })
        let changes = try XCTUnwrap((create["edit"] as? [String: Any])?["documentChanges"] as? [[String: Any]])
        let uri = session.uri("goals/g-2027-q2-cash.md")
        XCTAssertEqual(changes.first?["kind"] as? String, "create")
        XCTAssertEqual(changes.first?["uri"] as? String, uri)
        let document = try XCTUnwrap(changes.last?["textDocument"] as? [String: Any])
        XCTAssertEqual(document["uri"] as? String, uri)
        XCTAssertTrue(document["version"] is NSNull)
        let text = try XCTUnwrap((changes.last?["edits"] as? [[String: Any]])?.first?["newText"] as? String)
        XCTAssertTrue(text.hasPrefix("---\nstatus: proposed\n"), text)
        XCTAssertTrue(text.contains("\n# G 2027 q2 cash\n"), text)
        XCTAssertFalse(FileManager.default.fileExists(atPath: session.root + "/goals/g-2027-q2-cash.md"), "the editor creates the file, not the server")
    }

    func testAMissingDecisionGetsTheNextNumberAndAMissingWikilinkANote() async throws {
        let session = try await ServerSession(clientCapabilities: ["workspace": ["workspaceEdit": ["documentChanges": true, "resourceOperations": ["create"]]]])
        try await session.open(brief)
        let text = try session.text(brief).replacingOccurrences(of: "decisions: [0007-use-stripe-for-card-and-ach-payments]", with: "decisions: [0013-send-reminders-by-sms]")
        await session.change(brief, to: text + "\nSee [[dunning-tone-of-voice]].\n")
        let decision = try await codeActions(session, brief, at: try session.position(of: "decisions:", in: brief, offset: 13), only: ["quickfix"])
        XCTAssertEqual(decision.map { $0["title"] as? String }, ["Create decision '0013-send-reminders-by-sms' (decisions/0013-send-reminders-by-sms.md)"])
        let lastLine = text.components(separatedBy: "\n").count
        let note = try await codeActions(session, brief, at: ["line": lastLine, "character": 8], only: ["quickfix"])
        XCTAssertEqual(note.map { $0["title"] as? String }, ["Create note 'dunning-tone-of-voice' (notes/dunning-tone-of-voice.md)"])
    }

    func testAnOrphanBriefIsOfferedAGoalsList() async throws {
        let session = try await ServerSession()
        let path = "briefs/office-move-checklist.md"
        let original = try session.text(path)
        let orphan = try XCTUnwrap(session.diagnostics(path)?.first { $0["code"] as? String == "orphan" })
        let actions = try await codeActions(session, path, at: ["line": 0, "character": 0], diagnostics: [orphan], only: ["quickfix"])
        XCTAssertEqual(actions.map { $0["title"] as? String }, ["Add 'goals:'"])
        XCTAssertEqual((actions[0]["diagnostics"] as? [[String: Any]])?.first?["code"] as? String, "orphan")
        XCTAssertEqual(try applying(actions[0], to: original, uri: session.uri(path)),
                       original.replacingOccurrences(of: "status: in-progress\n", with: "status: in-progress\ngoals: []\n"))
    }

    func testAnOrphanLinkingAGoalInItsBodyIsOfferedThatGoal() async throws {
        let session = try await ServerSession()
        let path = "briefs/office-move-checklist.md"
        try await session.open(path)
        let original = try session.text(path)
        await session.change(path, to: original + "\nThis frees budget for [[g-2027-break-even]].\n")
        let titles = try await codeActions(session, path, at: ["line": 3, "character": 0], only: ["quickfix"]).map { $0["title"] as? String }
        XCTAssertEqual(titles, ["Add 'goals: [g-2027-break-even]'", "Add 'goals:'"])
    }
}
