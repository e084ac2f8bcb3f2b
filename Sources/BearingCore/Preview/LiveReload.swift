/// The live reload of `bearing serve`: the script every served page gets, and the state it is
/// sent (server-sent events).
public enum LiveReload {
    /// Where the script is served; the built site has no such file.
    public static let scriptPath = "_bearing/live.js"
    /// The event stream's path.
    public static let eventsPath = "/_bearing/live"

    public static let script = TemplateSet.defaults.files["serve/live.js"] ?? ""

    /// The page with `<script src="/_bearing/live.js" data-generation="N">` before its last
    /// `</body>` (or at its end): served pages only, never written to a built site.
    public static func inject(into page: [UInt8], generation: Int) -> [UInt8] {
        let tag = Array("<script src=\"/\(scriptPath)\" data-generation=\"\(generation)\"></script>\n".utf8)
        let end = Array("</body>".utf8)
        var position = page.count
        if page.count >= end.count {
            for i in stride(from: page.count - end.count, through: 0, by: -1) where page[i] == end[0] && Array(page[i..<i + end.count]) == end {
                position = i
                break
            }
        }
        var result = page
        result.insert(contentsOf: tag, at: position)
        return result
    }

    /// The `state` event: the generation served and the errors holding the next one back, as
    /// `path:line:col: error: message [rule]` lines.
    public static func stateEvent(generation: Int, problems: [Diagnostic]) -> String {
        var json = Array("{\"generation\":\(generation),\"problems\":[".utf8)
        for (i, problem) in problems.enumerated() {
            if i > 0 { json.append(UInt8(ascii: ",")) }
            JSONWriter.writeString(DiagnosticFormat.text.render([problem], pathPrefix: "").trimmingTrailingNewlines(), into: &json)
        }
        return "event: state\ndata: " + String(decoding: json, as: UTF8.self) + "]}\n\n"
    }
}
