/// One line's Unicode scalars and where each starts in UTF-8 and UTF-16 code units: what turns a
/// scalar column into an LSP character offset (and back) in constant or logarithmic time, so that
/// a line with thousands of links costs one pass, not one per link. Entry `k` of the offsets is
/// where scalar `k` starts; the last entry (`count`) is the line's length.
public struct LineView: Sendable {
    public let scalars: [Unicode.Scalar]
    private let utf8: [UInt32]
    private let utf16: [UInt32]

    init(_ text: Substring) {
        scalars = Array(text.unicodeScalars)
        var utf8: [UInt32] = [0]
        var utf16: [UInt32] = [0]
        utf8.reserveCapacity(scalars.count + 1)
        utf16.reserveCapacity(scalars.count + 1)
        for scalar in scalars {
            utf8.append(utf8[utf8.count - 1] + UInt32(scalar.utf8.count))
            utf16.append(utf16[utf16.count - 1] + UInt32(scalar.utf16.count))
        }
        self.utf8 = utf8
        self.utf16 = utf16
    }

    public var count: Int { scalars.count }

    /// Where scalar `index` (0-based, clamped to the line) starts, in code units of `encoding`.
    public func units(before index: Int, _ encoding: PositionEncoding) -> Int {
        let k = min(max(0, index), scalars.count)
        switch encoding {
        case .utf8: return Int(utf8[k])
        case .utf16: return Int(utf16[k])
        case .utf32: return k
        }
    }

    /// The first scalar that starts at or after `units` code units of `encoding` (the line's
    /// length past its end): a position inside a surrogate pair or a multi-byte sequence moves on
    /// to the next whole scalar.
    public func scalarIndex(atUnits units: Int, _ encoding: PositionEncoding) -> Int {
        guard units > 0 else { return 0 }
        let offsets: [UInt32]
        switch encoding {
        case .utf8: offsets = utf8
        case .utf16: offsets = utf16
        case .utf32: return min(units, scalars.count)
        }
        guard units <= Int(offsets[offsets.count - 1]) else { return scalars.count }
        var low = 0, high = offsets.count - 1
        while low < high {
            let middle = (low + high) / 2
            if Int(offsets[middle]) < units { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The UTF-8 length of the first `index` scalars (clamped).
    func utf8Length(upTo index: Int) -> Int { Int(utf8[min(max(0, index), scalars.count)]) }
}
