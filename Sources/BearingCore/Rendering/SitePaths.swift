/// Output paths of the site: a document's page mirrors its source path with `.html` for `.md`
/// (SiteLinks moves the few that would land on the site's own pages under `_doc/`: ask it for
/// a document's page).
public enum SitePaths {
    static func page(for document: Document) -> String { page(forPath: document.path) }

    /// `goals/a.md` → `goals/a.html`.
    public static func page(forPath path: String) -> String {
        (path.lowercased().hasSuffix(".md") ? String(path.dropLast(3)) : path) + ".html"
    }

    /// The way from a page at `path` up to the site's root: `""`, `"../"`, `"../../"`, ….
    public static func root(from path: String) -> String {
        String(repeating: "../", count: path.utf8.filter { $0 == UInt8(ascii: "/") }.count)
    }

    /// A file name made from any text (a tag, a person id): lowercase letters, digits, `-` and
    /// `_`, other characters as `-`, never empty, never `.` or `..`.
    public static func slug(_ text: String) -> String {
        var result = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" {
                result.unicodeScalars.append(scalar)
            } else if !result.hasSuffix("-") {
                result.append("-")
            }
        }
        while result.hasPrefix("-") { result.removeFirst() }
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? "_" : result
    }
}
