/// Reads what BinaryWriter wrote, in the same order. Any read past the end, or a number or length
/// out of range, throws `Malformed`: the cache holding it is then discarded, never trusted.
struct BinaryReader {
    struct Malformed: Error {}

    private let buffer: UnsafeRawBufferPointer
    private(set) var offset = 0

    /// Reads from `buffer`, which must outlive the reader (use it inside `withUnsafeBytes`).
    init(_ buffer: UnsafeRawBufferPointer, offset: Int = 0) {
        self.buffer = buffer
        self.offset = min(max(offset, 0), buffer.count)
    }

    var isAtEnd: Bool { offset == buffer.count }

    mutating func int() throws -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < buffer.count, shift < 64 else { throw Malformed() }
            let byte = buffer[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return Int(Int64(bitPattern: result)) }
            shift += 7
        }
    }

    /// A count or length: never negative, never more than the bytes left.
    mutating func count() throws -> Int {
        let value = try int()
        guard value >= 0, value <= buffer.count - offset else { throw Malformed() }
        return value
    }

    mutating func word() throws -> UInt64 {
        guard buffer.count - offset >= 8 else { throw Malformed() }
        let value = buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        offset += 8
        return UInt64(littleEndian: value)
    }

    mutating func bool() throws -> Bool {
        guard offset < buffer.count, buffer[offset] <= 1 else { throw Malformed() }
        offset += 1
        return buffer[offset - 1] == 1
    }

    mutating func string() throws -> String {
        let length = try count()
        let bytes = UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + length])
        offset += length
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `length` raw bytes.
    mutating func bytes(_ length: Int) throws -> UnsafeRawBufferPointer {
        guard length >= 0, length <= buffer.count - offset else { throw Malformed() }
        offset += length
        return UnsafeRawBufferPointer(rebasing: buffer[offset - length..<offset])
    }

    mutating func optional<T>(_ read: (inout BinaryReader) throws -> T) throws -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func array<T>(_ read: (inout BinaryReader) throws -> T) throws -> [T] {
        let count = try count()
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }
}
