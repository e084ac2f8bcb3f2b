import Foundation

/// A random knowledge base from a seed (property tests): documents of every type with random
/// front matter (valid, odd and broken), random Markdown (nesting, tables, code, queries, HTML),
/// references between the documents by id, path, wikilink and anchor, and weird file names.
struct RandomKnowledgeBase {
    private(set) var files: [String: String] = [:]
    private var random: SeededRandom
    /// Each document's id and path, as the others refer to them.
    private var documents: [(id: String, path: String)] = []

    init(seed: UInt64, documentCount: Int = 14) {
        random = SeededRandom(seed: seed)
        for index in 0..<documentCount {
            let folder = random.pick(Self.folders)
            let id = "\(random.pick(["g", "d", "b", "n", "x"]))-\(index)-\(random.pick(["alpha", "β", "Case", "long-name", "a.b", "x_y"]))"
            documents.append((id, folder.isEmpty ? fileName(id) : folder + "/" + fileName(id)))
        }
        for (id, path) in documents { files[path] = document(id: id) }
        if random.chance(70) { files["people.yml"] = people() }
        if random.chance(60) { files["bearing.yml"] = configuration() }
    }

    static let folders = ["goals", "decisions", "briefs", "notes", "docs/adr", "adr", "rfcs/0001-x", "", "a b/c d", "ünï", "deep/er/still"]
    static let statuses = ["draft", "proposed", "accepted", "active", "done", "in-review", "superseded", "deprecated", "rejected",
                           "Accepted ✅", "", "on-hold", "at-risk", "weird status"]
    static let people = ["li", "maria", "Dan", "ghost", "team-growth", "@li", "ünï"]
    static let words = ["alpha", "beta", "the", "ümlaut", "日本語", "emoji 🚀", "x<y", "a&b", "\"quoted\"", "`code`", "*star*", "_under_",
                        "<script>alert(1)</script>", "javascript:alert(1)", "\u{0007}bell", "tab\there", "-", "#", "|", "\\", "'"]

    private mutating func fileName(_ id: String) -> String {
        let base = random.pick([id, id.uppercased(), "\(random.int(1...9999))-\(id)", "\(id) (copy)", "\(id)#hash", "\(id)%20x",
                                "-\(id)", "\(id)[1]", String(repeating: "l", count: random.int(1...180)) + id, "\(id).v2"])
        return base + random.pick([".md", ".md", ".md", ".MD", ".markdown"])
    }

