extension LineIndex {
    /// The 0-based lines of the front matter block, its `---` fences included; nil when the text
    /// does not start with one, or the block is never closed.
    var frontMatterLines: ClosedRange<Int>? {
        guard line(0).trimmingTrailingSpaces == "---" else { return nil }
        for number in 1..<max(1, lineCount) {
            let text = line(number)
            if !text.hasPrefix(" "), ["---", "..."].contains(text.trimmingTrailingSpaces) { return 0...number }
        }
        return nil
    }
}

private extension Substring {
    var trimmingTrailingSpaces: Substring {
        var text = self
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text
    }
}
