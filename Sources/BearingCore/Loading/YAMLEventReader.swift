internal import CYaml

/// Reads a YAML block straight from libyaml's events into `YAMLNode`s, without building Yams'
/// node tree first (its nodes, tags and duplicate-key grouping were most of the YAML cost of
/// `check`). It reads only blocks that read cleanly: on anything that needs a diagnostic or
/// Yams' exact rules (a syntax error, a key written twice, a key that is a list or mapping, an
/// alias as a key or to no anchor, more than one document, a limit reached) it defers, and
/// YAMLReader reads the block with Yams, which says what is wrong exactly as before.
///
/// For the blocks it reads, the result is the one Yams' path gives: the same events, the same
/// scalar text and style, positions from the same libyaml marks, aliases expanded to the
/// anchored value (with its own positions), keys not counted as values.
struct YAMLEventReader {
    enum Outcome: Equatable {
        /// The block's value; nil for an empty stream.
        case read(YAMLNode?)
        /// Read it with Yams (YAMLReader's full path).
        case deferred
    }

    /// An anchored value with what its aliases add to the value count and the depth.
    private struct Anchored {
        var node: YAMLNode
        var count: Int
        var height: Int
    }

    /// A value read, with its count of values (itself included) and how deep it nests below itself.
    private struct Read {
        var node: YAMLNode
        var count: Int
        var height: Int
    }

    /// Why reading stopped: the block goes to Yams.
    private struct Deferred: Error {}

    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let firstLine: Int
    private var budget = YAMLReader.maxNodes
    private var anchors: [String: Anchored] = [:]

    static func read(_ yaml: String, firstLine: Int) -> Outcome {
        var yaml = yaml
        return yaml.withUTF8 { buffer in
            let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
            defer { parser.deallocate() }
            guard yaml_parser_initialize(parser) == 1 else { return .deferred }
            defer { yaml_parser_delete(parser) }
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
            var reader = YAMLEventReader(parser: parser, firstLine: firstLine)
            do {
                return .read(try reader.stream())
            } catch {
                return .deferred
            }
        }
    }

    private init(parser: UnsafeMutablePointer<yaml_parser_t>, firstLine: Int) {
        self.parser = parser
        self.firstLine = firstLine
    }

    /// One event; the caller deletes it (`yaml_event_delete`).
    private func next() throws(Deferred) -> yaml_event_t {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else { throw Deferred() }
        return event
    }

    /// The type of the next event, which carries nothing to keep.
    private func skip() throws(Deferred) -> yaml_event_type_t {
        var event = try next()
        defer { yaml_event_delete(&event) }
        return event.type
    }

    /// Stream start, at most one document, stream end (as Yams' `singleRoot`).
    private mutating func stream() throws(Deferred) -> YAMLNode? {
        guard try skip() == YAML_STREAM_START_EVENT else { throw Deferred() }
        switch try skip() {
        case YAML_STREAM_END_EVENT: return nil
        case YAML_DOCUMENT_START_EVENT: break
        default: throw Deferred()
        }
        var event = try next()
        defer { yaml_event_delete(&event) }
        let root = try value(event, depth: 0)
        guard try skip() == YAML_DOCUMENT_END_EVENT, try skip() == YAML_STREAM_END_EVENT else { throw Deferred() }
        return root.node
    }

