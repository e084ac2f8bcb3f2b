import Foundation

/// The content type `bearing serve` sends a site file with, by its extension: the site's own
/// pages, styles, scripts and feeds, and the KB's files by the allow-list (PublishPolicy), which
/// also decides which of them are served at all.
public enum ContentType {
    public static func of(_ path: String) -> String {
        let ext = (path as NSString).pathExtension.lowercased()
        return siteTypes[ext] ?? PublishPolicy.contentType(ofExtension: ext) ?? "application/octet-stream"
    }

    /// What Bearing itself writes (the theme's icon is its only SVG; a KB's are published only with `unsafe_html`).
    static let siteTypes: [String: String] = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "xml": "application/xml; charset=utf-8", "svg": "image/svg+xml", "md": "text/plain; charset=utf-8",
    ]
}
