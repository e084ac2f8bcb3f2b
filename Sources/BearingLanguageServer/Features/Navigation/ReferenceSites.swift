import BearingCore

/// One place where a document is referred to: the referring document, the reference as the model
/// read it, and the exact range of what names the target there.
public struct ReferenceSite: Sendable {
    public var source: Document
    public var reference: Reference
    public var range: Range
    /// The lines of the source file the range is in (its open buffer when open).
    public var lines: LineIndex
}

extension WorkspaceSnapshot {
    /// Every place that refers to the document `id`, the document itself included (a link to
    /// one of its own headings), ordered by kind (as `ReferenceKind` lists them), then path, then
    /// position: front matter references before body mentions.
    public func referenceSites(of id: String) -> [ReferenceSite] {
        var sites: [ReferenceSite] = []
        for document in knowledgeBase.documents where document.references.contains(where: { $0.target == id }) {
            guard let lines = lines(of: document.path) else { continue }
            for reference in document.references where reference.target == id {
                let range = writtenRange(of: reference, in: lines) ?? range(of: reference.location, in: lines)
                sites.append(ReferenceSite(source: document, reference: reference, range: range, lines: lines))
            }
        }
        let order = Dictionary(uniqueKeysWithValues: ReferenceKind.allCases.enumerated().map { ($1, $0) })
        return sites.sorted {
            (order[$0.reference.kind] ?? 0, $0.source.path, $0.range.start.line, $0.range.start.character)
                < (order[$1.reference.kind] ?? 0, $1.source.path, $1.range.start.line, $1.range.start.character)
        }
    }
}
