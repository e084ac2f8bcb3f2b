import Foundation
import Testing
@testable import BearingCore

/// The corpus of real decision logs and proposals (not ours to copy into the repository):
/// `$BEARING_CORPUS`, else `../shared/corpus` beside the checkout, else `.build/corpus`
/// (filled by `make corpus` where the network allows). Without any, the corpus suites are
/// skipped and say why.
enum Corpus {
    static let candidates: [URL] = {
        var list: [URL] = []
        if let path = ProcessInfo.processInfo.environment["BEARING_CORPUS"], !path.isEmpty {
            list.append(URL(fileURLWithPath: path))
        }
        list.append(Fixtures.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus"))
        list.append(Fixtures.packageRoot.appendingPathComponent(".build/corpus"))
        return list
    }()

    /// The first candidate that holds at least one repository folder of the table.
    static let root: URL? = {
        let found = candidates.first { url in
            repositories.contains { FileReader.isDirectory(url.appendingPathComponent($0).path) }
        }
        if found == nil {
            FileHandle.standardError.write(Data("note: corpus suites skipped: no corpus at $BEARING_CORPUS, \(candidates.suffix(2).map(\.path).joined(separator: " or ")) (`make corpus` clones it where the network allows)\n".utf8))
        }
        return found
    }()

    static let skipReason: Comment = "no corpus: set BEARING_CORPUS, put shared/corpus beside the checkout, or run `make corpus`"

    /// The repositories the expected table covers (one TSV each under Fixtures/corpus/expected/).
    static let repositories: [String] = {
        let folder = Fixtures.root.appendingPathComponent("corpus/expected")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".tsv") }.map { String($0.dropLast(4)) }.sorted()
    }()

    static func path(_ repository: String) -> String? {
        root.map { $0.appendingPathComponent(repository).path }
    }
}
