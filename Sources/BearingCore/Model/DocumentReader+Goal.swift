/// A goal's fields: horizon, period, parent, health, contributors, key results, progress.
extension DocumentReader {
    func readGoal(_ field: [String: YAMLNode], into document: inout Document, reader: inout FieldReader) {
        var goal = GoalDetails()
        if let node = field["period"], let text = reader.string("period", node) {
            if let period = Period.parse(text) { goal.period = period }
            else { reader.invalid("period", node, expected: "a period such as 2027, 2027-H1, 2027-Q1, 2027-03 or 2027-W05 (got '\(text)')") }
        }
        if let node = field["horizon"], let text = reader.string("horizon", node) {
            let horizon = text.lowercased()
            if configuration.horizons.contains(horizon) { goal.horizon = horizon }
            else { reader.invalid("horizon", node, expected: "one of \(configuration.horizons.joined(separator: ", ")) (got '\(text)')") }
            if let period = goal.period, let kind = Period.Kind(rawValue: horizon), kind != period.kind, let at = field["period"] {
                reader.report(Diagnostic(.error, .periodMismatch, "period '\(period.text)' is a \(period.kind.rawValue), but the horizon is '\(horizon)'",
                                         at: reader.location(at)))
            }
        } else if let period = goal.period, configuration.horizons.contains(period.kind.rawValue) {
            goal.horizon = period.kind.rawValue
        }
        if let parents = field["parent"].map({ reader.strings("parent", $0) }), let parent = parents.first {
            goal.parent = parent.value
            addReferences(.parent, [parent], to: &document)
        }
        if let node = field["health"], let text = reader.string("health", node) {
            let health = text.lowercased()
            if ["on-track", "at-risk", "off-track"].contains(health) { goal.health = health }
            else { reader.invalid("health", node, expected: "on-track, at-risk or off-track (got '\(text)')") }
        }
        let contributors = reader.strings("contributors", field["contributors"])
        goal.contributors = contributors.map(\.value)
        addPeople(.contributor, contributors, to: &document)
        goal.keyResults = readKeyResults(field["key_results"], reader: &reader)
        if let node = field["progress"] { goal.explicitProgress = readProgress(node, reader: &reader) }
        document.goal = goal
    }

    func readKeyResults(_ node: YAMLNode?, reader: inout FieldReader) -> [KeyResult] {
        guard let node, !node.isNull else { return [] }
        guard let items = node.sequence else {
            reader.invalid("key_results", node, expected: "a list of {title, baseline, target, current, unit}")
            return []
        }
        var results: [KeyResult] = []
        for item in items {
            guard item.mapping != nil else {
                reader.invalid("key_results", item, expected: "a mapping with title and target")
                continue
            }
            let title = reader.string("key_results.title", item["title"]) ?? ""
            guard let target = reader.number("key_results.target", item["target"]) else {
                if item["target"] == nil { reader.invalid("key_results", item, expected: "a mapping with a 'target' number") }
                continue
            }
            results.append(KeyResult(title: title,
                                     baseline: reader.number("key_results.baseline", item["baseline"]) ?? 0,
                                     target: target,
                                     current: reader.number("key_results.current", item["current"]),
                                     unit: reader.string("key_results.unit", item["unit"])))
        }
        return results
    }

    func readProgress(_ node: YAMLNode, reader: inout FieldReader) -> Double? {
        guard let text = reader.string("progress", node) else { return nil }
        let expected = "a number from 0 to 1 or a percentage such as \"40%\" (got '\(text)')"
        if text.hasSuffix("%") {
            guard let percent = Double(text.dropLast().trimmingSpaces()), (0...100).contains(percent) else {
                reader.invalid("progress", node, expected: expected)
                return nil
            }
            return percent / 100
        }
        guard let value = Double(text), (0...1).contains(value) else {
            reader.invalid("progress", node, expected: expected)
            return nil
        }
        return value
    }
}
