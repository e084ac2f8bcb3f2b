import Foundation
import Testing
import BearingTestSupport
@testable import BearingCore

/// The Dockerfile (docs/install.md, "Container image") read as Docker reads it, without
/// Docker: two stages from pinned official images, the static build shipped on plain Ubuntu
/// with git, `bearing` as the entry point in exec form, run by a user other than root. Where a
/// container runtime answers, the image is built and run too.
@Suite struct DockerfileTests {
    /// One instruction: its keyword in capitals, the rest of its line(s), where it starts.
    struct Instruction {
        var keyword: String
        var arguments: String
        var line: Int
    }

    /// The Dockerfile's instructions: continuation lines joined, comments and blank lines left out.
    static func instructions() throws -> [Instruction] {
        let text = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("Dockerfile"), encoding: .utf8)
        var result: [Instruction] = [], pending = "", start = 0
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("#") || (line.isEmpty && pending.isEmpty) { continue }
            if pending.isEmpty { start = index + 1 }
            if line.hasSuffix("\\") {
                pending += line.dropLast() + " "
                continue
            }
            pending += line
            let parts = pending.split(separator: " ", maxSplits: 1)
            result.append(Instruction(keyword: parts[0].uppercased(), arguments: parts.count > 1 ? String(parts[1]) : "", line: start))
            pending = ""
        }
        return result
    }

    /// The stages: each FROM and the instructions after it.
    static func stages() throws -> [[Instruction]] {
        var stages: [[Instruction]] = []
        for instruction in try instructions() {
            if instruction.keyword == "FROM" { stages.append([instruction]) } else if !stages.isEmpty { stages[stages.count - 1].append(instruction) }
        }
        return stages
    }

    /// A FROM's image with the ARG defaults given before the first FROM put in.
    static func image(_ from: Instruction) throws -> String {
        var defaults: [String: String] = [:]
        for instruction in try instructions().prefix(while: { $0.keyword != "FROM" }) where instruction.keyword == "ARG" {
            let pair = instruction.arguments.split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2 { defaults[pair[0]] = pair[1] }
        }
        var image = String(from.arguments.split(separator: " ").first { !$0.hasPrefix("--") } ?? "")
        for (name, value) in defaults { image = image.replacingOccurrences(of: "${\(name)}", with: value) }
        return image
    }

    @Test func imagesArePinnedOfficialOnes() throws {
        let stages = try Self.stages()
        #expect(stages.count == 2, "not two stages")
        for stage in stages {
            let image = try Self.image(stage[0])
            #expect(!image.contains("$"), "line \(stage[0].line): '\(image)' names an ARG without a default")
            let tag = image.split(separator: ":").dropFirst().first.map(String.init)
            #expect(tag != nil && tag != "latest" && !(tag ?? "").contains("latest"), "line \(stage[0].line): '\(image)' is not pinned")
        }
        let build = try Self.image(stages[0][0]), runtime = try Self.image(stages[1][0])
        #expect(build.hasPrefix("swift:6."), "the build stage is not on the Swift image: \(build)")
        #expect(stages[0][0].arguments.hasSuffix(" AS build"))
        // The binary needs the C library it was linked against: the same Ubuntu release.
        #expect(build.hasSuffix("-noble"), "the build stage is not Ubuntu 24.04: \(build)")
        #expect(runtime == "ubuntu:24.04" || runtime == "ubuntu:noble", "the runtime is not Ubuntu 24.04: \(runtime)")
    }

    @Test func buildStageMakesTheTarball() throws {
        let build = try #require(try Self.stages().first)
        let runs = build.filter { $0.keyword == "RUN" }.map(\.arguments).joined(separator: "\n")
        #expect(runs.contains("libcmark-gfm-dev"))
        #expect(runs.contains("make dist"))
    }

    @Test func runtimeStageShipsTheFolderWithGit() throws {
        let runtime = try #require(try Self.stages().last)
        let runs = runtime.filter { $0.keyword == "RUN" }.map(\.arguments).joined(separator: "\n")
        #expect(runs.contains("install -y -qq --no-install-recommends git"))
        #expect(runs.contains("safe.directory"), "git would refuse a mounted repository owned by someone else")
        #expect(runs.contains("ln -s /opt/bearing/bin/bearing /usr/local/bin/bearing"))
        #expect(runtime.contains { $0.keyword == "COPY" && $0.arguments.hasPrefix("--from=build ") && $0.arguments.hasSuffix(" /opt/bearing") })
        #expect(!runs.contains("swift"), "the runtime stage installs Swift")
    }

    @Test func entryPointAndUser() throws {
        let runtime = try #require(try Self.stages().last)
        let entry = try #require(runtime.last { $0.keyword == "ENTRYPOINT" })
        // Exec form: arguments reach bearing as given, and signals too (no shell between).
        #expect(entry.arguments == "[\"bearing\"]")
        #expect(runtime.last { $0.keyword == "WORKDIR" }?.arguments == "/kb")
        let user = try #require(runtime.last { $0.keyword == "USER" }?.arguments)
        #expect(!["root", "0", "0:0", "root:root"].contains(user), "the image runs as root")
        if let cmd = runtime.last(where: { $0.keyword == "CMD" }) { #expect(cmd.arguments.hasPrefix("[")) }
    }

    @Test func contextLeavesBuildProductsOut() throws {
        let ignored = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent(".dockerignore"), encoding: .utf8)
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        for folder in [".build", ".bench", "_site", "dist"] { #expect(ignored.contains(folder), ".dockerignore keeps \(folder)") }
        // make dist reads the version and the commit from git.
        #expect(!ignored.contains(".git"))
    }

    /// hadolint, Docker's usual linter, where it is installed (docs/install.md says how).
    @Test(.enabled(if: WorkflowLintTests.installed("hadolint") != nil, "hadolint is not installed (docs/install.md says how)"))
    func passesHadolint() throws {
        let hadolint = try #require(WorkflowLintTests.installed("hadolint"))
        let run = try Program.run(hadolint, ["--no-color", Fixtures.packageRoot.appendingPathComponent("Dockerfile").path])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    }

    /// Whether a container runtime answers here (`docker info`).
    static let dockerAnswers: Bool = {
        (try? Program.run("/usr/bin/env", ["docker", "info"]))?.status == 0
    }()

    @Test(.enabled(if: dockerAnswers, "no container runtime answers (docker info fails): the image is not built here"),
          .timeLimit(.minutes(60)))
    func imageBuildsAndRuns() throws {
        let root = Fixtures.packageRoot.path
        let build = try Program.run("/usr/bin/env", ["docker", "build", "-t", "bearing-test", root])
        #expect(build.status == 0, "docker build failed:\n\(build.stderr.suffix(4000))")
        guard build.status == 0 else { return }
        let version = try Program.run("/usr/bin/env", ["docker", "run", "--rm", "bearing-test", "--version"])
        #expect(version.status == 0, "\(version.stderr)")
        #expect(!version.stdout.isEmpty)
        let check = try Program.run("/usr/bin/env", ["docker", "run", "--rm", "-v", "\(root)/examples/northwind:/kb:ro", "bearing-test", "check", "--today", "2027-02-17"])
        #expect(check.status <= 1, "bearing check in the container: \(check.stderr)")
    }
}
