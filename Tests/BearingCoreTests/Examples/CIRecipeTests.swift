import Foundation
import Testing
@testable import BearingCore

/// The GitHub Actions recipes in examples/ci (docs/ci.md) stay valid YAML with the shape
/// GitHub reads, and keep calling the commands the docs say they call.
@Suite struct CIRecipeTests {
    static let folder = Fixtures.packageRoot.appendingPathComponent("examples/ci")

    /// Every `examples/ci/*.yml`, by file name.
    static func recipeNames() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yml") }.sorted()
    }

    static func load(_ name: String) throws -> YAMLNode {
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        switch YAMLReader.parse(text, firstLine: 1) {
        case .success(let node):
            return try #require(node, "\(name) is empty")
        case .failure(let failure):
            Issue.record("\(name):\(failure.line):\(failure.column): \(failure.message)")
            throw failure
        }
    }

    /// The jobs of a workflow, by name.
    static func jobs(_ workflow: YAMLNode) throws -> [YAMLPair] {
        try #require(workflow["jobs"]?.mapping)
    }

    /// Every step of every job.
    static func steps(_ workflow: YAMLNode) throws -> [YAMLNode] {
        try jobs(workflow).flatMap { $0.value["steps"]?.sequence ?? [] }
    }

    /// The shell scripts of the steps, in order.
    static func scripts(_ workflow: YAMLNode) throws -> [String] {
        try steps(workflow).compactMap { $0["run"]?.string }
    }

    /// The actions the steps use, without their version (`actions/checkout`).
    static func actions(_ workflow: YAMLNode) throws -> [String] {
        try steps(workflow).compactMap { $0["uses"]?.string?.split(separator: "@").first.map(String.init) }
    }

    @Test func bothRecipesAreThere() {
        #expect(Self.recipeNames() == ["publish.yml", "pull-request.yml"])
    }

    @Test(arguments: recipeNames())
    func recipeIsAWorkflow(_ name: String) throws {
        let workflow = try Self.load(name)
        let keys = try #require(workflow.mapping).map(\.key)
        // Our reader uses Yams' basic resolver, which has no implicit booleans: `on` stays the
        // key "on", as GitHub reads it (a YAML 1.1 reader would make it `true`).
        #expect(keys.contains("on"), "\(name) has no 'on'")
        #expect(!keys.contains("true"))
        #expect(workflow["on"]?.mapping?.isEmpty == false, "\(name): 'on' names no event")
        #expect(workflow["name"]?.string != nil)
        #expect(workflow["env"]?["KB_DIR"]?.string != nil, "\(name) has no KB_DIR")

        let jobs = try Self.jobs(workflow)
        #expect(!jobs.isEmpty, "\(name) has no job")
        for job in jobs {
            #expect(job.value["runs-on"]?.string != nil, "\(name): job '\(job.key)' has no runs-on")
            let steps = try #require(job.value["steps"]?.sequence, "\(name): job '\(job.key)' has no steps")
            #expect(!steps.isEmpty, "\(name): job '\(job.key)' has no steps")
            for step in steps {
                let uses = step["uses"]?.string, run = step["run"]?.string
                #expect((uses == nil) != (run == nil), "\(name):\(step.line): a step has either 'uses' or 'run'")
                if let uses { #expect(uses.contains("@"), "\(name):\(step.line): '\(uses)' has no version") }
            }
        }

        // Dates, the diff and the digest read git history: a shallow clone would lose it.
        let checkouts = try Self.steps(workflow).filter { $0["uses"]?.string?.hasPrefix("actions/checkout@") == true }
        #expect(!checkouts.isEmpty, "\(name) checks nothing out")
        for checkout in checkouts {
            #expect(checkout["with"]?["fetch-depth"]?.string == "0", "\(name):\(checkout.line): fetch-depth is not 0")
        }

        // Every bearing command reads the knowledge base named once, in KB_DIR.
        let commands = try Self.scripts(workflow).flatMap { $0.split(separator: "\n") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.hasPrefix("bearing ") }
        #expect(commands.count >= 2, "\(name) runs fewer than two bearing commands")
        for command in commands {
            #expect(command.contains("\"$KB_DIR\""), "\(name): '\(command)' does not read KB_DIR")
        }
    }

    @Test func pullRequestRecipe() throws {
        let workflow = try Self.load("pull-request.yml")
        #expect(workflow["on"]?["pull_request"] != nil)
        #expect(workflow["permissions"]?["pull-requests"]?.string == "write")
        let scripts = try Self.scripts(workflow).joined(separator: "\n")
        #expect(scripts.contains("bearing check \"$KB_DIR\" --format github"))
        let diff = try #require(scripts.split(separator: "\n").first { $0.contains("bearing diff ") })
        #expect(diff.contains("--fail-on errors"))
        #expect(diff.contains("origin/$BASE_REF"))
        #expect(diff.contains("-C \"$KB_DIR\""))
        #expect(try Self.actions(workflow).contains("actions/github-script"))
    }

    @Test func publishRecipe() throws {
        let workflow = try Self.load("publish.yml")
        #expect(workflow["on"]?["push"]?["branches"]?.sequence?.compactMap(\.string) == ["main"])
        let cron = try #require(workflow["on"]?["schedule"]?.sequence?.first?["cron"]?.string)
        #expect(cron.split(separator: " ").last == "1", "the schedule is not on Mondays: \(cron)")
        let scripts = try Self.scripts(workflow).joined(separator: "\n")
        #expect(scripts.contains("bearing build \"$KB_DIR\" -o _site --base-url"))
        #expect(scripts.contains("bearing digest \"$KB_DIR\" --format md -o"))
        #expect(scripts.contains("$GITHUB_STEP_SUMMARY"))
        let actions = try Self.actions(workflow)
        for action in ["actions/upload-pages-artifact", "actions/deploy-pages", "actions/upload-artifact"] {
            #expect(actions.contains(action), "publish.yml does not use \(action)")
        }
        let deploy = try #require(try Self.jobs(workflow).first { $0.value["steps"]?.sequence?.contains { $0["uses"]?.string?.hasPrefix("actions/deploy-pages@") == true } == true }?.value)
        #expect(deploy["permissions"]?["pages"]?.string == "write")
        #expect(deploy["permissions"]?["id-token"]?.string == "write")
        #expect(deploy["environment"]?["name"]?.string == "github-pages")
        #expect(deploy["needs"]?.string == "build")
    }
}
