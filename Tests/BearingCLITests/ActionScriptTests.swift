import Foundation
import Testing
import BearingTestSupport

/// The GitHub Action's two scripts (scripts/action, action.yml) run as the runner runs them:
/// inputs in the environment, outputs to the files GitHub names in GITHUB_OUTPUT and
/// GITHUB_PATH. install.sh against a release laid out on disk; run.sh with the `bearing` built
/// beside these tests.
@Suite struct ActionScriptTests {
    static let scripts = CLITests.packageRoot.appendingPathComponent("scripts/action")

    /// A runner's folders: RUNNER_TEMP and the files of outputs, path and summary.
    struct Runner {
        let folder: URL
        var temp: URL { folder.appendingPathComponent("temp") }
        var outputFile: URL { folder.appendingPathComponent("output") }
        var pathFile: URL { folder.appendingPathComponent("path") }
        var summaryFile: URL { folder.appendingPathComponent("summary") }

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("bearing-action-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("temp"), withIntermediateDirectories: true)
            for file in ["output", "path", "summary"] {
                FileManager.default.createFile(atPath: folder.appendingPathComponent(file).path, contents: Data())
            }
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }

        /// Runs one of the action's scripts with `environment`, as a step would.
        func run(_ script: String, _ environment: [String: String]) throws -> Program.Run {
            try Program.run("/usr/bin/env", ["bash", ActionScriptTests.scripts.appendingPathComponent(script).path], in: folder.path,
                            environment: ["RUNNER_TEMP": temp.path, "GITHUB_OUTPUT": outputFile.path, "GITHUB_PATH": pathFile.path,
                                          "GITHUB_STEP_SUMMARY": summaryFile.path, "RUNNER_OS": "Linux", "RUNNER_ARCH": "X64"]
                                .merging(environment) { $1 })
        }

        /// The step's outputs, by name.
        func outputs() throws -> [String: String] {
            let lines = try String(contentsOf: outputFile, encoding: .utf8).split(separator: "\n")
            return Dictionary(lines.compactMap { line in
                line.firstIndex(of: "=").map { (String(line[..<$0]), String(line[line.index(after: $0)...])) }
            }) { $1 }
        }
    }

    // MARK: run.sh

    /// run.sh's environment for `command` on the example knowledge base, on its fixed day.
    static func runEnvironment(_ command: String, args: String = "", failOn: String = "errors") -> [String: String] {
        ["BEARING": Program.bearing, "BEARING_COMMAND": command, "BEARING_KB": CLITests.northwind,
         "BEARING_ARGS": "--today 2027-02-17 \(args)", "BEARING_FAIL_ON": failOn, "BEARING_SUMMARY": "true"]
    }

    @Test func checkRunsOnTheKnowledgeBase() throws {
        let runner = try Runner()
        defer { runner.remove() }
        let direct = try Program.run(Program.bearing, ["check", CLITests.northwind, "--today", "2027-02-17", "--format", "github"])
        let run = try runner.run("run.sh", Self.runEnvironment("check", args: "--format github"))
        #expect(run.status == direct.status, "\(run.stderr)")
        #expect(run.stdout.contains(direct.stdout))
        #expect(try runner.outputs()["exit-code"] == String(direct.status))
        #expect(try runner.outputs()["report"] == "")
    }

    @Test func reportIsWrittenAndSummarised() throws {
        let runner = try Runner()
        defer { runner.remove() }
        let run = try runner.run("run.sh", Self.runEnvironment("report"))
        #expect(run.status == 0, "\(run.stderr)")
        let report = runner.temp.appendingPathComponent("bearing-report.md").path
        #expect(try runner.outputs()["report"] == report)
        let text = try String(contentsOfFile: report, encoding: .utf8)
        #expect(!text.isEmpty)
        #expect(try String(contentsOf: runner.summaryFile, encoding: .utf8) == text)
    }

