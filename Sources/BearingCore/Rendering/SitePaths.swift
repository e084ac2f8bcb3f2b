/// Output paths of the site: a document's page mirrors its source path with `.html` for `.md`.
public enum SitePaths {
    public static func page(for document: Document) -> String {
        let path = document.path
        return (path.lowercased().hasSuffix(".md") ? String(path.dropLast(3)) : path) + ".html"
    }
}
