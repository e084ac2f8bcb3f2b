/// The edits that turn a file's text into another, by whole lines: each run of lines that differ
/// replaced, the lines both texts share left alone. What a code action sends for a change that
/// BearingCore made to the whole text (a status set and `updated:` touched, a list merged), so
/// that the editor touches only those lines and keeps its cursor, marks and folds elsewhere.
enum TextDifference {
    /// Past this many differing lines on either side, the lines between the first and the last
    /// that differ are replaced in one edit (the pairing of lines costs their product).
    static let pairingLimit = 400

    /// The edits from `old` to `new`, in order and not overlapping; empty when they are the same.
    static func edits(from old: LineIndex, to new: String, encoding: PositionEncoding) -> [TextEdit] {
        let before = lines(of: old.text)
        let after = lines(of: new)
        var prefix = 0
        while prefix < before.count, prefix < after.count, before[prefix] == after[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < before.count - prefix, suffix < after.count - prefix,
              before[before.count - 1 - suffix] == after[after.count - 1 - suffix] {
            suffix += 1
        }
        let removed = prefix..<(before.count - suffix)
        let added = prefix..<(after.count - suffix)
        if removed.isEmpty, added.isEmpty { return [] }
        let hunks = removed.count <= pairingLimit && added.count <= pairingLimit
            ? Self.hunks(Array(before[removed]), Array(after[added])).map { ($0.removed.shifted(by: prefix), $0.added.shifted(by: prefix)) }
            : [(removed, added)]
        return hunks.map { hunk in
            TextEdit(range: Range(start: Position(line: hunk.0.lowerBound, character: 0), end: end(ofLines: hunk.0, in: old, count: before.count, encoding: encoding)),
                     newText: after[hunk.1].joined())
        }
    }

    /// Where a run of old lines ends: the start of the line after it, or the end of a text whose
    /// last line has no break.
    private static func end(ofLines lines: Swift.Range<Int>, in old: LineIndex, count: Int, encoding: PositionEncoding) -> Position {
        let next = lines.upperBound
        let lastHasBreak = old.text.utf8.last == 10 || old.text.utf8.last == 13
        return next < count || (next == count && lastHasBreak) ? Position(line: next, character: 0) : old.end(encoding: encoding)
    }

    /// The runs of lines that differ between two lists of lines, paired through their longest
    /// common subsequence: each a range of `a` replaced by a range of `b`.
    static func hunks(_ a: [String], _ b: [String]) -> [(removed: Swift.Range<Int>, added: Swift.Range<Int>)] {
        // common[i][j]: the length of the longest common subsequence of a[i...] and b[j...].
        var common = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                common[i][j] = a[i] == b[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
            }
        }
        var hunks: [(removed: Swift.Range<Int>, added: Swift.Range<Int>)] = []
        var i = 0, j = 0, startA = 0, startB = 0
        func close() {
            if startA < i || startB < j { hunks.append((startA..<i, startB..<j)) }
        }
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                close()
                i += 1
                j += 1
                startA = i
                startB = j
            } else if j < b.count, i == a.count || common[i][j + 1] >= common[i + 1][j] {
                j += 1
            } else {
                i += 1
            }
        }
        close()
        return hunks
    }

    /// The lines of a text, each with its break (LF, CRLF or CR, as LineIndex counts them).
    /// Not BearingCore's `TextLines`: it breaks only at LF and CRLF, so on a file with a lone CR
    /// its line numbers would not be LineIndex's, and the edits would land on the wrong lines.
    static func lines(of text: String) -> [String] {
        var lines: [String] = []
        var current: [UInt8] = []
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            current.append(bytes[i])
            if bytes[i] == 13, i + 1 < bytes.count, bytes[i + 1] == 10 {
                current.append(10)
                i += 1
            }
            if bytes[i] == 10 || bytes[i] == 13 {
                lines.append(String(decoding: current, as: UTF8.self))
                current = []
            }
            i += 1
        }
        if !current.isEmpty { lines.append(String(decoding: current, as: UTF8.self)) }
        return lines
    }
}

private extension Swift.Range where Bound == Int {
    func shifted(by offset: Int) -> Swift.Range<Int> { (lowerBound + offset)..<(upperBound + offset) }
}
