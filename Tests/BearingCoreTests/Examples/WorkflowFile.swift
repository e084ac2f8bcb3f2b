import Foundation
import Testing
@testable import BearingCore

/// A GitHub Actions file of this repository (a workflow in examples/ci, or action.yml), read
/// with Bearing's own YAML reader, and the parts of it the tests look at.
struct WorkflowFile {
    /// The file's path from the package root, for messages.
    let name: String
    let root: YAMLNode

    /// The action every recipe uses, as written in `uses:` without its version.
    static let bearingAction = "your-org/bearing"

    /// Reads `relativePath` (from the package root); a file that is not YAML is a recorded issue.
    init(_ relativePath: String) throws {
        name = relativePath
        let text = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent(relativePath), encoding: .utf8)
        switch YAMLReader.parse(text, firstLine: 1) {
        case .success(let node):
            root = try #require(node, "\(relativePath) is empty")
        case .failure(let failure):
            Issue.record("\(relativePath):\(failure.line):\(failure.column): \(failure.message)")
            throw failure
        }
    }

    /// The jobs of a workflow, by name.
    func jobs() throws -> [YAMLPair] {
        try #require(root["jobs"]?.mapping, "\(name) has no jobs")
    }

    /// Every step: of every job in a workflow, of `runs` in an action.
    func steps() throws -> [YAMLNode] {
        if let steps = root["runs"]?["steps"]?.sequence { return steps }
        return try jobs().flatMap { $0.value["steps"]?.sequence ?? [] }
    }

    /// The shell scripts of the steps, in order.
    func scripts() throws -> [String] {
        try steps().compactMap { $0["run"]?.string }
    }

    /// The actions the steps use, without their version (`actions/checkout`).
    func actions() throws -> [String] {
        try steps().compactMap { $0["uses"]?.string?.split(separator: "@").first.map(String.init) }
    }

    /// The steps that run Bearing through its action.
    func bearingSteps() throws -> [YAMLNode] {
        try steps().filter { $0["uses"]?.string?.hasPrefix(Self.bearingAction + "@") == true }
    }
}
