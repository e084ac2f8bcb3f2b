/// Encodes any `Encodable` value straight into a `JSONValue` tree, without writing and parsing
/// JSON text: what the templates and the JSON writer of the report and the site read.
/// Nil optionals are left out (as JSONEncoder does); dates and other custom encodings are kept.
enum TreeEncoder {
    /// Lists to cut while encoding: a list under one of `keys` keeps its first `limit` elements,
    /// and its parent gets `<key>_total` (always) and `<key>_more` (when cut).
    struct Cut: Sendable {
        var keys: Set<String>
        var limit: Int?
    }

    static func encode<T: Encodable>(_ value: T, cut: Cut? = nil) throws -> JSONValue {
        let node = Node()
        try encode(value, into: node, cut: cut)
        return node.tree
    }

    fileprivate static func encode<T: Encodable>(_ value: T, into node: Node, cut: Cut?) throws {
        switch value {
        case let string as String: node.scalar = .string(string)
        case let int as Int: node.scalar = .integer(int)
        case let integer as any BinaryInteger: node.scalar = .integer(Int(truncatingIfNeeded: integer))
        case let double as Double: node.scalar = .number(double)
        case let float as Float: node.scalar = .number(Double(float))
        case let bool as Bool: node.scalar = .bool(bool)
        default: try value.encode(to: NodeEncoder(node: node, codingPath: [], cut: cut))
        }
    }

    fileprivate final class Node {
        var scalar: JSONValue?
        var object: [String: Node]?
        var array: [Node]?

        init(_ scalar: JSONValue? = nil) { self.scalar = scalar }

        var tree: JSONValue {
            if let object { return .object(object.mapValues(\.tree)) }
            if let array { return .array(array.map(\.tree)) }
            return scalar ?? .object([:])
        }
    }

    private struct NodeEncoder: Encoder {
        let node: Node
        var codingPath: [any CodingKey]
        let cut: Cut?
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if node.object == nil { node.object = [:] }
            return KeyedEncodingContainer(Keyed<Key>(node: node, codingPath: codingPath, cut: cut))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if node.array == nil { node.array = [] }
            return Unkeyed(node: node, codingPath: codingPath, cut: cut)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            Single(node: node, codingPath: codingPath, cut: cut)
        }
    }

    private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: Node
        var codingPath: [any CodingKey]
        let cut: Cut?

        private func child(_ key: Key) -> Node {
            let child = Node()
            node.object![key.stringValue] = child
            return child
        }

        mutating func encodeNil(forKey key: Key) throws { child(key).scalar = .null }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            guard let cut, cut.keys.contains(key.stringValue), let list = value as? [any Encodable] else {
                return try TreeEncoder.encode(value, into: child(key), cut: cut)
            }
            let name = key.stringValue
            node.object![name + "_total"] = Node(.integer(list.count))
            var kept = list[...]
            if let limit = cut.limit, list.count > limit {
                node.object![name + "_more"] = Node(.integer(list.count - limit))
                kept = list.prefix(limit)
            }
            let target = child(key)
            target.array = []
            for element in kept {
                let item = Node()
                target.array!.append(item)
                try TreeEncoder.encode(element, into: item, cut: cut)
            }
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            NodeEncoder(node: child(key), codingPath: codingPath + [key], cut: cut).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            NodeEncoder(node: child(key), codingPath: codingPath + [key], cut: cut).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder { NodeEncoder(node: node, codingPath: codingPath, cut: cut) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { NodeEncoder(node: child(key), codingPath: codingPath + [key], cut: cut) }
    }

    private struct Unkeyed: UnkeyedEncodingContainer {
        let node: Node
        var codingPath: [any CodingKey]
        let cut: Cut?
        var count: Int { node.array?.count ?? 0 }

        private func next() -> Node {
            let child = Node()
            node.array!.append(child)
            return child
        }

        mutating func encodeNil() throws { next().scalar = .null }
        mutating func encode<T: Encodable>(_ value: T) throws { try TreeEncoder.encode(value, into: next(), cut: cut) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            NodeEncoder(node: next(), codingPath: codingPath, cut: cut).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            NodeEncoder(node: next(), codingPath: codingPath, cut: cut).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder { NodeEncoder(node: next(), codingPath: codingPath, cut: cut) }
    }

    private struct Single: SingleValueEncodingContainer {
        let node: Node
        var codingPath: [any CodingKey]
        let cut: Cut?

        mutating func encodeNil() throws { node.scalar = .null }
        mutating func encode<T: Encodable>(_ value: T) throws { try TreeEncoder.encode(value, into: node, cut: cut) }
    }
}
