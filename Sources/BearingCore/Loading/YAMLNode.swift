/// A YAML value as written, with the file position of where it starts. Scalars keep their
/// text exactly (`0037` stays `0037`); typing happens per known field in the model stage.
public struct YAMLNode: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        /// A scalar; `plain` is false for quoted and block scalars.
        case scalar(String, plain: Bool)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    public var value: Value
    public var line: Int
    public var column: Int

    public init(_ value: Value, line: Int, column: Int) {
        self.value = value
        self.line = line
        self.column = column
    }

    /// True for an empty plain scalar, `~` and `null`.
    public var isNull: Bool {
        if case .scalar(let s, plain: true) = value { return s.isEmpty || s == "~" || s.lowercased() == "null" }
        return false
    }

    public var string: String? {
        if case .scalar(let s, _) = value, !isNull { return s }
        return nil
    }

    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = value { return items }
        return nil
    }

    public var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = value { return pairs }
        return nil
    }

    /// The value of `key` in a mapping (keys compared exactly).
    public subscript(key: String) -> YAMLNode? {
        mapping?.first { $0.key == key }?.value
    }

    /// A MADR template placeholder such as `{YYYY-MM-DD when decided}`: a flow mapping
    /// with one key and no value. Treated as "not given".
    public var isPlaceholder: Bool {
        guard let pairs = mapping, pairs.count == 1 else { return false }
        return pairs[0].value.isNull
    }
}

/// One `key: value` entry of a YAML mapping, in the order written.
public struct YAMLPair: Sendable, Hashable {
    public var key: String
    public var keyLine: Int
    public var keyColumn: Int
    public var value: YAMLNode

    public init(key: String, keyLine: Int, keyColumn: Int, value: YAMLNode) {
        self.key = key
        self.keyLine = keyLine
        self.keyColumn = keyColumn
        self.value = value
    }
}

extension YAMLNode {
    /// The same value, wherever it is written (positions ignored).
    func sameValue(_ other: YAMLNode) -> Bool {
        switch (value, other.value) {
        case (.scalar(let a, _), .scalar(let b, _)): return a == b
        case (.sequence(let a), .sequence(let b)): return a.count == b.count && zip(a, b).allSatisfy { $0.sameValue($1) }
        case (.mapping(let a), .mapping(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value.sameValue($1.value) }
        default: return false
        }
    }
}
