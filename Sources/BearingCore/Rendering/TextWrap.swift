/// Breaking text into lines by character count, for pictures drawn without a text engine.
enum TextWrap {
    /// `text` in lines of at most `width` characters, broken at spaces (a longer word is cut);
    /// beyond `maxLines` the last line ends with "…". Line breaks and runs of spaces count as one space.
    static func lines(_ text: String, width: Int, maxLines: Int = .max) -> [String] {
        let width = max(2, width)
        var lines: [String] = []
        var line = ""
        var truncated = false
        for word in text.split(whereSeparator: { $0.isWhitespace }) {
            var word = Substring(word)
            while !word.isEmpty {
                if line.isEmpty, word.count > width {
                    lines.append(String(word.prefix(width)))
                    word = word.dropFirst(width)
                } else if line.isEmpty {
                    line = String(word)
                    word = ""
                } else if line.count + 1 + word.count <= width {
                    line += " " + word
                    word = ""
                } else {
                    lines.append(line)
                    line = ""
                }
                if lines.count > maxLines { truncated = true; break }
            }
            if truncated { break }
        }
        if !line.isEmpty, !truncated { lines.append(line) }
        guard lines.count > maxLines else { return lines }
        var last = lines[maxLines - 1]
        if last.count >= width {
            last = String(last.prefix(width - 1))
            // End at a word when that keeps most of the line.
            if let space = last.lastIndex(of: " "), last.distance(from: last.startIndex, to: space) >= width / 2 {
                last = String(last[..<space])
            }
        }
        return Array(lines.prefix(maxLines - 1)) + [last + "…"]
    }
}
