/// The parse stage: split front matter, parse YAML and Markdown, fix positions.
public enum DocumentParser {
    public static func parse(_ file: SourceFile, markdownOptions: MarkdownParser.Options = .init()) -> ParsedDocument {
        var diagnostics: [Diagnostic] = []
        var split = FrontMatter.split(file.text)
        var parsedYAML = split.yaml.map { YAMLReader.parse($0, firstLine: split.yamlFirstLine) }
        // After a licence header, a `---` block that reads as something other than a mapping is
        // Markdown (a thematic break); one that does not read at all is reported as YAML.
        if split.afterLeadingComment {
            var isMarkdown = false
            if case .success(let root)? = parsedYAML, root?.mapping == nil { isMarkdown = true }
            if isMarkdown {
                split = FrontMatter.split(file.text, afterComments: false)
                parsedYAML = split.yaml.map { YAMLReader.parse($0, firstLine: split.yamlFirstLine) }
            }
        }
        var fields: [YAMLPair] = []
        if let line = split.unclosedAtLine {
            diagnostics.append(Diagnostic(.error, .frontMatter, "front matter opened here is never closed (expected a line '---' or '...')",
                                          at: SourceLocation(path: file.path, line: line, column: 1)))
        }
        if let parsedYAML {
            switch parsedYAML {
            case .success(let root):
                if let root {
                    if let pairs = root.mapping { fields = pairs }
                    else {
                        diagnostics.append(Diagnostic(.error, .frontMatter, "front matter must be a mapping of fields, not a \(root.sequence != nil ? "list" : "single value")",
                                                      at: SourceLocation(path: file.path, line: root.line, column: root.column)))
                    }
                }
            case .failure(let failure):
                diagnostics.append(Diagnostic(.error, failure.rule, failure.message,
                                              at: SourceLocation(path: file.path, line: failure.line, column: failure.column)))
            }
        }
        var lines: BodyLines?
        var markdown = MarkdownParser.parse(split.body, options: markdownOptions, limits: true, lines: &lines)
        if let cut = markdown.cut {
            diagnostics.append(Diagnostic(.warning, .limit, "body shown as plain text: \(cut.message)",
                                          at: SourceLocation(path: file.path, line: cut.line + split.bodyFirstLine - 1, column: 1)))
        }
        shiftPositions(&markdown, body: split.body, firstLine: split.bodyFirstLine, lines: lines)
        return ParsedDocument(path: file.path, fields: fields, markdown: markdown, diagnostics: diagnostics)
    }

    /// Moves body positions to file positions, with character (not byte) columns. cmark's lines
    /// also end at a lone `\r`; the file's, like the front matter split's, at `\n` only
    /// (BodyLines converts; `lines`, when the parser built them, are the body's).
    static func shiftPositions(_ markdown: inout MarkdownDocument, body: String, firstLine: Int, lines built: BodyLines? = nil) {
        let offset = firstLine - 1
        let hasCR = BodyLines.containsCR(body)
        let lines = markdown.links.isEmpty && !hasCR ? nil : built ?? BodyLines(body)
        func line(_ number: Int) -> Int { (hasCR ? lines!.bodyLine(number) : number) + offset }
        var cursor = ColumnCursor()
        for i in markdown.links.indices where markdown.links[i].line > 0 {
            let link = markdown.links[i]
            let position = lines!.position(line: link.line, byteColumn: link.column, cursor: &cursor)
            markdown.links[i].line = position.line + offset
            markdown.links[i].column = position.column
        }
        for i in markdown.headings.indices { markdown.headings[i].line = line(markdown.headings[i].line) }
        for i in markdown.blocks.indices { markdown.blocks[i].line = line(markdown.blocks[i].line) }
        for i in markdown.codeBlocks.indices {
            let block = markdown.codeBlocks[i]
            if hasCR {
                let position = lines!.position(line: block.line, byteColumn: block.column)
                markdown.codeBlocks[i].column = position.column
            }
            markdown.codeBlocks[i].line = line(block.line)
        }
    }
}
