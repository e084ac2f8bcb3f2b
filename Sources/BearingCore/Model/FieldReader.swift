/// Reads typed values out of YAML nodes, collecting an `invalid-field` diagnostic for each
/// value of the wrong type instead of throwing.
struct FieldReader {
    let path: String
    private(set) var diagnostics: [Diagnostic] = []

    /// True for documents: a value left unfilled from a template is not given (settings and
    /// people files are written by hand, and keep every value).
    let skipsPlaceholders: Bool

    init(path: String, skipsPlaceholders: Bool = false) {
        self.path = path
        self.skipsPlaceholders = skipsPlaceholders
    }

    private func unfilled(_ text: String) -> Bool { skipsPlaceholders && Placeholder.isPlaceholder(text) }

    func location(_ node: YAMLNode) -> SourceLocation {
        SourceLocation(path: path, line: node.line, column: node.column)
    }

    mutating func invalid(_ field: String, _ node: YAMLNode, expected: String) {
        diagnostics.append(Diagnostic(.error, .invalidField, "'\(field)' must be \(expected)", at: location(node)))
    }

    mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    /// A scalar as text; numbers and booleans are accepted as written. A value left unfilled from a
    /// template (`<date created on, in ISO 8601 format>`, `TBD`) is not given.
    mutating func string(_ field: String, _ node: YAMLNode?) -> String? {
        guard let node, !node.isNull, !node.isPlaceholder else { return nil }
        if let s = node.string { return unfilled(s) ? nil : s }
        invalid(field, node, expected: "a string")
        return nil
    }

    /// A list of strings; a single string is accepted as a one-item list, and with
    /// `commaSeparated` a string `a, b` is split (MADR writes `deciders: a, b`).
    mutating func strings(_ field: String, _ node: YAMLNode?, commaSeparated: Bool = false) -> [Located<String>] {
        guard let node, !node.isNull, !node.isPlaceholder else { return [] }
        if let s = node.string {
            let parts = commaSeparated ? s.split(separator: ",").map { $0.trimmingSpaces() } : [s.trimmingSpaces()]
            return parts.filter { !$0.isEmpty && !unfilled($0) }.map { Located($0, location(node)) }
        }
        guard let items = node.sequence else {
            invalid(field, node, expected: "a list of strings")
            return []
        }
        var result: [Located<String>] = []
        for item in items where !item.isNull {
            if let s = item.string { result.append(Located(s.trimmingSpaces(), location(item))) }
            else { invalid(field, item, expected: "a list of strings") }
        }
        return result
    }

    mutating func day(_ field: String, _ node: YAMLNode?) -> Day? {
        guard let text = string(field, node), let node else { return nil }
        if let day = Day.parse(text) { return day }
        invalid(field, node, expected: "a date YYYY-MM-DD (got '\(text)')")
        return nil
    }

    mutating func number(_ field: String, _ node: YAMLNode?) -> Double? {
        guard let text = string(field, node), let node else { return nil }
        let digits = text.utf8.contains(UInt8(ascii: "_")) ? text.filter { $0 != "_" } : text
        if let value = Double(digits), value.isFinite { return value }
        invalid(field, node, expected: "a number (got '\(text)')")
        return nil
    }

    mutating func integer(_ field: String, _ node: YAMLNode?) -> Int? {
        guard let text = string(field, node), let node else { return nil }
        if let value = Int(text) { return value }
        invalid(field, node, expected: "a whole number (got '\(text)')")
        return nil
    }

    mutating func bool(_ field: String, _ node: YAMLNode?) -> Bool? {
        guard let text = string(field, node), let node else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            invalid(field, node, expected: "true or false (got '\(text)')")
            return nil
        }
    }
}
