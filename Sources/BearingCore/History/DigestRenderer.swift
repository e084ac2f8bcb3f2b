/// The digest's forms: Markdown that reads well as an email (short, grouped, linked by path),
/// the same as a small HTML page, and JSON.
public enum DigestRenderer {
    public static func json(_ digest: WeeklyDigest) throws -> String { try JSONWriter.encode(digest) }

    /// `link` gives the address of a document (its page in the site), nil for none.
    public static func markdown(_ digest: WeeklyDigest, link: (KnowledgeBaseChange.Entry) -> String? = { _ in nil }) -> String {
        var lines = ["# \(Escape.markdown(digest.title)): week \(digest.period)", ""]
        lines.append("*\(digest.since) to \(digest.until)*" + (digest.source == "dates" ? " (no git history: changes found by the documents' dates)" : ""))
        func title(_ entry: KnowledgeBaseChange.Entry) -> String {
            link(entry).map { "[\(Escape.markdown(entry.title))](\($0))" } ?? Escape.markdown(entry.title)
        }
        func name(_ entry: KnowledgeBaseChange.Entry) -> String { "**\(title(entry))** (\(entry.type), \(Escape.markdown(entry.status)))" }
        func section(_ title: String, _ items: [String]) {
            guard !items.isEmpty else { return }
            lines += ["", "## \(title)", ""]
            lines += items.map { "- " + $0 }
        }
        if digest.groups.isEmpty {
            lines += ["", "Nothing changed this week."]
        } else {
            lines += ["", "## What changed, by goal"]
            for group in digest.groups {
                let heading = group.goal.map { title($0) + (group.progress.map { " · \($0)" } ?? "") } ?? "Not serving a goal"
                lines += ["", "### \(heading)", ""]
                lines += group.changes.map { "- \(name($0.document)): \(Escape.markdown($0.what))" }
            }
        }
        section("Decisions made", digest.decisions.map { "\(name($0.document))" + ($0.note.isEmpty ? "" : " on \($0.note)") })
        section("Status changes", digest.status_changes.map { "\(Escape.markdown($0.document.title)): \(Escape.markdown($0.from)) → **\(Escape.markdown($0.to))**" })
        section("Goal progress", digest.progress_changes.map { "\(Escape.markdown($0.document.title)): \($0.from.map { "\($0)%" } ?? "unknown") → **\($0.to.map { "\($0)%" } ?? "unknown")**" })
        section("Reviews due next week", digest.reviews_due.map { "\(name($0.document)) by \($0.note)" })
        section("Late", digest.late.map { "\(name($0.document)): \($0.note)" })
        section("Who needs to act", digest.needs_action.map { person in
            var duties: [String] = []
            if !person.overdue.isEmpty { duties.append("overdue: " + person.overdue.map { Escape.markdown($0.title) }.joined(separator: ", ")) }
            if !person.reviews.isEmpty { duties.append("review: " + person.reviews.map { Escape.markdown($0.title) }.joined(separator: ", ")) }
            if !person.decides.isEmpty { duties.append("decide: " + person.decides.map { Escape.markdown($0.title) }.joined(separator: ", ")) }
            return "**\(Escape.markdown(person.name))**: " + duties.joined(separator: "; ")
        })
        section("Contributors", digest.contributors.isEmpty ? [] : [digest.contributors.map { "\(Escape.markdown($0.name)) (\($0.commits))" }.joined(separator: ", ")])
        return lines.joined(separator: "\n") + "\n"
    }

    /// The Markdown form as HTML (cmark-gfm, raw HTML escaped), with links from `link` (absolute
    /// or relative URLs, given as is).
    public static func htmlBody(_ digest: WeeklyDigest, link: (KnowledgeBaseChange.Entry) -> String? = { _ in nil }) -> String {
        var options = MarkdownParser.Options(renderHTML: true)
        options.placeholders = false  // not a page of the KB: its links are final already
        return MarkdownParser.parse(markdown(digest, link: link), options: options).html ?? ""
    }

    /// The Markdown form rendered by cmark-gfm (raw HTML escaped) in a plain page for email.
    public static func html(_ digest: WeeklyDigest) -> String {
        let body = htmlBody(digest)
        return """
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(Escape.html(digest.title)): week \(Escape.html(digest.period))</title>
            <style>body{font:16px/1.5 system-ui,sans-serif;max-width:44rem;margin:1rem auto;padding:0 1rem;color:#1d2330}h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:1.6rem;border-bottom:1px solid #d9dee7}h3{font-size:1rem}</style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }
}
