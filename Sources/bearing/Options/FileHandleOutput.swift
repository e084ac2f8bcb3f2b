import ArgumentParser
import Foundation

/// Writing results: stdout, stderr, or a file given with `-o`.
enum FileHandleOutput {
    static func standardOutput(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Writes to `path`, or stdout when nil or `-`; a write failure is exit status 2.
    static func write(_ text: String, to path: String?) throws {
        guard let path, path != "-" else { return standardOutput(text) }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            standardError("error: cannot write '\(path)': \(error.localizedDescription)\n")
            throw ExitCode(2)
        }
    }
}
