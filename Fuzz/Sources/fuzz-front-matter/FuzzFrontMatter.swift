import BearingCore
import FuzzSupport

/// Front matter and YAML alone: the split (its lines must stay inside the text), the YAML reader
/// on the front matter and on the whole input as `bearing.yml` and `people.yml`, whose readers
/// run on what it gives; every position reported must be inside the input.
@_cdecl("fuzz_front_matter_main")
func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 { runFuzzer(argc, argv, fuzzFrontMatter) }

private let fuzzFrontMatter: FuzzTest = { data, size in
    let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let text = String(decoding: input, as: UTF8.self)
    let split = FrontMatter.split(text)
    if let yaml = split.yaml {
        require(line: split.yamlFirstLine, column: 1, in: input, "front matter's first line")
        read(YAMLReader.parse(yaml, firstLine: split.yamlFirstLine), input: input)
    }
    require(line: split.bodyFirstLine, column: 1, in: input, "body's first line")
    if let line = split.unclosedAtLine { require(line: line, column: 1, in: input, "unclosed front matter") }
    read(YAMLReader.parse(text, firstLine: 1), input: input)
    return 0
}

private func read(_ parsed: Result<YAMLNode?, YAMLReader.Failure>, input: [UInt8]) {
    switch parsed {
    case .failure(let failure):
        require(line: failure.line, column: failure.column, in: input, "YAML error '\(failure.message)'")
    case .success(let node):
        let files = ["bearing.yml": input, "people.yml": input]
        LocationCheck.require(Configuration.read(node, path: "bearing.yml").1, files: files)
        LocationCheck.require(PeopleDirectory.read(node, path: "people.yml").1, files: files)
    }
}

private func require(line: Int, column: Int, in input: [UInt8], _ what: String) {
    if let problem = DiagnosticPlacement.outside(line: line, column: column, in: input) { fatalError("\(what): \(problem)") }
}
