/// Which of a knowledge base's other files (images, PDFs, data…) the site publishes (SPEC §7):
/// an allow-list of passive types, so a file a browser or a web server would run (`.shtml`,
/// `.xhtm`, `.svg`, `.js`, `.php`…) or one of a type nobody listed never reaches the site's
/// address, where it could run script for anyone who opens it. `unsafe_html: true` publishes
/// every file. One table serves `bearing build` and `bearing serve`, and gives the content type
/// `serve` sends. docs/security.md explains each entry.
public enum PublishPolicy {
    /// What the site does with a file.
    public enum Verdict: Sendable, Equatable {
        case published
        /// A type a browser or a web server runs as a page or a program; the extension as written.
        case active(String)
        /// A type not on the allow-list (or no extension at all).
        case unlisted(String)
    }

    /// The verdict on `path` (relative to the KB). Extensions are compared without case; every
    /// extension of the name counts, not only the last: web servers such as Apache read all of
    /// them (`evil.shtml.png` runs as server-side includes, `evil.html.gz` is served as HTML).
    /// The verdict on a file of the knowledge base (an asset); nil for its configuration files,
    /// bearing.yml and people.yml, which are never published nor warned about.
    public static func verdict(forAsset path: String, configuration: Configuration) -> Verdict? {
        guard path != Configuration.fileName, path != PeopleDirectory.fileName else { return nil }
        return verdict(for: path, unsafeHTML: configuration.unsafeHTML)
    }

    public static func verdict(for path: String, unsafeHTML: Bool) -> Verdict {
        if unsafeHTML { return .published }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let extensions = name.split(separator: ".", omittingEmptySubsequences: false).dropFirst().map(String.init)
        guard let last = extensions.last, !last.isEmpty else { return .unlisted("") }
        if let active = extensions.first(where: { activeExtensions.contains($0.lowercased()) }) { return .active(active) }
        guard passiveTypes[last.lowercased()] != nil else { return .unlisted(last) }
        return .published
    }

    /// The content type of a published file, by its (last) extension; nil when not on the list.
    public static func contentType(ofExtension ext: String) -> String? {
        passiveTypes[ext.lowercased()]
    }

    /// The allow-list: passive types a knowledge base needs, with the content type each is served with.
    static let passiveTypes: [String: String] = [
        // Pictures (SVG is not one: it can carry script).
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp",
        "avif": "image/avif", "ico": "image/x-icon", "bmp": "image/bmp", "tif": "image/tiff", "tiff": "image/tiff",
        // Documents.
        "pdf": "application/pdf",
        // Plain text and data, shown as text.
        "txt": "text/plain; charset=utf-8", "log": "text/plain; charset=utf-8", "csv": "text/csv; charset=utf-8",
        "tsv": "text/tab-separated-values; charset=utf-8", "json": "application/json",
        "yaml": "text/plain; charset=utf-8", "yml": "text/plain; charset=utf-8",
        // Fonts (a KB's own theme may use them).
        "woff": "font/woff", "woff2": "font/woff2", "ttf": "font/ttf", "otf": "font/otf",
        // Sound and video.
        "mp3": "audio/mpeg", "m4a": "audio/mp4", "wav": "audio/wav", "ogg": "audio/ogg", "oga": "audio/ogg", "opus": "audio/ogg",
        "flac": "audio/flac", "mp4": "video/mp4", "m4v": "video/mp4", "webm": "video/webm", "ogv": "video/ogg", "mov": "video/quicktime",
        // Office documents and archives: downloads, never opened by the browser itself.
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "odt": "application/vnd.oasis.opendocument.text", "ods": "application/vnd.oasis.opendocument.spreadsheet",
        "odp": "application/vnd.oasis.opendocument.presentation", "doc": "application/msword", "xls": "application/vnd.ms-excel",
        "ppt": "application/vnd.ms-powerpoint", "rtf": "application/rtf", "zip": "application/zip",
    ]

    /// Types a browser opens as a page, a picture with script or a script, and types web servers
    /// run as programs: never published without `unsafe_html`, wherever they stand in a name.
    static let activeExtensions: Set<String> = [
        "html", "htm", "shtml", "shtm", "stm", "xhtml", "xhtm", "xht", "mht", "mhtml", "svg", "svgz",
        "js", "mjs", "cjs", "wasm", "xml", "xsl", "xslt", "rss", "atom", "rdf", "swf", "hta", "vbs",
        "php", "php3", "php4", "php5", "php7", "phtml", "phps", "phar", "asp", "aspx", "ashx", "asmx",
        "jsp", "jspx", "cgi", "pl", "py", "rb", "sh",
    ]
}
