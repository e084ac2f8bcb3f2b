import Foundation
import Testing
@testable import BearingCore

/// The GitHub Actions recipes in examples/ci (docs/ci.md) stay valid YAML with the shape
/// GitHub reads, run Bearing through its action (action.yml) with inputs it has, and keep
/// doing what the docs say they do.
@Suite struct CIRecipeTests {
    static let folder = Fixtures.packageRoot.appendingPathComponent("examples/ci")

    /// Every `examples/ci/*.yml`, by file name.
    static func recipeNames() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yml") }.sorted()
    }

    static func load(_ name: String) throws -> WorkflowFile {
        try WorkflowFile("examples/ci/\(name)")
    }

    /// The names of action.yml's inputs.
    static func actionInputs() throws -> Set<String> {
        Set(try #require(try WorkflowFile("action.yml").root["inputs"]?.mapping).map(\.key))
    }

    @Test func bothRecipesAreThere() {
        #expect(Self.recipeNames() == ["publish.yml", "pull-request.yml"])
    }

    @Test(arguments: recipeNames())
    func recipeIsAWorkflow(_ name: String) throws {
        let workflow = try Self.load(name)
        let keys = try #require(workflow.root.mapping).map(\.key)
        // Our reader uses Yams' basic resolver, which has no implicit booleans: `on` stays the
        // key "on", as GitHub reads it (a YAML 1.1 reader would make it `true`).
        #expect(keys.contains("on"), "\(name) has no 'on'")
        #expect(!keys.contains("true"))
        #expect(workflow.root["on"]?.mapping?.isEmpty == false, "\(name): 'on' names no event")
        #expect(workflow.root["name"]?.string != nil)
        #expect(workflow.root["env"]?["KB_DIR"]?.string != nil, "\(name) has no KB_DIR")

        let jobs = try workflow.jobs()
        #expect(!jobs.isEmpty, "\(name) has no job")
        for job in jobs {
            #expect(job.value["runs-on"]?.string != nil, "\(name): job '\(job.key)' has no runs-on")
            let steps = try #require(job.value["steps"]?.sequence, "\(name): job '\(job.key)' has no steps")
            #expect(!steps.isEmpty, "\(name): job '\(job.key)' has no steps")
            for step in steps {
                let uses = step["uses"]?.string, run = step["run"]?.string
                #expect((uses == nil) != (run == nil), "\(name):\(step.line): a step has either 'uses' or 'run'")
                if let uses { #expect(uses.contains("@"), "\(name):\(step.line): '\(uses)' has no version") }
                // Values reach scripts through env:, never written into them.
                if let run { #expect(!run.contains("${{"), "\(name):\(step.line): an expression inside 'run'") }
            }
        }

        // Dates, the diff and the digest read git history: a shallow clone would lose it.
        let checkouts = try workflow.steps().filter { $0["uses"]?.string?.hasPrefix("actions/checkout@") == true }
        #expect(!checkouts.isEmpty, "\(name) checks nothing out")
        for checkout in checkouts {
            #expect(checkout["with"]?["fetch-depth"]?.string == "0", "\(name):\(checkout.line): fetch-depth is not 0")
        }

        // Bearing runs through its action, on the knowledge base named once, in KB_DIR, with
        // inputs the action has.
        let bearing = try workflow.bearingSteps()
        #expect(bearing.count >= 2, "\(name) runs Bearing fewer than two times")
        let inputs = try Self.actionInputs()
        for step in bearing {
            #expect(step["uses"]?.string == "\(WorkflowFile.bearingAction)@v1", "\(name):\(step.line): not the action's v1")
            #expect(step["with"]?["kb"]?.string == "${{ env.KB_DIR }}", "\(name):\(step.line): does not read KB_DIR")
            for key in step["with"]?.mapping?.map(\.key) ?? [] {
                #expect(inputs.contains(key), "\(name):\(step.line): action.yml has no input '\(key)'")
            }
        }
        #expect(try !workflow.scripts().joined().contains("swift build"), "\(name) still builds Bearing itself")
    }

    @Test func pullRequestRecipe() throws {
        let workflow = try Self.load("pull-request.yml")
        #expect(workflow.root["on"]?["pull_request"] != nil)
        #expect(workflow.root["permissions"]?["pull-requests"]?.string == "write")
        let bearing = try workflow.bearingSteps()

        // The check: annotations, and errors left to the diff.
        let check = try #require(bearing.first { ($0["with"]?["command"]?.string ?? "check") == "check" })
        #expect(check["with"]?["args"]?.string == "--format github")
        #expect(check["with"]?["fail-on"]?.string == "none")

        // The diff: base branch against the merge commit, failing on new errors only after
        // the comment is posted.
        let diff = try #require(bearing.first { $0["with"]?["command"]?.string == "diff" })
        #expect(diff["id"]?.string == "diff")
        #expect(diff["with"]?["args"]?.string == "origin/${{ github.base_ref }} HEAD")
        #expect(diff["with"]?["fail-on"]?.string == "errors")
        #expect(diff["continue-on-error"]?.string == "true")

        let steps = try workflow.steps()
        let comment = try #require(steps.first { $0["uses"]?.string?.hasPrefix("actions/github-script@") == true })
        #expect(comment["env"]?["DIFF_FILE"]?.string == "${{ steps.diff.outputs.report }}")
        let last = try #require(steps.last)
        #expect(last["if"]?.string == "steps.diff.outcome == 'failure'")
        #expect(try #require(steps.firstIndex(of: comment)) < steps.count - 1)
    }

    @Test func publishRecipe() throws {
        let workflow = try Self.load("publish.yml")
        #expect(workflow.root["on"]?["push"]?["branches"]?.sequence?.compactMap(\.string) == ["main"])
        let cron = try #require(workflow.root["on"]?["schedule"]?.sequence?.first?["cron"]?.string)
        #expect(cron.split(separator: " ").last == "1", "the schedule is not on Mondays: \(cron)")
        let bearing = try workflow.bearingSteps()

        let build = try #require(bearing.first { $0["with"]?["command"]?.string == "build" })
        #expect(build["with"]?["args"]?.string?.hasPrefix("-o _site --base-url ") == true)
        #expect(build["with"]?["fail-on"]?.string?.contains("PUBLISH_WITH_ERRORS") == true)
        #expect(workflow.root["env"]?["PUBLISH_WITH_ERRORS"]?.string == "true")

        let digest = try #require(bearing.first { $0["with"]?["command"]?.string == "digest" })
        let id = try #require(digest["id"]?.string)
        let actions = try workflow.actions()
        for action in ["actions/upload-pages-artifact", "actions/deploy-pages", "actions/upload-artifact"] {
            #expect(actions.contains(action), "publish.yml does not use \(action)")
        }
        let artifact = try #require(try workflow.steps().first { $0["uses"]?.string?.hasPrefix("actions/upload-artifact@") == true })
        #expect(artifact["with"]?["path"]?.string == "${{ steps.\(id).outputs.report }}")

        let deploy = try #require(try workflow.jobs().first { $0.value["steps"]?.sequence?.contains { $0["uses"]?.string?.hasPrefix("actions/deploy-pages@") == true } == true }?.value)
        #expect(deploy["permissions"]?["pages"]?.string == "write")
        #expect(deploy["permissions"]?["id-token"]?.string == "write")
        #expect(deploy["environment"]?["name"]?.string == "github-pages")
        #expect(deploy["needs"]?.string == "build")
    }
}
