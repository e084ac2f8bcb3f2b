import Foundation
import Mustache

/// The theme: the default templates built into the binary (the top-level `templates/` folder),
/// with any file of a KB's own `templates/` folder overriding the default of the same name.
public struct TemplateSet: Sendable {
    /// Relative path (`report/report.md.mustache`, `report/report.css`) → text.
    public private(set) var files: [String: String]
    /// The files a KB overrides, for telling the user.
    public private(set) var overridden: [String] = []

    public static let defaults = TemplateSet(files: EmbeddedTemplates.files)

    public init(files: [String: String]) {
        self.files = files
    }

    /// The defaults with the KB's `templates/` folder laid over them. Unreadable files are diagnostics.
    public static func load(knowledgeBase root: String) -> (TemplateSet, [Diagnostic]) {
        var set = defaults
        var diagnostics: [Diagnostic] = []
        let folder = (root.hasSuffix("/") ? root : root + "/") + "templates"
        guard let walk = FileManager.default.enumerator(atPath: folder) else { return (set, []) }
        for case let relative as String in walk {
            var isDirectory: ObjCBool = false
            let path = folder + "/" + relative
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  !relative.hasPrefix("new/") else { continue }
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                diagnostics.append(Diagnostic(.error, .unreadableFile, "cannot read template (not UTF-8 text)",
                                              at: SourceLocation(path: "templates/" + relative, line: 1, column: 1)))
                continue
            }
            set.files[relative] = text
            set.overridden.append(relative)
        }
        set.overridden.sort()
        return (set, diagnostics)
    }

    /// The Mustache templates, named by path without `.mustache` (`report/report.md`), so partials
    /// are written `{{> report/goal.md}}`.
    public func library() throws -> MustacheLibrary {
        MarkdownContentType.registerOnce
        FastHTMLContentType.registerOnce
        var library = MustacheLibrary()
        for (path, text) in files.sorted(by: { $0.key < $1.key }) where path.hasSuffix(".mustache") {
            do {
                library.register(try MustacheTemplate(string: text), named: String(path.dropLast(".mustache".count)))
            } catch {
                throw TemplateError(path: path, message: "\(error)")
            }
        }
        return library
    }
}

public struct TemplateError: Error, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "templates/\(path): \(message)" }
}

/// `{{% CONTENT_TYPE: HTML}}`: the same escapes as Mustache's default (`& < > " '`), done on
/// bytes; the default theme's HTML templates name it, which makes rendering several times faster.
struct FastHTMLContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { Escape.html(text) }

    static let registerOnce: Void = MustacheContentTypes.register(FastHTMLContentType(), named: "HTML")
}

/// `{{% CONTENT_TYPE: MARKDOWN}}`: `{{value}}` is escaped for inline Markdown.
struct MarkdownContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { Escape.markdown(text) }

    static let registerOnce: Void = MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
}
