import Yams

/// Parses a YAML block with Yams' basic resolver (no implicit dates, octals or booleans)
/// into `YAMLNode`s whose positions are lines and columns of the file.
public enum YAMLReader {
    /// At most this many nodes after alias expansion; protects against "billion laughs".
    public static let maxNodes = 20_000

    public struct Failure: Error, Sendable, Hashable {
        public var message: String
        public var line: Int
        public var column: Int
    }

    /// Parses `yaml`, whose first line is line `firstLine` of the file.
    /// Returns nil for an empty document.
    public static func parse(_ yaml: String, firstLine: Int) -> Result<YAMLNode?, Failure> {
        let root: Node?
        do {
            // The encoding is given: its default reads the process environment on every call.
            root = try Parser(yaml: yaml, resolver: .basic, constructor: .default, encoding: .utf8).singleRoot()
        } catch let error as YamlError {
            return .failure(failure(from: error, firstLine: firstLine, lineCount: yaml.utf8.count(where: { $0 == UInt8(ascii: "\n") })))
        } catch {
            return .failure(Failure(message: "\(error)", line: firstLine, column: 1))
        }
        guard let root else { return .success(nil) }
        var budget = maxNodes
        guard let node = convert(root, firstLine: firstLine, budget: &budget) else {
            return .failure(Failure(message: "YAML expands to more than \(maxNodes) values (too many aliases)", line: firstLine, column: 1))
        }
        return .success(node)
    }

    private static func convert(_ node: Node, firstLine: Int, budget: inout Int) -> YAMLNode? {
        budget -= 1
        guard budget >= 0 else { return nil }
        let mark = node.mark
        let line = (mark?.line ?? 1) + firstLine - 1
        let column = mark?.column ?? 1
        switch node {
        case .scalar(let scalar):
            return YAMLNode(.scalar(scalar.string, plain: scalar.style == .plain || scalar.style == .any), line: line, column: column)
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            for item in sequence {
                guard let converted = convert(item, firstLine: firstLine, budget: &budget) else { return nil }
                items.append(converted)
            }
            return YAMLNode(.sequence(items), line: line, column: column)
        case .mapping(let mapping):
            var pairs: [YAMLPair] = []
            for (key, value) in mapping {
                guard let convertedValue = convert(value, firstLine: firstLine, budget: &budget) else { return nil }
                let keyMark = key.mark
                pairs.append(YAMLPair(
                    key: key.string ?? "",
                    keyLine: (keyMark?.line ?? 1) + firstLine - 1,
                    keyColumn: keyMark?.column ?? 1,
                    value: convertedValue))
            }
            return YAMLNode(.mapping(pairs), line: line, column: column)
        case .alias:
            // Yams replaces aliases by their anchored node while composing; none reach here.
            return YAMLNode(.scalar("", plain: true), line: line, column: column)
        }
    }

    /// Locates a Yams error in the file. When libyaml only notices the problem past the end of
    /// the block (an unclosed `[`), the construct it was parsing is the better place to point at.
    private static func failure(from error: YamlError, firstLine: Int, lineCount: Int) -> Failure {
        func located(_ problem: String, _ context: YamlError.Context?, _ mark: Mark) -> Failure {
            var message = problem
            var at = mark
            if let context, !context.text.isEmpty {
                message = "\(problem) (\(context.text))"
                if mark.line > lineCount { at = context.mark }
            }
            return Failure(message: message, line: at.line + firstLine - 1, column: at.column)
        }
        switch error {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            return located(problem, context, mark)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return Failure(message: "duplicate key \(keys)", line: context.mark.line + firstLine - 1, column: context.mark.column)
        case let .reader(problem, _, _, _):
            return Failure(message: problem, line: firstLine, column: 1)
        default:
            return Failure(message: "\(error)", line: firstLine, column: 1)
        }
    }
}
