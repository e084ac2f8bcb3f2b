/// The site's page templates: the Mustache subset the theme uses, compiled once and rendered
/// over plain dictionaries and arrays with no dynamic protocol casts. A site renders tens of
/// thousands of pages; swift-mustache spent most of a build looking names up (docs/theming.md
/// lists what this renderer supports).
///
/// Supported: `{{name}}` (HTML-escaped), `{{{name}}}` and `{{&name}}`, dotted names, `{{.}}`,
/// sections `{{#name}}…{{/name}}` and inverted sections `{{^name}}…{{/name}}` over booleans,
/// lists and values, partials `{{> name}}`, comments `{{! … }}`, the `{{% CONTENT_TYPE: HTML}}`
/// pragma (ignored: output is always HTML), the transforms `empty(name)`, `count(name)`,
/// `first()` and `last()`, and standalone tag lines (removed with their line break).
public struct PageTemplate: Sendable {
    indirect enum Node: Sendable {
        case text([UInt8])
        case variable(Name, escaped: Bool)
        case section(Name, inverted: Bool, [Node])
        case partial(String)
    }

    /// A name as written: a dotted path, optionally inside a transform.
    struct Name: Sendable {
        enum Transform: String, Sendable { case empty, count, first, last }
        var path: [String]
        var transform: Transform?
    }

    let nodes: [Node]

    public struct ParseError: Error, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    public init(_ text: String) throws {
        nodes = try Parser(bytes: Array(text.utf8)).parse()
    }

    // MARK: Parsing

    private struct Parser {
        let bytes: [UInt8]

        /// A tag found in the text: its kind character (or 0 for a variable), content, and range.
        struct Tag {
            var kind: UInt8
            var content: String
            var start: Int
            var end: Int
            var line: Int
        }

        func parse() throws -> [Node] {
            var index = 0
            return try build(try tokenize(), &index, closing: nil)
        }

        enum Token {
            case text(String)
            case tag(Tag)
        }

        /// Splits the text into text and tags, dropping standalone tag lines' white space.
        func tokenize() throws -> [Token] {
            var tokens: [Token] = []
            var i = 0
            var textStart = 0
            var line = 1
            var lineStart = 0
            func flushText(_ end: Int) {
                if end > textStart { tokens.append(.text(String(decoding: bytes[textStart..<end], as: UTF8.self))) }
            }
            while i < bytes.count {
                if bytes[i] == UInt8(ascii: "\n") {
                    line += 1
                    i += 1
                    lineStart = i
                    continue
                }
                guard bytes[i] == UInt8(ascii: "{"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "{") else { i += 1; continue }
                let triple = i + 2 < bytes.count && bytes[i + 2] == UInt8(ascii: "{")
                let open = i + (triple ? 3 : 2)
                let closer: [UInt8] = triple ? Array("}}}".utf8) : Array("}}".utf8)
                var j = open
                while j + closer.count <= bytes.count, !bytes[j..<(j + closer.count)].elementsEqual(closer) { j += 1 }
                guard j + closer.count <= bytes.count else { throw ParseError(line: line, message: "unclosed tag") }
                var content = String(decoding: bytes[open..<j], as: UTF8.self).trimmingSpaces()
                var kind: UInt8 = triple ? UInt8(ascii: "&") : 0
                if !triple, let first = content.utf8.first, "#^/>!%&".utf8.contains(first) {
                    kind = first
                    content = String(content.dropFirst()).trimmingSpaces()
                }
                if !triple, content.hasPrefix("=") { throw ParseError(line: line, message: "set delimiters are not supported") }
                if content.isEmpty, kind != UInt8(ascii: "!") { throw ParseError(line: line, message: "empty tag") }
                let end = j + closer.count
                // A section, inverted, closing, partial, comment or pragma tag alone on its line
                // takes the line (indentation and line break) with it.
                let standaloneKinds = "#^/>!%".utf8
                var start = i
                var next = end
                if kind != 0, standaloneKinds.contains(kind),
                   bytes[lineStart..<i].allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) {
                    var k = end
                    while k < bytes.count, bytes[k] == UInt8(ascii: " ") || bytes[k] == UInt8(ascii: "\t") || bytes[k] == UInt8(ascii: "\r") { k += 1 }
                    if k == bytes.count || bytes[k] == UInt8(ascii: "\n") {
                        start = lineStart
                        next = k < bytes.count ? k + 1 : k
                    }
                }
                flushText(start)
                tokens.append(.tag(Tag(kind: kind, content: content, start: start, end: next, line: line)))
                if next > end { line += 1; lineStart = next }
                i = next
                textStart = next
            }
            flushText(bytes.count)
            return tokens
        }