    @Test func outputGivenInArgsIsTheReport() throws {
        let runner = try Runner()
        defer { runner.remove() }
        let file = runner.folder.appendingPathComponent("alignment.html").path
        // One argument a line, as an input with a `|` block gives them.
        var environment = Self.runEnvironment("report")
        environment["BEARING_ARGS"] = "--today\n  2027-02-17\n--format\nhtml\n-o\n\(file)\n"
        let run = try runner.run("run.sh", environment)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try runner.outputs()["report"] == file)
        #expect(FileManager.default.fileExists(atPath: file))
        #expect(try String(contentsOf: runner.summaryFile, encoding: .utf8).isEmpty, "an HTML report went to the summary")
    }

    /// Exit 1 fails the step, except with fail-on none, where it leaves a warning; exit 2 always fails.
    @Test func failOnDecidesWhatFails() throws {
        let direct = try Program.run(Program.bearing, ["check", CLITests.mixed])
        try #require(direct.status == 1, "the fixture has no errors: \(direct.stderr)")
        for (failOn, status) in [("errors", Int32(1)), ("warnings", 1), ("none", 0)] {
            let runner = try Runner()
            defer { runner.remove() }
            var environment = Self.runEnvironment("check", failOn: failOn)
            environment["BEARING_KB"] = CLITests.mixed
            environment["BEARING_ARGS"] = ""
            let run = try runner.run("run.sh", environment)
            #expect(run.status == status, "fail-on \(failOn): \(run.stderr)")
            #expect(try runner.outputs()["exit-code"] == "1")
            #expect(run.stdout.contains("::warning::") == (failOn == "none"))
            #expect(run.stdout.contains("--strict") == (failOn == "warnings"))
        }
        let runner = try Runner()
        defer { runner.remove() }
        var missing = Self.runEnvironment("check", failOn: "none")
        missing["BEARING_KB"] = runner.folder.appendingPathComponent("no-such-folder").path
        #expect(try runner.run("run.sh", missing).status == 2)
    }

    @Test func badInputsAreRefused() throws {
        let runner = try Runner()
        defer { runner.remove() }
        #expect(try runner.run("run.sh", Self.runEnvironment("check", failOn: "sometimes")).status == 2)
        #expect(try runner.run("run.sh", Self.runEnvironment("check; true")).status == 2)
        // Commands that would hold the job or write the checkout.
        for command in ["serve", "lsp", "status", "adopt"] {
            let run = try runner.run("run.sh", Self.runEnvironment(command))
            #expect(run.status == 2, "\(command)")
            #expect(run.stdout.contains("is not a command the action runs"), "\(run.stdout)")
        }
    }

    /// A one-line YAML block (`args: |`) ends with a line break: its words are still arguments.
    @Test func aOneLineBlockOfArgumentsIsSplitAtSpaces() throws {
        let runner = try Runner()
        defer { runner.remove() }
        let direct = try Program.run(Program.bearing, ["check", CLITests.northwind, "--today", "2027-02-17", "--format", "github"])
        var environment = Self.runEnvironment("check")
        environment["BEARING_ARGS"] = "--today 2027-02-17 --format github\n"
        let run = try runner.run("run.sh", environment)
        #expect(run.status == direct.status, "\(run.stdout) \(run.stderr)")
        #expect(run.stdout.contains(direct.stdout))
    }

    /// An argument is data: nothing in it runs.
    @Test func argumentsAreNeverEvaluated() throws {
        let runner = try Runner()
        defer { runner.remove() }
        let marker = runner.folder.appendingPathComponent("ran")
        let run = try runner.run("run.sh", Self.runEnvironment("check", args: "$(touch\(" ")\(marker.path)) `touch \(marker.path)`"))
        #expect(run.status == 2, "bearing took the arguments: \(run.stdout)")
        #expect(!FileManager.default.fileExists(atPath: marker.path))
    }

    // MARK: install.sh

    /// How a test release's .sha256 lies.
    enum Tampering { case none, wrongHash, namesAnotherFile }

    /// A release of a stand-in `bearing` laid out as GitHub serves one, under `folder`.
    /// With `tampered`, its .sha256 does not vouch for the tarball: a wrong hash, or the right
    /// check of another file (`/dev/null`'s hash and name, which `sha256sum --check` would pass).
    static func makeRelease(in folder: URL, version: String, tampered: Tampering = .none) throws -> URL {
        let name = "bearing-\(version)-linux-x86_64"
        let stage = folder.appendingPathComponent("stage/\(name)/bin")
        try FileManager.default.createDirectory(at: stage, withIntermediateDirectories: true)
        let binary = stage.appendingPathComponent("bearing")
        try "#!/bin/sh\necho \"\(version) (test)\"\n".write(to: binary, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: binary.path)
        let releases = folder.appendingPathComponent("releases")
        let download = releases.appendingPathComponent("download/v\(version)")
        try FileManager.default.createDirectory(at: download, withIntermediateDirectories: true)
        let tar = try Program.run("/usr/bin/env", ["tar", "-czf", download.appendingPathComponent("\(name).tar.gz").path,
                                                   "-C", folder.appendingPathComponent("stage").path, name])
        try #require(tar.status == 0, "\(tar.stderr)")
        let sum = try Program.run("/usr/bin/env", ["sha256sum", "\(name).tar.gz"], in: download.path)
        let line = switch tampered {
        case .none: sum.stdout
        case .wrongHash: String(repeating: "0", count: 64) + "  \(name).tar.gz\n"
        case .namesAnotherFile: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  /dev/null\n"
        }
        try line.write(to: download.appendingPathComponent("\(name).tar.gz.sha256"), atomically: true, encoding: .utf8)
        return releases
    }

    @Test func installsTheReleaseForTheRunner() throws {
        let runner = try Runner()
        defer { runner.remove() }
        let releases = try Self.makeRelease(in: runner.folder, version: "9.9.9")
        let run = try runner.run("install.sh", ["BEARING_RELEASES_URL": releases.absoluteString, "BEARING_VERSION": "v9.9.9"])
        #expect(run.status == 0, "\(run.stderr)")
        let outputs = try runner.outputs()
        #expect(outputs["from-source"] == "false")
        #expect(outputs["version"] == "9.9.9")
        let bin = try #require(outputs["bin"])
        #expect(bin == runner.temp.appendingPathComponent("bearing-9.9.9-x86_64/bearing-9.9.9-linux-x86_64/bin").path)
        #expect(try String(contentsOf: runner.pathFile, encoding: .utf8) == bin + "\n")
        #expect(try Program.run(bin + "/bearing", ["--version"]).stdout == "9.9.9 (test)\n")
    }

    /// With `version` left to the action, its tag decides, read from the action's folder
    /// when GitHub leaves github.action_ref empty.
    @Test func versionComesFromTheActionsTag() throws {
        let runner = try Runner()
        defer { runner.remove() }
        let releases = try Self.makeRelease(in: runner.folder, version: "9.9.9")
        let run = try runner.run("install.sh", ["BEARING_RELEASES_URL": releases.absoluteString, "BEARING_VERSION": "action",
                                                "ACTION_REF": "", "GITHUB_ACTION_PATH": "/runner/_work/_actions/your-org/bearing/v9.9.9"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try runner.outputs()["version"] == "9.9.9")
    }

    @Test(arguments: [Tampering.wrongHash, .namesAnotherFile])
    func aWrongChecksumFailsAndInstallsNothing(tampering: Tampering) throws {
        let runner = try Runner()
        defer { runner.remove() }
        let releases = try Self.makeRelease(in: runner.folder, version: "9.9.9", tampered: tampering)
        let run = try runner.run("install.sh", ["BEARING_RELEASES_URL": releases.absoluteString, "BEARING_VERSION": "9.9.9"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("does not match its .sha256"))
        #expect(try runner.outputs()["bin"] == nil)
        #expect(try runner.outputs()["from-source"] == nil, "a tampered download fell back to a build")
    }

    /// A version asked for by number is that version or nothing: no build of another one.
    @Test func aPinnedVersionThatCannotBeDownloadedFails() throws {
        let runner = try Runner()
        defer { runner.remove() }
        let releases = try Self.makeRelease(in: runner.folder, version: "9.9.9")
        let run = try runner.run("install.sh", ["BEARING_RELEASES_URL": releases.absoluteString, "BEARING_VERSION": "1.0.0"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("asked for version 1.0.0"), "\(run.stdout)")
        #expect(try runner.outputs()["from-source"] == nil)
    }

    @Test func noReleaseForTheRunnerMeansFromSource() throws {
        let runner = try Runner()
        defer { runner.remove() }
        let releases = try Self.makeRelease(in: runner.folder, version: "9.9.9")
        for environment in [["BEARING_VERSION": "9.9.9", "RUNNER_ARCH": "PPC64"],
                            ["BEARING_VERSION": "9.9.9", "BEARING_FROM_SOURCE": "true"]] {
            try Data().write(to: runner.outputFile)
            let run = try runner.run("install.sh", environment.merging(["BEARING_RELEASES_URL": releases.absoluteString]) { $1 })
            #expect(run.status == 0, "\(environment): \(run.stderr)")
            #expect(try runner.outputs()["from-source"] == "true", "\(environment)")
            #expect(try runner.outputs()["bin"] == nil)
        }
    }
}
