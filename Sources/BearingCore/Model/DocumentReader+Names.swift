/// What a file's path says: its default id, file name and record number.
extension DocumentReader {
    /// `[A-Za-z0-9][A-Za-z0-9._/-]*` (SPEC §1.1).
    static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, first.isASCIIAlphanumeric else { return false }
        return id.unicodeScalars.allSatisfy { $0.isASCIIAlphanumeric || "._/-".unicodeScalars.contains($0) }
    }

    /// The file name without `.md`; for the README of a numbered record folder (a KEP's
    /// `keps/sig-node/281-dynamic-kubelet-config/README.md`; a folder named by a bare number holds
    /// a record's pictures and notes, not the record), the folder's name.
    static func defaultID(of path: String) -> String {
        let stem = stem(of: path)
        guard DocumentClassifier.indexNames.contains(stem.lowercased()), let folder = path.split(separator: "/").dropLast().last,
              DocumentClassifier.recordNumber(in: String(folder)) != nil, !folder.allSatisfy(\.isASCIIDigit) else { return stem }
        return String(folder)
    }

    static func stem(of path: String) -> String {
        let name = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path[path.index(after: $0)...] } ?? Substring(path)
        return String(name.isMarkdownPath ? name.dropLast(3) : name)
    }

    /// `0007-use-x` → 7; date-like prefixes (`20201016-…`) are not sequence numbers.
    static func number(inFileName stem: String) -> Int? {
        let digits = stem.prefix { $0.isASCII && $0.isNumber }
        guard (1...5).contains(digits.count), stem.count == digits.count || stem.dropFirst(digits.count).first.map({ "-_.".contains($0) }) == true,
              !DocumentClassifier.startsWithDate(Substring(stem)) else { return nil }
        return Int(digits)
    }

    /// `0007-` of `0007-use-x`: a file name's number (see `number(inFileName:)`) as written, with
    /// the mark after it; nil when the name has no such number or nothing follows it.
    static func numberPrefix(inFileName stem: String) -> String? {
        guard number(inFileName: stem) != nil else { return nil }
        let digits = stem.prefix { $0.isASCII && $0.isNumber }
        guard let mark = stem.dropFirst(digits.count).first else { return nil }
        return String(digits) + String(mark)
    }

    /// A record's number: from its file name (`0007-x.md`, `ADR-10.md`, `eip-1559.md`), or for a
    /// folder's README (a KEP) from the folder's name (`281-dynamic-kubelet-config/README.md`).
    static func number(of path: String) -> Int? {
        let stem = stem(of: path)
        if let number = number(inFileName: stem) ?? DocumentClassifier.recordNumber(in: stem) { return number }
        guard DocumentClassifier.indexNames.contains(stem.lowercased()), let folder = path.split(separator: "/").dropLast().last,
              defaultID(of: path) != stem else { return nil }
        return DocumentClassifier.recordNumber(in: String(folder))
    }

    /// `1. Record architecture decisions` → `Record architecture decisions`.
    static func strippingNumber(_ title: String) -> String {
        var rest = Substring(title.trimmingSpaces())
        if rest.lowercased().hasPrefix("adr") { rest = rest.dropFirst(3); if rest.first == "-" || rest.first == " " { rest = rest.dropFirst() } }
        let digits = rest.prefix(while: \.isASCIIDigit)
        guard !digits.isEmpty else { return title }
        rest = rest.dropFirst(digits.count)
        guard let mark = rest.first, mark == "." || mark == ":", rest.dropFirst().first == " " else { return title }
        let remainder = rest.dropFirst(2).trimmingSpaces()
        return remainder.isEmpty ? title : remainder
    }
}
