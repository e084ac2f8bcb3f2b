import Testing
@testable import BearingCore

@Suite struct ConfigurationTests {
    func read(_ yaml: String) -> (Configuration, [Diagnostic]) {
        guard case .success(let root) = YAMLReader.parse(yaml, firstLine: 1) else { return (Configuration(), []) }
        return Configuration.read(root)
    }

    @Test func addressesMustBeHTTP() {
        let (good, none) = read("base_url: https://kb.example.com/\nrepository_url: https://github.com/o/r/edit/main/kb\n")
        #expect(none.isEmpty)
        #expect(good.baseURL == "https://kb.example.com/" && good.repositoryURL == "https://github.com/o/r/edit/main/kb")
        let (bad, problems) = read("base_url: \"javascript:alert(1)//\"\nrepository_url: file:///etc\n")
        #expect(bad.baseURL == nil && bad.repositoryURL == nil)
        #expect(problems.map(\.rule) == [.invalidField, .invalidField])
        #expect(problems.map(\.location.line) == [1, 2])
    }

    @Test func typesStatusAliasesAndHistory() {
        let (config, problems) = read("types:\n  \"guides/**\": note\nstatus_aliases:\n  decision: {Parked: proposed, later: nonsense}\nhistory: off\n")
        #expect(config.types.map { "\($0.pattern) \($0.type)" } == ["guides/** note"])
        #expect(config.statusAliases[.decision] == ["parked": "proposed"])
        #expect(problems.count == 1 && problems[0].message.contains("later"))
        #expect(config.history == false)
    }

    @Test func aliasesAreKeyedAsStatusesAreReadAndCheckedAgainstWorkflowsWrittenAfterThem() {
        let (config, problems) = read("status_aliases:\n  decision: {Won't-fix yet: rejected, parked: parked}\nworkflows:\n  decision: {statuses: [proposed, parked, accepted, rejected], terminal: [rejected]}\n")
        #expect(problems.isEmpty, "\(problems)")
        #expect(config.statusAliases[.decision] == ["won't fix yet": "rejected", "parked": "parked"])
        let status = StatusText.read("Won't fix yet (see below)", type: .decision, workflow: config.workflow(for: .decision),
                                     aliases: config.statusAliases[.decision] ?? [:])
        #expect(status?.status == "rejected")
    }
}

extension ConfigurationTests {
    /// Every configured address is http(s): relative ones and script schemes in any disguise are refused at their line.
    @Test(arguments: ["javascript:alert(1)//", "JavaScript:alert(1)", " javascript:x", "data:text/html,x", "/kb/", "kb.example.com",
                      "https://x.example/\" onmouseover=\"alert(1)", "https://x.example/<script>", "http://x.example/\u{1B}[2J", "vbscript:x"])
    func addressesThatAreNotHTTPAreRefused(url: String) {
        #expect(!URLSafety.isWebAddress(url))
        let escaped = url.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\u{1B}", with: "\\e")
        let (config, problems) = read("title: T\nbase_url: \"\(escaped)\"\n")
        #expect(config.baseURL == nil)
        #expect(problems.map(\.location.line) == [2] && problems.first?.severity == .error, "\(problems)")
    }

    @Test func webAddressesAreKept() {
        for url in ["https://kb.example.com/", "HTTP://kb.example.com/path?q=1#top", "https://kb.example.com/a%20b"] { #expect(URLSafety.isWebAddress(url), "\(url)") }
    }
}
