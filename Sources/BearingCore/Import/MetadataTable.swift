/// A two-column table of labels and values in the header (NATS ADRs; NixOS RFC 0140 writes its
/// front matter keys this way):
///
/// ```markdown
/// | Metadata | Value                  |
/// |----------|------------------------|
/// | Date     | 2020-04-30             |
/// | Author   | @ripienaar, @aricart   |
/// | Status   | Implemented            |
/// | Tags     | jetstream, client      |
/// ```
///
/// Tables with more columns (a revision history) are not metadata.
enum MetadataTable {
    static func read(_ blocks: [MarkdownBlock], links: [MarkdownLink], into stated: inout StatedMetadata) {
        for block in HeaderZone(blocks).blocks where block.kind == .tableRow && block.cells.count == 2 {
            guard let key = StatedMetadata.key(forLabel: block.cells[0]) else { continue }
            let value = StatedMetadata.Value(text: block.cells[1], line: block.line,
                                             links: block.links.map { links[$0].destination })
            // People lists gather every row (`author`, `co-authors`); other keys take the first.
            if key == .authors || key == .deciders { stated.add(key, value) } else { stated.offer(key, value) }
        }
    }
}
