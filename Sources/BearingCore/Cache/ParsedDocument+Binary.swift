/// ParsedDocument and its parts in the build cache's binary form (BinaryWriter). Every stored
/// property is written, in declaration order; a property added to one of these types must be
/// added here and the cache's format number raised (ParseCache.format). The round-trip test over
/// the fixtures catches a property left out.
extension ParsedDocument {
    func write(to w: inout BinaryWriter) {
        w.string(path)
        w.array(fields) { $1.write(to: &$0) }
        markdown.write(to: &w)
        w.array(diagnostics) { $1.write(to: &$0) }
        w.optional(sidecar) { w, sidecar in
            w.string(sidecar.path)
            w.array(sidecar.fields) { $1.write(to: &$0) }
        }
    }

    init(from r: inout BinaryReader) throws {
        path = try r.string()
        fields = try r.array { try YAMLPair(from: &$0) }
        markdown = try MarkdownDocument(from: &r)
        diagnostics = try r.array { try Diagnostic(from: &$0) }
        sidecar = try r.optional { r in
            Sidecar(path: try r.string(), fields: try r.array { try YAMLPair(from: &$0) })
        }
    }
}

extension YAMLPair {
    func write(to w: inout BinaryWriter) {
        w.string(key)
        w.int(keyLine)
        w.int(keyColumn)
        value.write(to: &w)
    }

    init(from r: inout BinaryReader) throws {
        self.init(key: try r.string(), keyLine: try r.int(), keyColumn: try r.int(), value: try YAMLNode(from: &r))
    }
}

extension YAMLNode {
    func write(to w: inout BinaryWriter) {
        switch value {
        case .scalar(let text, let plain):
            w.int(plain ? 0 : 1)
            w.string(text)
        case .sequence(let items):
            w.int(2)
            w.array(items) { $1.write(to: &$0) }
        case .mapping(let pairs):
            w.int(3)
            w.array(pairs) { $1.write(to: &$0) }
        }
        w.int(line)
        w.int(column)
    }

    init(from r: inout BinaryReader) throws {
        let value: Value
        switch try r.int() {
        case 0: value = .scalar(try r.string(), plain: true)
        case 1: value = .scalar(try r.string(), plain: false)
        case 2: value = .sequence(try r.array { try YAMLNode(from: &$0) })
        case 3: value = .mapping(try r.array { try YAMLPair(from: &$0) })
        default: throw BinaryReader.Malformed()
        }
        self.init(value, line: try r.int(), column: try r.int())
    }
}

extension MarkdownDocument {
    func write(to w: inout BinaryWriter) {
        w.optional(html) { $0.string($1) }
        w.optional(title) { $0.string($1) }
        w.array(headings) { w, heading in
            w.int(heading.level)
            w.string(heading.text)
            w.string(heading.anchor)
            w.int(heading.line)
        }
        w.array(links) { w, link in
            w.string(link.kind.rawValue)
            w.string(link.destination)
            w.optional(link.label) { $0.string($1) }
            w.optional(link.anchor) { $0.string($1) }
            w.int(link.line)
            w.int(link.column)
        }
        w.array(blocks) { w, block in
            switch block.kind {
            case .heading(let level): w.int(level)
            case .paragraph: w.int(-1)
            case .listItem: w.int(-2)
            case .tableRow: w.int(-3)
            }
            w.string(block.text)
            w.int(block.line)
            w.int(block.links.lowerBound)
            w.int(block.links.upperBound)
            w.array(block.cells) { $0.string($1) }
        }
        w.array(codeBlocks) { w, block in
            w.string(block.info)
            w.string(block.literal)
            w.int(block.line)
            w.int(block.column)
        }
        w.optional(cut) { w, cut in
            w.string(cut.message)
            w.int(cut.line)
        }
    }

    init(from r: inout BinaryReader) throws {
        self.init()
        html = try r.optional { try $0.string() }
        title = try r.optional { try $0.string() }
        headings = try r.array { r in
            MarkdownHeading(level: try r.int(), text: try r.string(), anchor: try r.string(), line: try r.int())
        }
        links = try r.array { r in
            guard let kind = MarkdownLink.Kind(rawValue: try r.string()) else { throw BinaryReader.Malformed() }
            return MarkdownLink(kind: kind, destination: try r.string(), label: try r.optional { try $0.string() },
                                anchor: try r.optional { try $0.string() }, line: try r.int(), column: try r.int())
        }
        blocks = try r.array { r in
            let kind: MarkdownBlock.Kind
            switch try r.int() {
            case -1: kind = .paragraph
            case -2: kind = .listItem
            case -3: kind = .tableRow
            case let level where level >= 0: kind = .heading(level: level)
            default: throw BinaryReader.Malformed()
            }
            let text = try r.string()
            let line = try r.int()
            let (lower, upper) = (try r.int(), try r.int())
            guard lower <= upper else { throw BinaryReader.Malformed() }
            return MarkdownBlock(kind: kind, text: text, line: line, links: lower..<upper, cells: try r.array { try $0.string() })
        }
        codeBlocks = try r.array { r in
            MarkdownCodeBlock(info: try r.string(), literal: try r.string(), line: try r.int(), column: try r.int())
        }
        cut = try r.optional { r in MarkdownLimits.Cut(message: try r.string(), line: try r.int()) }
    }
}

extension Diagnostic {
    func write(to w: inout BinaryWriter) {
        w.string(severity.rawValue)
        w.string(rule.rawValue)
        w.string(message)
        location.write(to: &w)
        w.array(related) { $1.write(to: &$0) }
        w.optional(hint) { $0.string($1) }
    }

    init(from r: inout BinaryReader) throws {
        guard let severity = Severity(rawValue: try r.string()) else { throw BinaryReader.Malformed() }
        let rule = RuleID(rawValue: try r.string())
        let message = try r.string()
        let location = try SourceLocation(from: &r)
        self.init(severity, rule, message, at: location, related: try r.array { try SourceLocation(from: &$0) },
                  hint: try r.optional { try $0.string() })
    }
}

extension SourceLocation {
    func write(to w: inout BinaryWriter) {
        w.string(path)
        w.int(line)
        w.int(column)
    }

    init(from r: inout BinaryReader) throws {
        self.init(path: try r.string(), line: try r.int(), column: try r.int())
    }
}
