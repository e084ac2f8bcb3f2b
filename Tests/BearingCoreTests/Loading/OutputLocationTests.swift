import Foundation
import Testing
@testable import BearingCore

/// bearing.yml's `output` stays inside the knowledge base's parent folder (SPEC §4).
@Suite struct OutputLocationTests {
    func read(_ yaml: String) -> (Configuration, [Diagnostic]) {
        ConfigurationTests().read(yaml)
    }

    @Test(arguments: ["_site", "site/public", "./_site", "../site", "a/../../site", "../kb-site/"])
    func relativePathsInsideTheParentAreKept(output: String) {
        let (config, problems) = read("title: T\noutput: \(output)\n")
        #expect(problems.isEmpty, "\(problems)")
        #expect(config.output == output && config.refusedOutput == nil)
    }

    @Test(arguments: ["/srv/www", "/tmp/x", "../../x", "..", "../", "site/../../../x", "~/site", ".", "a/.."])
    func pathsLeavingTheParentAreLocatedErrors(output: String) {
        let (config, problems) = read("title: T\noutput: \"\(output)\"\n")
        #expect(problems.map(\.rule) == [.invalidField])
        #expect(problems.first?.location.line == 2)
        #expect(problems.first?.message.contains("relative path inside the knowledge base or beside it") == true)
        #expect(config.output == "_site" && config.refusedOutput == output)
        #expect(OutputLocation.folder(config, root: "/tmp/kb") == .failure(.refused(output)))
    }

    @Test func aSymbolicLinkOnTheWayIsResolvedWhenTheBuildStarts() throws {
        let top = FileManager.default.temporaryDirectory.appendingPathComponent("bearing-output-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: top) }
        try FileManager.default.createDirectory(atPath: top + "/kb", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: top + "/elsewhere/deep", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: top + "/kb/out", withDestinationPath: "/tmp")
        try FileManager.default.createSymbolicLink(atPath: top + "/kb/near", withDestinationPath: top + "/elsewhere")
        var config = Configuration()
        config.output = "out/site"
        guard case .failure(.leaves("out/site", let resolved)) = OutputLocation.folder(config, root: top + "/kb") else {
            Issue.record("a link to /tmp was followed")
            return
        }
        #expect(resolved == KnowledgeBaseBoundary.realPath("/tmp")! + "/site")
        config.output = "near/deep/site"  // the link stays beside the knowledge base
        #expect(OutputLocation.folder(config, root: top + "/kb") == .success(top + "/kb/near/deep/site"))
        config.output = "new/../../site"  // folders that do not exist yet
        #expect(OutputLocation.folder(config, root: top + "/kb") == .success(top + "/kb/new/../../site"))
        config.output = "_site"
        #expect(OutputLocation.folder(config, root: top + "/kb") == .success(top + "/kb/_site"))
    }
}
