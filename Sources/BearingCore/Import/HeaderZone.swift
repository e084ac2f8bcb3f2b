/// Where records keep their metadata: the blocks before the first section heading. The title
/// (the first level-1 heading that is not a section name such as `Summary`) may come first or
/// after metadata (RFC bullets above the title).
struct HeaderZone {
    let blocks: ArraySlice<MarkdownBlock>
    /// Index in `blocks` of the first block after the title, when there is a title.
    let firstAfterTitle: Int?

    init(_ all: [MarkdownBlock]) {
        var end = all.endIndex
        var title: Int?
        for (i, block) in all.enumerated() {
            guard case .heading(let level) = block.kind else { continue }
            if level == 1, title == nil, !TitleChooser.isGeneric(block.text) { title = i; continue }
            end = i
            break
        }
        blocks = all[..<end]
        firstAfterTitle = title.map { $0 + 1 }
    }
}
