/// Encodes any `Encodable` value straight into a `JSONValue` tree, without writing and parsing
/// JSON text: what the templates and the JSON writer of the report and the site read.
/// Nil optionals are left out (as JSONEncoder does); dates and other custom encodings are kept.
enum TreeEncoder {
    static func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let node = Node()
        try encode(value, into: node)
        return node.tree
    }

    fileprivate static func encode<T: Encodable>(_ value: T, into node: Node) throws {
        switch value {
        case let string as String: node.scalar = .string(string)
        case let int as Int: node.scalar = .integer(int)
        case let double as Double: node.scalar = .number(double)
        case let bool as Bool: node.scalar = .bool(bool)
        default: try value.encode(to: NodeEncoder(node: node, codingPath: []))
        }
    }

    fileprivate final class Node {
        var scalar: JSONValue?
        var object: [String: Node]?
        var array: [Node]?

        var tree: JSONValue {
            if let object { return .object(object.mapValues(\.tree)) }
            if let array { return .array(array.map(\.tree)) }
            return scalar ?? .object([:])
        }
    }

    private struct NodeEncoder: Encoder {
        let node: Node
        var codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if node.object == nil { node.object = [:] }
            return KeyedEncodingContainer(Keyed<Key>(node: node, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if node.array == nil { node.array = [] }
            return Unkeyed(node: node, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            Single(node: node, codingPath: codingPath)
        }
    }

    private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: Node
        var codingPath: [any CodingKey]

        private func child(_ key: Key) -> Node {
            let child = Node()
            node.object![key.stringValue] = child
            return child
        }

        mutating func encodeNil(forKey key: Key) throws { child(key).scalar = .null }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try TreeEncoder.encode(value, into: child(key)) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            NodeEncoder(node: child(key), codingPath: codingPath + [key]).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            NodeEncoder(node: child(key), codingPath: codingPath + [key]).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder { NodeEncoder(node: node, codingPath: codingPath) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { NodeEncoder(node: child(key), codingPath: codingPath + [key]) }
    }

    private struct Unkeyed: UnkeyedEncodingContainer {
        let node: Node
        var codingPath: [any CodingKey]
        var count: Int { node.array?.count ?? 0 }

        private func next() -> Node {
            let child = Node()
            node.array!.append(child)
            return child
        }

        mutating func encodeNil() throws { next().scalar = .null }
        mutating func encode<T: Encodable>(_ value: T) throws { try TreeEncoder.encode(value, into: next()) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            NodeEncoder(node: next(), codingPath: codingPath).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            NodeEncoder(node: next(), codingPath: codingPath).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder { NodeEncoder(node: next(), codingPath: codingPath) }
    }

    private struct Single: SingleValueEncodingContainer {
        let node: Node
        var codingPath: [any CodingKey]

        mutating func encodeNil() throws { node.scalar = .null }
        mutating func encode<T: Encodable>(_ value: T) throws { try TreeEncoder.encode(value, into: node) }
    }
}
