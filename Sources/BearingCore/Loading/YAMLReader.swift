import Yams

/// Parses a YAML block with Yams' basic resolver (no implicit dates, octals or booleans)
/// into `YAMLNode`s whose positions are lines and columns of the file. Blocks that read cleanly
/// go straight from libyaml's events to values (YAMLEventReader); the others through Yams.
public enum YAMLReader {
    /// At most this many values, aliases expanded; protects against "billion laughs".
    public static let maxNodes = 20_000
    /// At most this many levels of lists and mappings inside one another. Checked on the text
    /// before libyaml (whose own limit is 1,000, its recursion and ours included) and again on
    /// the values.
    public static let maxDepth = 64

    public struct Failure: Error, Sendable, Hashable {
        public var message: String
        public var line: Int
        public var column: Int
        /// `yaml-syntax`, or `limit` when a bound above was reached.
        public var rule: RuleID = .yamlSyntax
    }

    /// Parses `yaml`, whose first line is line `firstLine` of the file.
    /// Returns nil for an empty document.
    public static func parse(_ yaml: String, firstLine: Int) -> Result<YAMLNode?, Failure> {
        // libyaml reads the whole text before the value count above is checked: 500,000 keys took
        // 3.5 s and 419 MB. A value needs a line or a comma of its own (aliases aside).
        var text = yaml
        let separators = text.withUTF8 { bytes in bytes.count { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: ",") } }
        if separators > 2 * maxNodes {
            return .failure(Failure(message: "more than \(2 * maxNodes) lines and commas (at most \(maxNodes) values are read)",
                                    line: firstLine, column: 1, rule: .limit))
        }
        if let deep = deepFlow(yaml) {
            return .failure(Failure(message: depthMessage, line: deep.line + firstLine - 1, column: deep.column, rule: .limit))
        }
        if case .read(let node) = YAMLEventReader.read(yaml, firstLine: firstLine) { return .success(node) }
        return parseWithYams(yaml, firstLine: firstLine)
    }

    /// The full reader, for the blocks YAMLEventReader defers: Yams' node tree, then positions,
    /// limits and every diagnostic.
    static func parseWithYams(_ yaml: String, firstLine: Int) -> Result<YAMLNode?, Failure> {
        let root: Node?
        do {
            // The encoding is given: its default reads the process environment on every call.
            root = try Parser(yaml: yaml, resolver: .basic, constructor: .default, encoding: .utf8).singleRoot()
        } catch let error as YamlError {
            return .failure(failure(from: error, firstLine: firstLine, lineCount: yaml.utf8.count(where: { $0 == UInt8(ascii: "\n") })))
        } catch {
            return .failure(Failure(message: "the YAML could not be read", line: firstLine, column: 1))
        }
        guard let root else { return .success(nil) }
        var budget = maxNodes
        do {
            return .success(try convert(root, firstLine: firstLine, depth: 0, budget: &budget))
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(Failure(message: "the YAML could not be read", line: firstLine, column: 1))
        }
    }

    private static let depthMessage = "lists and mappings nest more than \(maxDepth) levels deep"

    /// Where flow collections (`[`, `{`) first nest deeper than `maxDepth`, outside quotes and comments.
    static func deepFlow(_ yaml: String) -> (line: Int, column: Int)? {
        var yaml = yaml
        return yaml.withUTF8 { deepFlow(bytes: $0) }
    }

    /// The same over contiguous bytes (a String's byte iterator costs several times as much).
    private static func deepFlow(bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int)? {
        var depth = 0
        var line = 1
        var column = 0
        var quote: UInt8? = nil
        var comment = false
        var previous: UInt8 = UInt8(ascii: " ")
        for byte in bytes {
            if byte & 0xC0 != 0x80 { column += 1 }  // a column per character, not per UTF-8 byte
            defer { previous = byte }
            if byte == UInt8(ascii: "\n") { line += 1; column = 0; comment = false; continue }
            if comment { continue }
            if let open = quote {
                if byte == open { quote = nil }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if depth > 0 || previous == UInt8(ascii: " ") || previous == UInt8(ascii: ":") { quote = byte }
            case UInt8(ascii: "#") where previous == UInt8(ascii: " ") || previous == UInt8(ascii: "\t"):
                comment = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maxDepth { return (line, column) }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth = max(0, depth - 1)
            default:
                break
            }
        }
        return nil
    }

    private static func convert(_ node: Node, firstLine: Int, depth: Int, budget: inout Int) throws -> YAMLNode {
        budget -= 1
        let mark = node.mark
        guard budget >= 0 else {
            throw Failure(message: "more than \(maxNodes) values (aliases expanded)", line: (mark?.line ?? 1) + firstLine - 1,
                          column: mark?.column ?? 1, rule: .limit)
        }
        guard depth <= maxDepth else {
            throw Failure(message: depthMessage, line: (mark?.line ?? 1) + firstLine - 1, column: mark?.column ?? 1, rule: .limit)
        }
        let line = (mark?.line ?? 1) + firstLine - 1
        let column = mark?.column ?? 1
        switch node {
        case .scalar(let scalar):
            return YAMLNode(.scalar(scalar.string, plain: scalar.style == .plain || scalar.style == .any), line: line, column: column)
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            for item in sequence {
                items.append(try convert(item, firstLine: firstLine, depth: depth + 1, budget: &budget))
            }
            return YAMLNode(.sequence(items), line: line, column: column)
        case .mapping(let mapping):
            var pairs: [YAMLPair] = []
            for (key, value) in mapping {
                let convertedValue = try convert(value, firstLine: firstLine, depth: depth + 1, budget: &budget)
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
            // libyaml's own nesting limit names the C function that sets it: say what it means.
            if problem.contains("nest") || context?.text.contains("nest") == true {
                return Failure(message: "lists and mappings nest too deep for the YAML reader", line: mark.line + firstLine - 1,
                               column: mark.column, rule: .limit)
            }
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
            return Failure(message: "the YAML could not be read", line: firstLine, column: 1)
        }
    }
}
