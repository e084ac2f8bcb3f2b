/// Output paths of the site: a document's page mirrors its source path with `.html` for `.md`,
/// so relative links between pages are the links between the files, `.md` turned into `.html`.
public enum SitePaths {
    public static func page(for document: Document) -> String {
        let path = document.path
        return (path.lowercased().hasSuffix(".md") ? String(path.dropLast(3)) : path) + ".html"
    }

    /// The page a relative link to a Markdown file points to (`../goals/a.md#kr` →
    /// `../goals/a.html#kr`); nil for links that are not relative links to `.md` files.
    public static func pageURL(forLink url: String) -> String? {
        guard let first = url.utf8.first, first != UInt8(ascii: "/"), first != UInt8(ascii: "#"),
              !ReferenceResolver.hasScheme(url) else { return nil }
        let cut = url.utf8.firstIndex { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") } ?? url.endIndex
        let path = url[..<cut]
        guard path.utf8.count > 3, path.lowercased().hasSuffix(".md") else { return nil }
        return String(path.dropLast(3)) + ".html" + url[cut...]
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
