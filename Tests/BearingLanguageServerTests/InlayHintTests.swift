import Foundation
import Testing
@testable import BearingLanguageServer

@Suite struct InlayHintTests {
    private func inlayHints(_ session: ServerSession, _ path: String, lines: ClosedRange<Int> = 0...1000) async throws -> [[String: Any]] {
        let range = ["start": ["line": lines.lowerBound, "character": 0], "end": ["line": lines.upperBound + 1, "character": 0]]
        let result = try await session.request("textDocument/inlayHint", ["textDocument": ["uri": session.uri(path)], "range": range])
        return try #require(result as? [[String: Any]])
    }

    private func summary(_ hints: [[String: Any]]) -> [String] {
        hints.map { hint in
            let position = hint["position"] as? [String: Int] ?? [:]
            return "\(position["line"] ?? -1):\(position["character"] ?? -1) \(hint["label"] as? String ?? "")"
        }
    }

    @Test func aGoalReferenceInFrontMatterShowsTheGoalsProgress() async throws {
        let session = try await ServerSession()
        let capabilities = try #require((session.initializeResult as? [String: Any])?["capabilities"] as? [String: Any])
        #expect(capabilities["inlayHintProvider"] as? Bool == true)
        let hints = try await inlayHints(session, "briefs/dunning-automation.md")
        // goals: [g-2027-q1-dso] — the goal is at 46% in `bearing report`; the body's
        // [[g-2027-w07-dunning-emails]] at 60%.
        #expect(summary(hints) == ["4:21 46%", "40:42 60%"])
        #expect(hints.first?["paddingLeft"] as? Bool == true)
        #expect(hints.first?["tooltip"] as? String == "Bring days sales outstanding from 52 to 45")
    }

    @Test func aFinishedGoalShowsHowItEndedInFrontMatterAndInWikilinks() async throws {
        let session = try await ServerSession()
        let hints = try await inlayHints(session, "briefs/invoice-pdf-v2.md")
        #expect(summary(hints) == ["4:30 ✓ achieved", "37:52 ✓ achieved"])
    }

    @Test func onlyTheRequestedRangeAndAfterTheWikilinksBrackets() async throws {
        let session = try await ServerSession()
        let path = "goals/g-2027-retention.md"
        let all = try await inlayHints(session, path)
        let line40 = try await inlayHints(session, path, lines: 40...40)
        #expect(line40.count < all.count)
        // `[[g-2027-q1-onboarding|time to first order]], [[g-2027-q1-churn-saves]],`: after each `]]`.
        #expect(summary(line40).map { $0.split(separator: " ")[0] } == ["40:50", "40:77"])
    }

    @Test func positionsCountInTheAgreedEncoding() async throws {
        let session = try await ServerSession(encodings: ["utf-8"])
        // `- get paid faster — [[g-2027-q1-dso]]`: the dash is 3 bytes in UTF-8, 1 unit in UTF-16.
        let hints = try await inlayHints(session, "goals/g-2027-break-even.md", lines: 31...31)
        #expect(summary(hints) == ["31:39 46%"])
    }

    @Test func anUnresolvedGoalGetsNoHint() async throws {
        let session = try await ServerSession()
        let path = "briefs/dunning-automation.md"
        try await session.open(path)
        await session.change(path, to: try session.text(path).replacingOccurrences(of: "goals: [g-2027-q1-dso]", with: "goals: [g-2027-q1-dsx]"))
        let hints = try await inlayHints(session, path, lines: 0...10)
        #expect(hints.isEmpty, "\(hints)")
    }
}