    private mutating func document(id: String) -> String {
        var text = random.chance(5) ? "\u{FEFF}" : ""
        switch random.int(1...100) {
        case 1...70: text += "---\n" + frontMatter(id: id) + "---\n"
        case 71...75: text += "---\n" + frontMatter(id: id)  // never closed
        case 76...80: text += "---\n- a list\n- not a mapping\n---\n"
        case 81...85: text += "---\ntitle: [unclosed\nstatus: {\n---\n"
        case 86...88: text += "<!-- licence header -->\n---\ntitle: after a comment\n---\n"
        default: break
        }
        text += body()
        if random.chance(10) { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
        else if random.chance(3) { text = text.replacingOccurrences(of: "\n", with: "\r") }
        if random.chance(5) { text = String(text.dropLast(random.int(0...min(20, text.count)))) }
        return text
    }

    private mutating func frontMatter(id: String) -> String {
        var lines: [String] = []
        if random.chance(80) { lines.append("type: \(random.pick(["goal", "decision", "brief", "note", "Goal", "adr", "unknown", "[goal]"]))") }
        if random.chance(70) { lines.append("id: \(random.chance(90) ? id : random.pick(documents).id)") }
        if random.chance(80) { lines.append("title: \(scalar())") }
        if random.chance(80) { lines.append("status: \(random.pick(Self.statuses))") }
        for field in ["owner", "author", "driver"] where random.chance(40) { lines.append("\(field): \(random.pick(Self.people))") }
        for field in ["goals", "decisions", "parent", "supersedes", "superseded_by", "related", "links", "serves", "briefs"] where random.chance(30) {
            lines.append("\(field): \(references())")
        }
        for field in ["deciders", "reviewers", "approvers", "signed_off_by"] where random.chance(25) {
            lines.append("\(field): [\((0..<random.int(0...3)).map { _ in random.pick(Self.people) }.joined(separator: ", "))]")
        }
        for field in ["date", "created", "updated", "review_by", "due", "period"] where random.chance(35) { lines.append("\(field): \(date())") }
        if random.chance(30) { lines.append("horizon: \(random.pick(["year", "quarter", "week", "month", "decade", ""]))") }
        if random.chance(30) { lines.append("progress: \(random.pick(["0", "50", "100", "150", "-3", "1.5", "half", "50%"]))") }
        if random.chance(30) { lines.append("tags: [\(random.pick(Self.words)), \(random.pick(Self.words))]") }
        if random.chance(20) { lines.append("\(random.pick(["custom", "x-field", "Title", "ÜBER", "risk_level"])): \(scalar())") }
        if random.chance(10) { lines.append("anchors: &a [1, 2]\nalias: *a") }
        if random.chance(10) { lines.append("block: |\n  line one\n  line two") }
        if random.chance(5) { lines.append("title: duplicate key") }
        lines.shuffle(using: &random)
        return lines.map { $0 + "\n" }.joined()
    }

    private mutating func scalar() -> String {
        switch random.int(1...6) {
        case 1: return "\"\(random.pick(Self.words)) \(random.pick(Self.words))\"".replacingOccurrences(of: "\\", with: "\\\\")
        case 2: return "'\(random.pick(Self.words).replacingOccurrences(of: "'", with: "''"))'"
        case 3: return "\(random.int(-5...3000))"
        case 4: return random.pick(["null", "~", "true", "no", "2027-02-30", "[]", "{}", "\"\""])
        default: return random.pick(["Plain title", "Ünïcode title", "A title: with colon", "title # not a comment", "日本語のタイトル"])
        }
    }

    private mutating func references() -> String {
        let items = (0..<random.int(0...3)).map { _ in reference() }
        return random.chance(70) ? "[\(items.map { "\"\($0)\"" }.joined(separator: ", "))]" : (items.first.map { "\"\($0)\"" } ?? "")
    }

    private mutating func reference() -> String {
        let target = random.pick(documents)
        return random.pick([target.id, target.id.uppercased(), target.path, "../" + target.path, "missing-\(random.int(1...9))", target.id + "#section"])
    }

    private mutating func date() -> String {
        random.pick(["2027-02-\(String(format: "%02d", random.int(1...28)))", "2026-13-01", "2027-W07", "2027-Q1", "2027", "yesterday",
                     "2027-02-17T10:00:00Z", "1970-01-01", "9999-12-31", "0000-00-00"])
    }

    // MARK: Markdown

    private mutating func body() -> String {
        var blocks: [String] = []
        if random.chance(60) { blocks.append("# \(inline())") }
        for _ in 0..<random.int(0...8) { blocks.append(block(depth: 0)) }
        return blocks.joined(separator: "\n\n") + (random.chance(90) ? "\n" : "")
    }

    private mutating func block(depth: Int) -> String {
        let nested = depth < 5
        switch random.int(1...13) {
        case 1: return String(repeating: "#", count: random.int(1...7)) + " " + inline()
        case 2 where nested: return list(depth: depth)
        case 3 where nested: return block(depth: depth + 1).split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\n")
        case 4: return table()
        case 5: return "```\(random.pick(["", "swift", "bearing", "mermaid"]))\n\(random.chance(50) ? query() : inline())\n```"
        case 6: return random.pick(["<div>\(inline())</div>", "<script>alert(1)</script>", "<!-- comment -->", "<details><summary>x</summary>\n\n\(inline())\n\n</details>"])
        case 7: return random.pick(["---", "***", "___", "- - -"])
        case 8: return "    indented code \(inline())"
        case 9: return "## Status\n\n\(random.pick(Self.statuses))"
        case 10: return "| Status | \(random.pick(Self.statuses)) |\n|---|---|\n| Owner | \(random.pick(Self.people)) |\n| Date | \(date()) |"
        case 11: return "[\(random.int(1...3))]: \(link())\n\nSee [ref][\(random.int(1...3))]."
        default: return (0..<random.int(1...4)).map { _ in inline() }.joined(separator: random.chance(30) ? "\n" : " ")
        }
    }

    private mutating func list(depth: Int) -> String {
        let marker = random.pick(["- ", "* ", "+ ", "1. ", "2) ", "- [ ] ", "- [x] "])
        var items: [String] = []
        for _ in 0..<random.int(1...4) {
            var item = marker + inline()
            if random.chance(30) { item += "\n" + block(depth: depth + 1).split(separator: "\n", omittingEmptySubsequences: false).map { "   " + $0 }.joined(separator: "\n") }
            items.append(item)
        }
        return items.joined(separator: "\n")
    }

    private mutating func table() -> String {
        let columns = random.int(1...4)
        var rows = ["| " + (0..<columns).map { _ in inline() }.joined(separator: " | ") + " |", "|" + String(repeating: "---|", count: columns)]
        for _ in 0..<random.int(0...3) { rows.append("| " + (0..<random.int(1...5)).map { _ in inline() }.joined(separator: " | ") + " |") }
        return rows.joined(separator: "\n")
    }

    private mutating func inline() -> String {
        (0..<random.int(1...6)).map { _ in
            switch random.int(1...10) {
            case 1: return "[\(random.pick(Self.words))](\(link()))"
            case 2: return "[[\(wikilink())]]"
            case 3: return "![\(random.pick(Self.words))](\(random.pick(["img.png", "../a b.svg", "data:image/png;base64,AA==", "https://example.org/x.png"])))"
            case 4: return "**\(random.pick(Self.words))**"
            case 5: return "<\(random.pick(["https://example.org", "mailto:a@b.c", "javascript:alert(1)"]))>"
            case 6: return "@\(random.pick(Self.people))"
            default: return random.pick(Self.words)
            }
        }.joined(separator: " ")
    }

    private mutating func link() -> String {
        let target = random.pick(documents)
        return random.pick([target.path, "../" + target.path, "./" + target.path, target.path + "#" + random.pick(Self.words),
                            target.path.replacingOccurrences(of: " ", with: "%20"), "#local", "https://example.org/\(random.int(1...9))",
                            "javascript:alert(1)", "missing.md", "/abs/path.md", "..", "", "<\(target.path)>"])
    }

    private mutating func wikilink() -> String {
        let target = random.pick(documents)
        return random.pick([target.id, target.id + "|" + random.pick(Self.words), target.id + "#" + random.pick(Self.words), "missing",
                            "", "|", "#", target.path, "[nested]"])
    }

    private mutating func query() -> String {
        let source = random.pick(["goals", "decisions", "briefs", "notes", "all", "decision", "nothing"])
        var text = source
        if random.chance(60) {
            text += " where \(random.pick(["status", "owner", "goals", "date", "title", "progress"])) \(random.pick(["=", "!=", ">=", "<", "contains", "in", "not in"])) \(random.pick(["done", "li", "(a, \"b\")", "today-30", "\"x\"", "3", ""]))"
        }
        if random.chance(30) { text += " sort \(random.pick(["title", "date desc", "status asc, owner"]))" }
        if random.chance(30) { text += " limit \(random.pick(["0", "5", "-1", "99999999999999999999"]))" }
        if random.chance(30) { text += " show \(random.pick(["title, owner", "progress", "nothing"]))" }
        if random.chance(20) { text += " as \(random.pick(["table", "list", "count", "pie"]))" }
        if random.chance(30) { text += random.pick(["\nwhere \"unclosed", "\n# a comment\nsort title", "\nshow 'x"]) }
        return random.chance(30) ? text.replacingOccurrences(of: " where", with: "\nwhere") : text
    }

    // MARK: The KB's own files

    private mutating func people() -> String {
        var text = "people:\n"
        for person in Self.people.shuffled(using: &random).prefix(random.int(0...5)) {
            text += "  \(person): {name: \(scalar()), team: \(random.pick(["growth", "ops", "missing"]))}\n"
        }
        if random.chance(60) { text += "teams:\n  growth: {name: Growth, members: [\(random.pick(Self.people)), \(random.pick(Self.people))]}\n  ops: {name: Ops}\n" }
        if random.chance(10) { text += "  broken: [\n" }
        return text
    }

    private mutating func configuration() -> String {
        var lines = ["title: \(scalar())"]
        if random.chance(40) { lines.append("stale_after_days: \(random.pick(["30", "0", "-1", "many"]))") }
        if random.chance(30) { lines.append("history: off") }
        if random.chance(30) { lines.append("rules:\n  orphan: \(random.pick(["off", "error", "warning", "loud"]))\n  stale: off") }
        if random.chance(20) { lines.append("ignore: [\"drafts/**\", \"*.tmp\"]") }
        if random.chance(20) { lines.append("horizons: [year, quarter, week]") }
        if random.chance(20) { lines.append("unknown_setting: 1") }
        if random.chance(15) { lines.append("base_url: \(random.pick(["https://example.org/kb/", "javascript:alert(1)//", "ftp://x"]))") }
        return lines.joined(separator: "\n") + "\n"
    }
}