        /// Sections nest at most this deep (deeper templates would only exhaust the stack).
        static let maximumNesting = 100

        func build(_ tokens: [Token], _ index: inout Int, closing: (name: String, line: Int)?, depth: Int = 0) throws -> [Node] {
            var nodes: [Node] = []
            while index < tokens.count {
                let token = tokens[index]
                index += 1
                switch token {
                case .text(let text):
                    nodes.append(.text(Array(text.utf8)))
                case .tag(let tag):
                    switch tag.kind {
                    case UInt8(ascii: "!"), UInt8(ascii: "%"):
                        continue
                    case UInt8(ascii: ">"):
                        nodes.append(.partial(tag.content))
                    case UInt8(ascii: "#"), UInt8(ascii: "^"):
                        guard depth < Self.maximumNesting else {
                            throw ParseError(line: tag.line, message: "sections nest deeper than \(Self.maximumNesting) levels")
                        }
                        let children = try build(tokens, &index, closing: (tag.content, tag.line), depth: depth + 1)
                        nodes.append(.section(try name(tag), inverted: tag.kind == UInt8(ascii: "^"), children))
                    case UInt8(ascii: "/"):
                        guard let closing else { throw ParseError(line: tag.line, message: "'{{/\(tag.content)}}' closes no open section") }
                        guard closing.name == tag.content else {
                            throw ParseError(line: tag.line, message: "'{{/\(tag.content)}}' found where '{{/\(closing.name)}}' was expected")
                        }
                        return nodes
                    default:
                        nodes.append(.variable(try name(tag), escaped: tag.kind == 0))
                    }
                }
            }
            if let closing { throw ParseError(line: closing.line, message: "section '\(closing.name)' is not closed") }
            return nodes
        }

