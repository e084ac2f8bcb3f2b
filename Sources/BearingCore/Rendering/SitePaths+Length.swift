/// File names the output file system accepts. A file name may be 255 bytes (NAME_MAX on Linux,
/// macOS and Windows alike); a page's name is its source's name with `.html` for `.md`, two
/// bytes longer, and a tag, person or status slug is free text. Names over the limit are
/// shortened the same way on every build: their beginning, `-`, a hash of the whole name and
/// the extension, so two long names that share a beginning stay apart and links, built from the
/// same functions, find the page.
extension SitePaths {
    /// The longest file name written (bytes of UTF-8).
    public static let nameLimit = 255
    /// The longest slug in a file name: room for a prefix (`goals.`), a page number (`.12`) and `.html`.
    static let slugLimit = 200

    /// `path` with every part over `nameLimit` bytes shortened.
    public static func fitting(_ path: String) -> String {
        guard path.utf8.count > nameLimit else { return path }
        return path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.utf8.count > nameLimit ? shortened(String($0), to: nameLimit) : String($0) }
            .joined(separator: "/")
    }

    /// A slug (SitePaths.slug) short enough to become part of a file name.
    static func fittingSlug(_ text: String) -> String {
        let slug = self.slug(text)
        return slug.utf8.count > slugLimit ? shortened(slug, to: slugLimit) : slug
    }

    /// `name` in at most `limit` bytes: as much of its beginning as fits (whole characters),
    /// `-`, 16 hex digits of its hash, and its extension when that is short.
    static func shortened(_ name: String, to limit: Int) -> String {
        var stem = Substring(name)
        var suffix = ""
        if let dot = name.lastIndex(of: "."), dot != name.startIndex, name.utf8.distance(from: dot, to: name.endIndex) <= 16 {
            stem = name[..<dot]
            suffix = String(name[dot...])
        }
        let tag = "-" + hexHash(name)
        let budget = max(0, limit - tag.utf8.count - suffix.utf8.count)
        var prefix = ""
        var used = 0
        for character in stem {
            let size = character.utf8.count
            if used + size > budget { break }
            prefix.append(character)
            used += size
        }
        return prefix + tag + suffix
    }

    /// FNV-1a, 64 bits, as 16 hex digits: the same on every machine and run (Swift's Hasher is
    /// seeded per process).
    static func hexHash(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
