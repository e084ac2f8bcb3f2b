/// Renders a query result as it replaces its block: a table, a list or a count, in Markdown or HTML.
public struct QueryResultRenderer: Sendable {
    /// The link to a document, by id (a page of the site, a source path, …), already URL-safe.
    public var link: @Sendable (String) -> String?

    public init(link: @escaping @Sendable (String) -> String?) {
        self.link = link
    }

    public func markdown(_ result: QueryResult) -> String {
        switch result.layout {
        case .count:
            return "**\(result.total)**\n"
        case .list:
            guard !result.rows.isEmpty else { return "*No matching documents.*\n" }
            return result.rows.map { row in
                let rest = row.cells.dropFirst().map(cellMarkdown).filter { !$0.isEmpty }
                return "- " + cellMarkdown(row.cells.first ?? []) + (rest.isEmpty ? "" : " — " + rest.joined(separator: " · "))
            }.joined(separator: "\n") + "\n" + more(result)
        case .table:
            guard !result.rows.isEmpty else { return "*No matching documents.*\n" }
            var lines = ["| " + result.columns.map { Escape.markdown(Self.heading($0)) }.joined(separator: " | ") + " |",
                         "|" + String(repeating: " --- |", count: result.columns.count)]
            for row in result.rows { lines.append("| " + row.cells.map(cellMarkdown).joined(separator: " | ") + " |") }
            return lines.joined(separator: "\n") + "\n" + more(result)
        }
    }

    public func html(_ result: QueryResult) -> String {
        switch result.layout {
        case .count:
            return "<p class=\"query-count\"><strong>\(result.total)</strong></p>\n"
        case .list:
            guard !result.rows.isEmpty else { return "<p class=\"query-empty\">No matching documents.</p>\n" }
            var html = "<ul class=\"query-list\">\n"
            for row in result.rows {
                let rest = row.cells.dropFirst().map(cellHTML).filter { !$0.isEmpty }
                html += "<li>" + cellHTML(row.cells.first ?? []) + (rest.isEmpty ? "" : " — " + rest.joined(separator: " · ")) + "</li>\n"
            }
            return html + "</ul>\n" + moreHTML(result)
        case .table:
            guard !result.rows.isEmpty else { return "<p class=\"query-empty\">No matching documents.</p>\n" }
            var html = "<table class=\"query-table\">\n<thead><tr>"
            for column in result.columns { html += "<th scope=\"col\">\(Escape.html(Self.heading(column)))</th>" }
            html += "</tr></thead>\n<tbody>\n"
            for row in result.rows { html += "<tr>" + row.cells.map { "<td>" + cellHTML($0) + "</td>" }.joined() + "</tr>\n" }
            return html + "</tbody>\n</table>\n" + moreHTML(result)
        }
    }

    /// A column heading from a field name: `review_by` → `review by`.
    static func heading(_ field: String) -> String {
        String(field.map { $0 == "_" || $0 == "-" ? " " : $0 })
    }

    private func cellMarkdown(_ parts: [QueryResult.Part]) -> String {
        parts.map { part in
            let text = Escape.markdown(part.text)
            guard let target = part.target, let href = link(target) else { return text }
            return "[\(text)](\(href))"
        }.joined(separator: ", ")
    }

    private func cellHTML(_ parts: [QueryResult.Part]) -> String {
        parts.map { part in
            let text = Escape.html(part.text)
            guard let target = part.target, let href = link(target) else { return text }
            return "<a href=\"\(Escape.html(href))\">\(text)</a>"
        }.joined(separator: ", ")
    }

    private func more(_ result: QueryResult) -> String {
        result.total > result.rows.count ? "\n*\(result.rows.count) of \(result.total) shown.*\n" : ""
    }

    private func moreHTML(_ result: QueryResult) -> String {
        result.total > result.rows.count ? "<p class=\"query-more\">\(result.rows.count) of \(result.total) shown.</p>\n" : ""
    }
}
