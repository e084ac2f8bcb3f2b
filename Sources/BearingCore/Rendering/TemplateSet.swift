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
    /// The folder is part of the knowledge base: links in it (or the folder itself) that leave the
    /// knowledge base are not followed.
    public static func load(knowledgeBase root: String) -> (TemplateSet, [Diagnostic]) {
        var set = defaults
        var diagnostics: [Diagnostic] = []
        let folder = (root.hasSuffix("/") ? root : root + "/") + "templates"
        let boundary = KnowledgeBaseBoundary(root: root)
        if case .outside(let target) = boundary.locate("templates") {
            return (set, [.linkLeavingKnowledgeBase("templates", to: target)])
        }
        guard FileReader.isDirectory(folder) else { return (set, []) }
        // The loader's own walk (symlink loops, dot-folders, the boundary) and reading (invalid UTF-8
        // located); `new/` holds the templates of `bearing new`, not of the theme.
        let files = FolderFiles(root: folder, boundary: boundary)
        let scan = files.scan(ignore: IgnoreRules([]), excludedTopLevel: ["new"])
        diagnostics += scan.diagnostics.map { $0.inTemplates }
        for relative in (scan.markdown.map(\.path) + scan.assets).sorted() {
            let (text, problems) = KnowledgeBaseLoader.readText(files, relative)
            diagnostics += problems.map(\.inTemplates)
            guard let text, problems.isEmpty else { continue }
            set.files[relative] = text
            set.overridden.append(relative)
        }
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

extension TemplateSet {
    /// The site's page templates (`site/*.html.mustache`), compiled, by name without `.mustache`.
    public func pageTemplates() throws -> [String: PageTemplate] {
        var result: [String: PageTemplate] = [:]
        for (path, text) in files.sorted(by: { $0.key < $1.key }) where path.hasPrefix("site/") && path.hasSuffix(".html.mustache") {
            do {
                result[String(path.dropLast(".mustache".count))] = try PageTemplate(text)
            } catch {
                throw TemplateError(path: path, message: "\(error)")
            }
        }
        return result
    }
}

extension Diagnostic {
    /// A diagnostic of a file of `templates/`, located from the knowledge base.
    fileprivate var inTemplates: Diagnostic {
        var located = self
        located.location.path = "templates/" + location.path
        return located
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
