import Foundation
import Testing
@testable import BearingCore

/// One fixture KB per rule under Fixtures/rules/<rule>/, its expected diagnostics in
/// `expected.txt` (text format, today = 2027-02-17). Each fixture also holds cases the rule
/// must NOT report, so the golden file checks both directions.
@Suite struct RuleFixtureTests {
    static let fixtures: [String] = {
        let folder = Fixtures.root.appendingPathComponent("rules")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }()

    @Test(arguments: fixtures)
    func diagnosticsMatchGolden(rule: String) async throws {
        let result = try await Fixtures.load("rules/\(rule)")
        let text = DiagnosticFormat.text.render(result.diagnostics.filter { $0.location.path != "expected.txt" })
        Golden.assert(text, matches: "rules/\(rule)/expected.txt")
        if RuleID.all.contains(RuleID(rawValue: rule)) {
            #expect(result.diagnostics.contains { $0.rule.rawValue == rule }, "fixture \(rule) must trigger its rule")
        }
    }

    /// file-too-large (an 8 MiB file) and config are tested in LoaderTests; unreadable-file needs a
    /// file its reader may not open, which root (as in CI) can always open; unsafe-link, special-file
    /// and invalid-file-name need links, a fifo and a Latin-1 name that a checkout cannot hold
    /// everywhere (BoundaryTests makes them).
    @Test func everyRuleHasAFixture() {
        let elsewhere = ["file-too-large", "config", "unreadable-file", "unsafe-link", "special-file", "invalid-file-name"]
        let missing = RuleID.all.map(\.rawValue).filter { !Self.fixtures.contains($0) && !elsewhere.contains($0) }
        #expect(missing.isEmpty, "rules without a fixture: \(missing)")
    }
}