        func name(_ tag: Tag) throws -> Name {
            var text = tag.content
            var transform: Name.Transform?
            if text.hasSuffix(")"), let open = text.firstIndex(of: "(") {
                guard let known = Name.Transform(rawValue: String(text[..<open])) else {
                    throw ParseError(line: tag.line, message: "unknown transform in '\(text)'")
                }
                transform = known
                text = String(text[text.index(after: open)..<text.index(before: text.endIndex)]).trimmingSpaces()
            }
            if text.isEmpty || text == "." { return Name(path: [], transform: transform) }
            return Name(path: text.split(separator: ".").map(String.init), transform: transform)
        }
    }

    // MARK: Rendering

    /// Renders with `context` (a dictionary) at the bottom of the stack; partials come from `partials`.
    public func render(_ context: [String: Any], partials: [String: PageTemplate] = [:]) -> String {
        String(decoding: renderBytes(context, partials: partials), as: UTF8.self)
    }

    /// The same as UTF-8 bytes, ready to write.
    public func renderBytes(_ context: [String: Any], partials: [String: PageTemplate] = [:]) -> [UInt8] {
        renderBytes([context], partials: partials)
    }

    /// Renders with `contexts` stacked, the last on top: a name is looked up in the last first.
    /// Lets a caller add a few values to a page's context without copying it.
    func renderBytes(_ contexts: [[String: Any]], partials: [String: PageTemplate] = [:], capacity: Int = 16_384) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(capacity)
        var renderer = Renderer(partials: partials, stack: contexts.map(Frame.dictionary), sequence: [])
        renderer.render(nodes, into: &output)
        return output
    }

    /// A value on the renderer's stack, a dictionary told apart once, when pushed, rather than at
    /// every name looked up through it.
    private enum Frame {
        case dictionary([String: Any])
        case other(Any)

        init(_ value: Any) {
            if let dictionary = value as? [String: Any] { self = .dictionary(dictionary) } else { self = .other(value) }
        }

        var value: Any {
            switch self {
            case .dictionary(let dictionary): dictionary
            case .other(let value): value
            }
        }
    }

    private struct Renderer {
        let partials: [String: PageTemplate]
        var stack: [Frame]
        /// For `first()` and `last()`: the position in the innermost list being iterated.
        var sequence: [(index: Int, count: Int)]
        var depth = 0
        /// Partials expanded so far: a page needs a few hundred; a theme whose partials fan out
        /// (each including itself twice) stops here instead of running for ever.
        var expansions = 0
        static let maximumExpansions = 100_000

        mutating func render(_ nodes: [Node], into output: inout [UInt8]) {
            for node in nodes {
                switch node {
                case .text(let text):
                    output.append(contentsOf: text)
                case .variable(let name, let escaped):
                    guard let value = resolve(name) else { continue }
                    Self.write(value, escaped: escaped, into: &output)
                case .section(let name, let inverted, let children):
                    let value = resolve(name)
                    if inverted {
                        if !Self.isTruthy(value) { render(children, into: &output) }
                        continue
                    }
                    switch value {
                    case nil: continue
                    case let flag as Bool: if flag { render(children, into: &output) }
                    case let list as [[String: Any]]: iterate(list, children, &output)
                    case let list as [Any]: iterate(list, children, &output)
                    case let value?:
                        stack.append(Frame(value))
                        render(children, into: &output)
                        stack.removeLast()
                    }
                case .partial(let name):
                    // A partial that includes itself stops at a depth no real theme reaches.
                    guard depth < 64, expansions < Self.maximumExpansions, let template = partials[name] else { continue }
                    depth += 1
                    expansions += 1
                    render(template.nodes, into: &output)
                    depth -= 1
                }
            }
        }

        mutating func iterate(_ list: [[String: Any]], _ children: [Node], _ output: inout [UInt8]) {
            for (index, element) in list.enumerated() {
                stack.append(.dictionary(element))
                sequence.append((index, list.count))
                render(children, into: &output)
                sequence.removeLast()
                stack.removeLast()
            }
        }

        mutating func iterate(_ list: [Any], _ children: [Node], _ output: inout [UInt8]) {
            for (index, element) in list.enumerated() {
                stack.append(Frame(element))
                sequence.append((index, list.count))
                render(children, into: &output)
                sequence.removeLast()
                stack.removeLast()
            }
        }

        func resolve(_ name: Name) -> Any? {
            if let transform = name.transform {
                switch transform {
                case .first: return sequence.last.map { $0.index == 0 }
                case .last: return sequence.last.map { $0.index == $0.count - 1 }
                case .empty:
                    let value = lookUp(name.path)
                    return value == nil || Self.count(value) == 0
                case .count: return Self.count(lookUp(name.path))
                }
            }
            return lookUp(name.path)
        }

        /// The first name through the stack from the top, the rest inside it.
        func lookUp(_ path: [String]) -> Any? {
            guard let first = path.first else { return stack.last?.value }
            var value: Any?
            for frame in stack.reversed() {
                if case .dictionary(let dictionary) = frame, let found = dictionary[first] {
                    value = found
                    break
                }
            }
            for key in path.dropFirst() {
                guard let dictionary = value as? [String: Any] else { return nil }
                value = dictionary[key]
            }
            return value
        }

        static func count(_ value: Any?) -> Int? {
            switch value {
            case let list as [[String: Any]]: return list.count
            case let list as [Any]: return list.count
            case let dictionary as [String: Any]: return dictionary.count
            default: return nil
            }
        }

        static func isTruthy(_ value: Any?) -> Bool {
            switch value {
            case nil: return false
            case let flag as Bool: return flag
            case let list as [[String: Any]]: return !list.isEmpty
            case let list as [Any]: return !list.isEmpty
            default: return true
            }
        }

        /// A value as text, HTML-escaped or not, appended to `output` (strings without a copy).
        static func write(_ value: Any, escaped: Bool, into output: inout [UInt8]) {
            if let text = value as? String {
                if escaped { Escape.appendHTML(text, to: &output) } else { output += text.utf8 }
            } else if let html = value as? HTMLBytes {
                if escaped { Escape.appendHTML(String(decoding: html.bytes, as: UTF8.self), to: &output) } else { output += html.bytes }
            } else {
                let text = Self.text(value)
                output += (escaped ? Escape.html(text) : text).utf8
            }
        }

        static func text(_ value: Any) -> String {
            switch value {
            case let text as String: return text
            case let number as Int: return String(number)
            case let number as Double: return Plain.number(number)
            case let flag as Bool: return flag ? "true" : "false"
            default: return "\(value)"
            }
        }
    }
}
