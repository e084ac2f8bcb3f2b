/// A fast 128-bit checksum of bytes, eight at a time: what tells a build cache's damaged bytes
/// (and a file's changed content) from intact ones. Not cryptographic: the cache guards against
/// accidents (a truncated write, a flipped bit, an edit), not against someone who can write the
/// knowledge base's files anyway. Each step is a bijection of the state for a given word, so any
/// single changed word always changes the result.
struct Checksum: Hashable, Sendable {
    var high: UInt64
    var low: UInt64

    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    init(_ bytes: UnsafeRawBufferPointer) {
        var accumulator = Accumulator()
        accumulator.add(bytes)
        self = accumulator.result
    }

    init(_ bytes: [UInt8]) {
        self = bytes.withUnsafeBytes { Checksum($0) }
    }

    func write(to writer: inout BinaryWriter) {
        writer.word(high)
        writer.word(low)
    }

    init(from reader: inout BinaryReader) throws {
        high = try reader.word()
        low = try reader.word()
    }

    /// The checksum of bytes given in parts: the same as of all of them at once.
    struct Accumulator {
        private var a: UInt64 = 0x9E37_79B9_7F4A_7C15
        private var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        private var count: UInt64 = 0
        /// Bytes of a word not complete yet, and how many.
        private var pending: UInt64 = 0
        private var pendingCount = 0

        private mutating func mix(_ word: UInt64) {
            a = (a ^ word) &* 0xFF51_AFD7_ED55_8CCD
            a = (a << 31) | (a >> 33)
            b = (b ^ word) &* 0xC4CE_B9FE_1A85_EC53
            b = ((b << 27) | (b >> 37)) &+ a
        }

        mutating func add(_ bytes: UnsafeRawBufferPointer) {
            count &+= UInt64(bytes.count)
            var offset = 0
            while pendingCount > 0, pendingCount < 8, offset < bytes.count {
                pending |= UInt64(bytes[offset]) << (8 * UInt64(pendingCount))
                pendingCount += 1
                offset += 1
            }
            if pendingCount == 8 {
                mix(pending)
                (pending, pendingCount) = (0, 0)
            }
            while bytes.count - offset >= 8 {
                mix(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                offset += 8
            }
            while offset < bytes.count {
                pending |= UInt64(bytes[offset]) << (8 * UInt64(pendingCount))
                pendingCount += 1
                offset += 1
            }
        }

        mutating func add(_ bytes: some Collection<UInt8>) {
            if bytes.withContiguousStorageIfAvailable({ add(UnsafeRawBufferPointer($0)) }) == nil { add(Array(bytes)) }
        }

        mutating func add(_ bytes: [UInt8]) { bytes.withUnsafeBytes { add($0) } }

        var result: Checksum {
            var copy = self
            copy.mix(copy.pending)
            copy.mix(count)
            // Finalisation (murmur3's) so that nearby inputs give unrelated results.
            func finish(_ x: UInt64) -> UInt64 {
                var x = x
                x ^= x >> 33
                x = x &* 0xFF51_AFD7_ED55_8CCD
                x ^= x >> 33
                x = x &* 0xC4CE_B9FE_1A85_EC53
                return x ^ (x >> 33)
            }
            return Checksum(high: finish(copy.a), low: finish(copy.b ^ copy.a))
        }
    }
}
