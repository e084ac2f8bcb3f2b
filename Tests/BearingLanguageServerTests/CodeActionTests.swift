import Foundation
import Testing
@testable import BearingLanguageServer

@Suite struct CodeActionTests {
    private let brief = "briefs/dunning-automation.md"

    /// The actions at a range, with the diagnostics given as the request's context.
    private func codeActions(_ session: ServerSession, _ path: String, at position: [String: Int], diagnostics: [[String: Any]] = [],
                         only: [String]? = nil) async throws -> [[String: Any]] {
        var context: [String: Any] = ["diagnostics": diagnostics]
        if let only { context["only"] = only }
        let result = try await session.request("textDocument/codeAction", [
            "textDocument": ["uri": session.uri(path)], "range": ["start": position, "end": position], "context": context,
        ])
        return try #require(result as? [[String: Any]])
    }

    /// The text after the action's edits of one file (the edits applied from the last one up).
    private func applying(_ action: [String: Any], to text: String, uri: String) throws -> String {
        let edit = try #require(action["edit"] as? [String: Any])
        let edits = try #require((edit["changes"] as? [String: Any])?[uri] as? [[String: Any]])
        var result = text
        for edit in edits.reversed() {
            let data = try JSONSerialization.data(withJSONObject: edit)
            let decoded = try JSONDecoder().decode(TextEdit.self, from: data)
            result = LineIndex(result).applying(decoded.range, decoded.newText, encoding: .utf16)
        }
        return result
    }