    /// The value that `event` starts, counted against the value budget and the depth limit.
    private mutating func value(_ event: yaml_event_t, depth: Int) throws(Deferred) -> Read {
        let read: Read
        switch event.type {
        case YAML_SCALAR_EVENT:
            budget -= 1
            read = Read(node: scalar(event), count: 1, height: 0)
            register(event.data.scalar.anchor, read)
        case YAML_ALIAS_EVENT:
            guard let anchored = anchors[Self.name(event.data.alias.anchor)] else { throw Deferred() }
            budget -= anchored.count
            read = Read(node: anchored.node, count: anchored.count, height: anchored.height)
        case YAML_SEQUENCE_START_EVENT:
            budget -= 1
            guard depth < YAMLReader.maxDepth else { throw Deferred() }
            read = try sequence(event, depth: depth)
            register(event.data.sequence_start.anchor, read)
        case YAML_MAPPING_START_EVENT:
            budget -= 1
            guard depth < YAMLReader.maxDepth else { throw Deferred() }
            read = try mapping(event, depth: depth)
            register(event.data.mapping_start.anchor, read)
        default:
            throw Deferred()
        }
        guard budget >= 0, depth + read.height <= YAMLReader.maxDepth else { throw Deferred() }
        return read
    }

    private mutating func sequence(_ start: yaml_event_t, depth: Int) throws(Deferred) -> Read {
        var items: [YAMLNode] = []
        var count = 1
        var height = 0
        while true {
            var event = try next()
            defer { yaml_event_delete(&event) }
            if event.type == YAML_SEQUENCE_END_EVENT { break }
            let item = try value(event, depth: depth + 1)
            items.append(item.node)
            count += item.count
            height = max(height, item.height + 1)
        }
        let (line, column) = position(start.start_mark)
        return Read(node: YAMLNode(.sequence(items), line: line, column: column), count: count, height: height)
    }

    private mutating func mapping(_ start: yaml_event_t, depth: Int) throws(Deferred) -> Read {
        var pairs: [YAMLPair] = []
        var keys: Set<String> = []
        var count = 1
        var height = 0
        while true {
            var keyEvent = try next()
            defer { yaml_event_delete(&keyEvent) }
            if keyEvent.type == YAML_MAPPING_END_EVENT { break }
            // Only scalar keys: Yams compares other keys (and aliases) by rules of its own.
            guard keyEvent.type == YAML_SCALAR_EVENT else { throw Deferred() }
            let key = scalar(keyEvent)
            register(keyEvent.data.scalar.anchor, Read(node: key, count: 1, height: 0))
            guard case .scalar(let text, _) = key.value else { throw Deferred() }
            // A key written twice: Yams decides (a tag may make two equal texts different keys).
            if pairs.count < 16 {
                if pairs.contains(where: { $0.key == text }) { throw Deferred() }
            } else {
                if keys.isEmpty { keys = Set(pairs.map(\.key)) }
                guard keys.insert(text).inserted else { throw Deferred() }
            }
            var valueEvent = try next()
            defer { yaml_event_delete(&valueEvent) }
            let value = try value(valueEvent, depth: depth + 1)
            pairs.append(YAMLPair(key: text, keyLine: key.line, keyColumn: key.column, value: value.node))
            count += value.count
            height = max(height, value.height + 1)
        }
        let (line, column) = position(start.start_mark)
        return Read(node: YAMLNode(.mapping(pairs), line: line, column: column), count: count, height: height)
    }

    private func scalar(_ event: yaml_event_t) -> YAMLNode {
        let data = event.data.scalar
        let text = String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self)
        let plain = data.style == YAML_PLAIN_SCALAR_STYLE || data.style == YAML_ANY_SCALAR_STYLE
        let (line, column) = position(event.start_mark)
        return YAMLNode(.scalar(text, plain: plain), line: line, column: column)
    }

    /// The file line and column of a libyaml mark (0-based, columns in characters).
    private func position(_ mark: yaml_mark_t) -> (line: Int, column: Int) {
        (Int(mark.line) + firstLine, Int(mark.column) + 1)
    }

    /// Remembers an anchored value; a later anchor of the same name shadows it.
    private mutating func register(_ anchor: UnsafeMutablePointer<yaml_char_t>?, _ read: Read) {
        guard let anchor else { return }
        anchors[Self.name(anchor)] = Anchored(node: read.node, count: read.count, height: read.height)
    }

    private static func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String {
        guard let anchor else { return "" }
        return String(cString: anchor)
    }
}
