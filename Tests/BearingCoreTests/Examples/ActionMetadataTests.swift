import Foundation
import Testing
@testable import BearingCore

/// action.yml, Bearing's GitHub Action (docs/ci.md): a composite action whose inputs and
/// outputs are described here and in the docs, whose scripts name their shell, and which never
/// writes an input into a script (where a crafted branch name or argument would run as code).
@Suite struct ActionMetadataTests {
    static func action() throws -> WorkflowFile { try WorkflowFile("action.yml") }

    /// The inputs the recipes and docs rely on.
    static let expectedInputs = ["command", "args", "kb", "fail-on", "version", "token", "from-source"]

    @Test func isACompositeAction() throws {
        let action = try Self.action()
        #expect(action.root["name"]?.string != nil)
        #expect(action.root["description"]?.string?.isEmpty == false)
        #expect(action.root["runs"]?["using"]?.string == "composite")
        #expect(action.root["on"] == nil && action.root["jobs"] == nil, "action.yml is a workflow")
    }

    @Test func inputsAreDescribedWithDefaults() throws {
        let action = try Self.action()
        let inputs = try #require(action.root["inputs"]?.mapping)
        let names = inputs.map(\.key)
        for name in Self.expectedInputs { #expect(names.contains(name), "no input '\(name)'") }
        for input in inputs {
            #expect(input.value["description"]?.string?.isEmpty == false, "input '\(input.key)' has no description")
            #expect(input.value["default"] != nil, "input '\(input.key)' has no default")
            #expect(input.value["required"]?.string != "true", "input '\(input.key)' is required")
        }
        #expect(action.root["inputs"]?["command"]?["default"]?.string == "check")
        #expect(action.root["inputs"]?["kb"]?["default"]?.string == ".")
        #expect(action.root["inputs"]?["token"]?["default"]?.string == "${{ github.token }}")
    }

    @Test func outputsAreDescribed() throws {
        let outputs = try #require(try Self.action().root["outputs"]?.mapping)
        #expect(Set(outputs.map(\.key)) == ["report", "version", "exit-code"])
        for output in outputs {
            #expect(output.value["description"]?.string?.isEmpty == false, "output '\(output.key)' has no description")
            #expect(output.value["value"]?.string?.hasPrefix("${{ steps.") == true, "output '\(output.key)' has no value")
        }
    }

    @Test func stepsNameTheirShellAndTakeInputsThroughEnv() throws {
        let action = try Self.action()
        let steps = try action.steps()
        #expect(!steps.isEmpty)
        for step in steps {
            let uses = step["uses"]?.string, run = step["run"]?.string
            #expect((uses == nil) != (run == nil), "action.yml:\(step.line): a step has either 'uses' or 'run'")
            if let uses { #expect(uses.contains("@"), "action.yml:\(step.line): '\(uses)' has no version") }
            guard let run else { continue }
            #expect(step["shell"]?.string == "bash", "action.yml:\(step.line): a run step without shell: bash")
            #expect(!run.contains("${{"), "action.yml:\(step.line): an expression inside 'run' (inputs go through env:)")
        }
        // Every input is used, and only through env: or with:.
        let text = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("action.yml"), encoding: .utf8)
        for input in try #require(action.root["inputs"]?.mapping) {
            #expect(text.contains("${{ inputs.\(input.key) }}"), "input '\(input.key)' is never used")
        }
    }

    /// The scripts the steps call are in the repository, executable.
    @Test func scriptsAreThere() throws {
        let scripts = try Self.action().scripts().joined(separator: "\n")
        let called = scripts.split(separator: "\n").compactMap { line -> String? in
            guard let range = line.range(of: "\"$GITHUB_ACTION_PATH/") else { return nil }
            return String(line[range.upperBound...].prefix { $0 != "\"" })
        }
        #expect(called == ["scripts/action/install.sh", "scripts/action/run.sh"])
        for script in called {
            #expect(FileManager.default.isExecutableFile(atPath: Fixtures.packageRoot.appendingPathComponent(script).path), "\(script) is not executable")
        }
    }

    /// Without a release for the runner, the action builds Bearing from its own checkout.
    @Test func buildsFromSourceAsAFallback() throws {
        let steps = try Self.action().steps()
        let fallback = steps.filter { $0["if"]?.string == "steps.install.outputs.from-source == 'true'" }
        #expect(fallback.contains { $0["uses"]?.string?.hasPrefix("swift-actions/setup-swift@") == true })
        #expect(fallback.contains { $0["run"]?.string?.contains("libcmark-gfm-dev") == true })
        #expect(fallback.contains { $0["run"]?.string?.contains("swift build -c release --package-path \"$GITHUB_ACTION_PATH\"") == true })
    }

    @Test func docsDescribeEveryInputAndOutput() throws {
        let docs = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("docs/ci.md"), encoding: .utf8)
        let action = try Self.action()
        for key in (action.root["inputs"]?.mapping ?? []).map(\.key) + (action.root["outputs"]?.mapping ?? []).map(\.key) {
            #expect(docs.contains("| `\(key)` |"), "docs/ci.md has no row for '\(key)'")
        }
    }
}