    @Test func theStatusActionsAreTheBriefWorkflowsOtherStatusesAndEditOnlyTheirLines() async throws {
        let session = try await ServerSession()
        try await session.open(brief)
        let original = try session.text(brief)
        let actions = try await codeActions(session, brief, at: try session.position(of: "status: approved", in: brief, offset: 9))
        let rewrites = actions.filter { $0["kind"] as? String == "refactor.rewrite" }
        #expect(rewrites.map { $0["title"] as? String } == ["Set status to 'draft'", "Set status to 'in-review'", "Set status to 'in-progress'", "Set status to 'done'", "Set status to 'dropped'"])
        let done = try #require(rewrites.first { $0["title"] as? String == "Set status to 'done'" })
        let changed = try applying(done, to: original, uri: session.uri(brief))
        // What `bearing status dunning-automation done` writes: the status, and updated: today.
        #expect(changed == original.replacingOccurrences(of: "status: approved", with: "status: done")
            .replacingOccurrences(of: "updated: 2027-02-15", with: "updated: 2027-02-17"))
        // Two edits, of the two lines that change.
        let edits = try #require(((done["edit"] as? [String: Any])?["changes"] as? [String: [[String: Any]]])?[session.uri(brief)])
        #expect(edits.map { ($0["range"] as? [String: [String: Int]])?["start"] } == [["line": 2, "character": 0], ["line": 10, "character": 0]])
        #expect(try session.text(brief) == original, "the file on disk is not written")
    }

    @Test func aBriefAwaitingSignOffIsNotOfferedApproval() async throws {
        let session = try await ServerSession()
        let path = "briefs/office-move-checklist.md"
        let titles = try await codeActions(session, path, at: ["line": 5, "character": 0], only: ["refactor"]).map { $0["title"] as? String }
        #expect(titles == ["Set status to 'draft'", "Set status to 'in-review'", "Set status to 'done'", "Set status to 'dropped'"])
    }

    @Test func aSupersededDecisionSetBackToAcceptedNoLongerNamesItsSuccessor() async throws {
        let session = try await ServerSession()
        let path = "decisions/0003-sync-driver-app-with-rest-polling.md"
        let original = try session.text(path)
        let actions = try await codeActions(session, path, at: ["line": 1, "character": 10])
        #expect(actions.compactMap { $0["title"] as? String } == ["Set status to 'proposed'", "Set status to 'accepted'", "Set status to 'rejected'", "Set status to 'deprecated'"])
        let accepted = try applying(actions[1], to: original, uri: session.uri(path))
        #expect(accepted == original.replacingOccurrences(of: "status: superseded\nsuperseded_by: 0009-sync-driver-app-via-event-log\n", with: "status: accepted\n")
            .replacingOccurrences(of: "updated: 2027-01-19", with: "updated: 2027-02-17"))
    }

    @Test func aFileOutsideTheKnowledgeBaseGetsNoAction() async throws {
        let session = try await ServerSession()
        let start: [String: Int] = ["line": 0, "character": 0]
        let diagnostic: [String: Any] = ["range": ["start": start, "end": ["line": 0, "character": 1]], "message": "other", "code": 42]
        let params: [String: Any] = [
            "textDocument": ["uri": "file:///elsewhere/notes.md"], "range": ["start": start, "end": start], "context": ["diagnostics": [diagnostic]],
        ]
        let result = try await session.request("textDocument/codeAction", params)
        #expect((result as? [Any])?.count == 0)
    }

    @Test func noStatusActionOutsideTheFrontMatter() async throws {
        let session = try await ServerSession()
        let body = try session.position(of: "Reminders for overdue invoices", in: brief)
        let actions = try await codeActions(session, brief, at: body)
        #expect(actions.isEmpty, "\(actions)")
    }

    /// The front matter block is found as the model finds it: after a licence header, in a file
    /// with CRLF line breaks, the status line still offers the workflow's other statuses.
    @Test func theFrontMatterIsTheModelsAfterALicenceHeaderAndWithCRLF() async throws {
        let session = try await ServerSession()
        try await session.open(brief)
        let text = "<!-- SPDX-License-Identifier: CC-BY-4.0 -->\n\n" + (try session.text(brief))
        await session.change(brief, to: text.replacingOccurrences(of: "\n", with: "\r\n"))
        let actions = try await codeActions(session, brief, at: ["line": 4, "character": 10], only: ["refactor"])
        #expect(actions.map { $0["title"] as? String }
            == ["Set status to 'draft'", "Set status to 'in-review'", "Set status to 'in-progress'", "Set status to 'done'", "Set status to 'dropped'"])
        let body = try await codeActions(session, brief, at: ["line": 0, "character": 5], only: ["refactor"])
        #expect(body.isEmpty, "the licence header is not front matter")
    }

    @Test func aMistypedGoalGetsItsDidYouMeanFixWithTheDiagnosticAttached() async throws {
        let session = try await ServerSession()
        try await session.open(brief)
        await session.change(brief, to: try session.text(brief).replacingOccurrences(of: "goals: [g-2027-q1-dso]", with: "goals: [g-2027-q1-dsx]"))
        let unresolved = try #require(session.diagnostics(brief)?.first { $0["code"] as? String == "unresolved-reference" })
        let actions = try await codeActions(session, brief, at: ["line": 4, "character": 12], diagnostics: [unresolved])
        let fix = try #require(actions.first)
        #expect(fix["title"] as? String == "Change to 'g-2027-q1-dso'")
        #expect(fix["kind"] as? String == "quickfix")
        #expect(fix["isPreferred"] as? Bool == true)
        #expect((fix["diagnostics"] as? [[String: Any]])?.first?["message"] as? String == unresolved["message"] as? String)
        let edit = try #require(((fix["edit"] as? [String: Any])?["changes"] as? [String: [[String: Any]]])?[session.uri(brief)]?.first)
        #expect(edit["newText"] as? String == "g-2027-q1-dso")
        #expect(edit["range"] as? [String: [String: Int]] == ["start": ["line": 4, "character": 8], "end": ["line": 4, "character": 21]])
        // Without the context's diagnostics, the server finds the same fix from its own.
        let found = try await codeActions(session, brief, at: ["line": 4, "character": 12], only: ["quickfix"])
        #expect(found.first?["title"] as? String == "Change to 'g-2027-q1-dso'")
        // The client did not say it can create files: no action creates the goal.
        #expect(!found.contains { ($0["title"] as? String)?.hasPrefix("Create") == true })
    }

    @Test func aMistypedWikilinkIsFixedBetweenItsBrackets() async throws {
        let session = try await ServerSession()
        try await session.open(brief)
        await session.change(brief, to: try session.text(brief).replacingOccurrences(of: "([[g-2027-w07-dunning-emails]])", with: "([[g-2027-w07-duning-emails]])"))
        let position = try session.position(of: "[[g-2027-w07-dunning", in: brief)  // on disk; the buffer differs after it
        let actions = try await codeActions(session, brief, at: position, only: ["quickfix"])
        let fix = try #require(actions.first)
        #expect(fix["title"] as? String == "Change to 'g-2027-w07-dunning-emails'")
        let edit = try #require(((fix["edit"] as? [String: Any])?["changes"] as? [String: [[String: Any]]])?[session.uri(brief)]?.first)
        let start = position["character"]! + 2
        #expect(edit["range"] as? [String: [String: Int]] == ["start": ["line": 40, "character": start], "end": ["line": 40, "character": start + "g-2027-w07-duning-emails".count]])
    }

    @Test func aMissingGoalIsCreatedAsBearingNewWouldWriteIt() async throws {
        let session = try await ServerSession(clientCapabilities: ["workspace": ["workspaceEdit": ["documentChanges": true, "resourceOperations": ["create"]]]])
        try await session.open(brief)
        await session.change(brief, to: try session.text(brief).replacingOccurrences(of: "goals: [g-2027-q1-dso]", with: "goals: [g-2027-q2-cash]"))
        let actions = try await codeActions(session, brief, at: ["line": 4, "character": 12])
        let create = try #require(actions.first { $0["title"] as? String == "Create goal 'g-2027-q2-cash' (goals/g-2027-q2-cash.md)" })
        let changes = try #require((create["edit"] as? [String: Any])?["documentChanges"] as? [[String: Any]])
        let uri = session.uri("goals/g-2027-q2-cash.md")
        #expect(changes.first?["kind"] as? String == "create")
        #expect(changes.first?["uri"] as? String == uri)
        let document = try #require(changes.last?["textDocument"] as? [String: Any])
        #expect(document["uri"] as? String == uri)
        #expect(document["version"] is NSNull)
        let text = try #require((changes.last?["edits"] as? [[String: Any]])?.first?["newText"] as? String)
        #expect(text.hasPrefix("---\nstatus: proposed\n"), "\(text)")
        #expect(text.contains("\n# G 2027 q2 cash\n"), "\(text)")
        #expect(!FileManager.default.fileExists(atPath: session.root + "/goals/g-2027-q2-cash.md"), "the editor creates the file, not the server")
    }

    @Test func aMissingDecisionGetsTheNextNumberAndAMissingWikilinkANote() async throws {
        let session = try await ServerSession(clientCapabilities: ["workspace": ["workspaceEdit": ["documentChanges": true, "resourceOperations": ["create"]]]])
        try await session.open(brief)
        let text = try session.text(brief).replacingOccurrences(of: "decisions: [0007-use-stripe-for-card-and-ach-payments]", with: "decisions: [0013-send-reminders-by-sms]")
        await session.change(brief, to: text + "\nSee [[dunning-tone-of-voice]].\n")
        let decision = try await codeActions(session, brief, at: try session.position(of: "decisions:", in: brief, offset: 13), only: ["quickfix"])
        #expect(decision.map { $0["title"] as? String } == ["Create decision '0013-send-reminders-by-sms' (decisions/0013-send-reminders-by-sms.md)"])
        let lastLine = text.components(separatedBy: "\n").count
        let note = try await codeActions(session, brief, at: ["line": lastLine, "character": 8], only: ["quickfix"])
        #expect(note.map { $0["title"] as? String } == ["Create note 'dunning-tone-of-voice' (notes/dunning-tone-of-voice.md)"])
    }

    @Test func anOrphanBriefIsOfferedAGoalsList() async throws {
        let session = try await ServerSession()
        let path = "briefs/office-move-checklist.md"
        let original = try session.text(path)
        let orphan = try #require(session.diagnostics(path)?.first { $0["code"] as? String == "orphan" })
        let actions = try await codeActions(session, path, at: ["line": 0, "character": 0], diagnostics: [orphan], only: ["quickfix"])
        #expect(actions.map { $0["title"] as? String } == ["Add 'goals:'"])
        #expect((actions[0]["diagnostics"] as? [[String: Any]])?.first?["code"] as? String == "orphan")
        #expect(try applying(actions[0], to: original, uri: session.uri(path)) == original.replacingOccurrences(of: "status: in-progress\n", with: "status: in-progress\ngoals: []\n"))
    }

    @Test func anOrphanLinkingAGoalInItsBodyIsOfferedThatGoal() async throws {
        let session = try await ServerSession()
        let path = "briefs/office-move-checklist.md"
        try await session.open(path)
        let original = try session.text(path)
        await session.change(path, to: original + "\nThis frees budget for [[g-2027-break-even]].\n")
        let titles = try await codeActions(session, path, at: ["line": 3, "character": 0], only: ["quickfix"]).map { $0["title"] as? String }
        #expect(titles == ["Add 'goals: [g-2027-break-even]'", "Add 'goals:'"])
    }
}
