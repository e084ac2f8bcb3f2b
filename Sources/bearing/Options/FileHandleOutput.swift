import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writing results: stdout, stderr, or a file given with `-o`. What goes to stdout and stderr
/// is seen in a terminal or a CI log: control characters other than line breaks and tabs are
/// written as escapes there (String+TerminalSafe; JSON has none left to escape).
enum FileHandleOutput {
    /// Writes to stdout; when that fails, says so on stderr and ends with exit status 2. (A reader
    /// that stops early, `| head`, ends the process with SIGPIPE, quietly, as it does `cat`; with
    /// SIGPIPE ignored that is a failed write too.)
    static func standardOutput(_ text: String) {
        guard let failure = StandardStream.write(text.terminalSafeLines, to: STDOUT_FILENO) else { return }
        standardError("error: cannot write the output to standard output: \(failure)\n")
        Glibc.exit(2)
    }

    /// Writes to stderr; a failure there has nowhere to be told and is let go (the exit status stays).
    static func standardError(_ text: String) {
        _ = StandardStream.write(text.terminalSafeLines, to: STDERR_FILENO)
    }

    /// Writes to `path`, or stdout when nil or `-`; a write failure is exit status 2.
    static func write(_ text: String, to path: String?) throws {
        guard let path, path != "-" else { return standardOutput(text) }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            standardError("error: cannot write '\(path)': \(reason(error, writing: path))\n")
            throw ExitCode(2)
        }
    }

    /// Why a file could not be written, as a sentence that says what to change (Foundation's
    /// "The operation could not be completed" does not), else Foundation's message.
    static func reason(_ error: any Error, writing path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        let shown = folder.isEmpty ? "." : folder
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: shown, isDirectory: &isFolder) { return "the folder '\(shown)' does not exist" }
        if !isFolder.boolValue { return "'\(shown)' is a file, not a folder" }
        if !FileManager.default.isWritableFile(atPath: shown) { return "the folder '\(shown)' may not be written to" }
        if FolderSuggestion.isFolder(path) { return "it is a folder" }
        return error.localizedDescription
    }

    /// Ends the process at once with `status`, once the result is written. What the command built
    /// (a knowledge base, an analysis, a report: hundreds of thousands of allocations for 10,000
    /// documents) is not freed piece by piece, which takes a noticeable share of a run; the
    /// operating system takes the memory back. `values` stay alive until then.
    static func finish(_ status: Int32, keepingAlive values: Any...) -> Never {
        withExtendedLifetime(values) { Glibc.exit(status) }
    }
}
