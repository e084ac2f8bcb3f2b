import ArgumentParser

/// `-o FILE` of the commands that print a result: the file to write instead of standard output.
struct OutputOption: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    /// The file given, nil for standard output.
    var file: String? { output }

    func write(_ text: String) throws {
        try FileHandleOutput.write(text, to: output)
    }
}
