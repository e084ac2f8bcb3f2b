import Foundation
import Testing
import BearingTestSupport
@testable import BearingCore

/// The shell in the recipes and the action passes ShellCheck, and the recipes pass actionlint
/// with the action's inputs and outputs checked against action.yml: each where the tool is
/// installed (`make deps` installs shellcheck; actionlint is optional, docs/ci.md).
@Suite struct WorkflowLintTests {
    /// The path of `tool` on PATH, nil when it is not installed.
    static func installed(_ tool: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static let shellcheck = installed("shellcheck")
    static let actionlint = installed("actionlint")

    /// The files whose `run:` scripts GitHub runs.
    static let files = ["action.yml", "examples/ci/pull-request.yml", "examples/ci/publish.yml"]

    /// A folder of its own under the system's temporary folder, removed by the caller.
    static func scratchFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bearing-lint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test(.enabled(if: shellcheck != nil, "shellcheck is not installed (make deps installs it)"))
    func runScriptsPassShellCheck() throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for name in Self.files {
            for (index, script) in try WorkflowFile(name).scripts().enumerated() {
                // As GitHub runs it: `bash -e {0}` (composite actions: with pipefail too).
                let file = folder.appendingPathComponent("\(name.replacingOccurrences(of: "/", with: "_"))-run-\(index + 1).sh")
                try ("#!/usr/bin/env bash\nset -e\n" + script).write(to: file, atomically: true, encoding: .utf8)
                paths.append(file.path)
            }
        }
        #expect(paths.count >= 5)
        for script in ["scripts/action/install.sh", "scripts/action/run.sh"] {
            paths.append(Fixtures.packageRoot.appendingPathComponent(script).path)
        }
        let run = try Program.run(try #require(Self.shellcheck), ["--shell=bash", "--severity=style"] + paths)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    }

    /// actionlint reads a workflow's `uses: ./` from action.yml: with the recipes' action
    /// written that way, it checks their `with:` inputs and `steps.*.outputs` against it.
    @Test(.enabled(if: actionlint != nil, "actionlint is not installed (docs/ci.md says how)"))
    func recipesPassActionlint() throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workflows = folder.appendingPathComponent(".github/workflows")
        try FileManager.default.createDirectory(at: workflows, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.packageRoot.appendingPathComponent("action.yml"), to: folder.appendingPathComponent("action.yml"))
        for name in CIRecipeTests.recipeNames() {
            let text = try String(contentsOf: CIRecipeTests.folder.appendingPathComponent(name), encoding: .utf8)
            let local = text.replacingOccurrences(of: "\(WorkflowFile.bearingAction)@v1", with: "./")
            #expect(local != text, "\(name) does not use \(WorkflowFile.bearingAction)@v1")
            try local.write(to: workflows.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        _ = try Program.run("/usr/bin/env", ["git", "init", "-q", folder.path])
        let run = try Program.run(try #require(Self.actionlint), ["-oneline", "-no-color"], in: folder.path)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    }
}
