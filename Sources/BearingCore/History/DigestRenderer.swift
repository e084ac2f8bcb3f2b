/// The digest's forms: Markdown that reads well as an email (short, grouped, linked when there is
/// somewhere to link to), the same as a small HTML page, and JSON.
public enum DigestRenderer {
    public static func json(_ digest: WeeklyDigest) throws -> String { try JSONWriter.encode(digest) }

    /// `link` gives the address of a document, nil for none (the title is then plain text); by
    /// default the one the digest holds (its page under `base_url`). The site passes relative
    /// links to its own pages.
    public static func markdown(_ digest: WeeklyDigest, link: (KnowledgeBaseChange.Entry) -> String? = { $0.link }) -> String {
        var lines = ["# \(Escape.markdown(heading(digest)))", ""]
        var dates = "*\(digest.since) to \(digest.until)" + (digest.in_progress ? ", so far (to \(digest.as_of))*" : "*")
        if digest.source == "dates" { dates += " (no git history: changes found by the documents' dates)" }
        lines.append(dates)
        func title(_ entry: KnowledgeBaseChange.Entry) -> String {
            link(entry).map { "[\(Escape.markdown(entry.title))](\(destination($0)))" } ?? Escape.markdown(entry.title)
        }
        func name(_ entry: KnowledgeBaseChange.Entry) -> String { "**\(title(entry))** (\(entry.type), \(Escape.markdown(entry.status)))" }
        func people(_ list: [WeeklyDigest.Who]) -> String { list.map { Escape.markdown($0.name) }.joined(separator: ", ") }
        func reviewers(_ item: WeeklyDigest.Item) -> String {
            var parts: [String] = []
            if let awaiting = item.awaiting, !awaiting.isEmpty { parts.append("awaiting " + people(awaiting)) }
            if let signed = item.signed_off, !signed.isEmpty { parts.append("signed off: " + people(signed)) }
            return parts.isEmpty ? "" : " · " + parts.joined(separator: "; ")
        }
        func section(_ title: String, _ items: [String]) {
            guard !items.isEmpty else { return }
            lines += ["", "## \(title)", ""]
            lines += items.map { "- " + $0 }
        }
        if digest.groups.isEmpty {
            lines += ["", digest.in_progress ? "Nothing changed this week so far." : "Nothing changed this week."]
        } else {
            lines += ["", digest.summary + ".", "", "## What changed, by goal"]
            for group in digest.groups {
                let heading = group.goal.map { title($0) + (group.progress.map { " · \($0)" } ?? "") } ?? "Not serving a goal"
                lines += ["", "### \(heading)", ""]
                lines += group.changes.map { line in
                    "- \(name(line.document)): \(Escape.markdown(line.what))"
                        + (line.also.isEmpty ? "" : " · also serves " + line.also.map(title).joined(separator: ", "))
                }
            }
        }
        section("Decisions made", digest.decisions.map { "\(name($0.document))" + ($0.note.isEmpty ? "" : " on \($0.note)") })
        section("Sign-offs", digest.sign_offs.map { signOff in
            "\(name(signOff.document)): \(Escape.markdown(signOff.by.name))" + (signOff.date.map { " on \($0)" } ?? "")
                + (signOff.note.map { " — “\(Escape.markdown($0))”" } ?? "")
        })
        section("Status changes", digest.status_changes.map { "\(title($0.document)): \(Escape.markdown($0.from)) → **\(Escape.markdown($0.to))**" })
        section("Goal progress", digest.progress_changes.map { "\(title($0.document)): \($0.from.map { "\($0)%" } ?? "unknown") → **\($0.to.map { "\($0)%" } ?? "unknown")**" })
        section("Reviews due next week", digest.reviews_due.map { "\(name($0.document)) by \($0.note)" + reviewers($0) })
        section("Late", digest.late.map { "\(name($0.document)): \($0.note)" + reviewers($0) })
        section("Who needs to act", digest.needs_action.map { person in
            var duties: [String] = []
            if !person.overdue.isEmpty { duties.append("overdue: " + person.overdue.map(title).joined(separator: ", ")) }
            if !person.reviews.isEmpty { duties.append("review: " + person.reviews.map(title).joined(separator: ", ")) }
            if !person.decides.isEmpty { duties.append("decide: " + person.decides.map(title).joined(separator: ", ")) }
            return "**\(Escape.markdown(person.name))**: " + duties.joined(separator: "; ")
        })
        section("Contributors", digest.contributors.isEmpty ? [] : [digest.contributors.map { "\(Escape.markdown($0.name)) (\($0.commits))" }.joined(separator: ", ")])
        return lines.joined(separator: "\n") + "\n"
    }

    /// `Acme: week 2027-W06`, `Acme: week 2027-W07 (in progress)`.
    public static func heading(_ digest: WeeklyDigest) -> String {
        "\(digest.title): week \(digest.period)" + (digest.in_progress ? " (in progress)" : "")
    }

    /// A link destination as Markdown reads it: in `<…>` when it has spaces or parentheses.
    static func destination(_ url: String) -> String {
        url.contains { $0 == " " || $0 == "(" || $0 == ")" || $0 == "<" || $0 == ">" } ? "<\(url.replacingOccurrences(of: ">", with: "%3E").replacingOccurrences(of: "<", with: "%3C"))>" : url
    }

    /// The Markdown form as HTML (cmark-gfm, raw HTML escaped), with links from `link` (absolute
    /// or relative URLs, given as is).
    public static func htmlBody(_ digest: WeeklyDigest, link: (KnowledgeBaseChange.Entry) -> String? = { $0.link }) -> String {
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
            <title>\(Escape.html(heading(digest)))</title>
            <style>body{font:16px/1.5 system-ui,sans-serif;max-width:44rem;margin:1rem auto;padding:0 1rem;color:#1d2330}h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:1.6rem;border-bottom:1px solid #d9dee7}h3{font-size:1rem}</style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }
}
