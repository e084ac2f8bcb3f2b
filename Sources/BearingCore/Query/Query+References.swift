extension Query {
    /// The values the condition compares fields of document ids with (`serves contains g-growth`,
    /// `parent = g-growth`, `id in (a, b)`), as written: what renaming an id changes in a query.
    public var referenceValues: [String] {
        var values: [String] = []
        var pending = condition.map { [$0] } ?? []
        // A stack rather than recursion: a condition's depth is the writer's.
        while let next = pending.popLast() {
            switch next {
            case .compare(let field, _, .text(let value)) where QueryField.references.contains(QueryField.normalized(field)):
                values.append(value)
            case .compare, .exists:
                break
            case .not(let inner):
                pending.append(inner)
            case .and(let a, let b), .or(let a, let b):
                pending += [b, a]
            }
        }
        return values
    }
}
