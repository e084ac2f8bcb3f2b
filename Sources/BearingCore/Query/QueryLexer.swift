/// A word, string or symbol of a query, with its 1-based line and column within the block.
struct QueryToken: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case word      // where, g-activation, 2027-Q1, 0.5, 40%, today+7
        case string    // "two words" or 'two words', without the quotes
        case symbol    // = != < <= > >= ( ) ,
    }

    var kind: Kind
    var text: String
    var line: Int
    var column: Int

    func isKeyword(_ keyword: String) -> Bool {
        kind == .word && text.lowercased() == keyword
    }
}

/// An error in a query, at a 1-based line and column of the block.
public struct QueryError: Error, Sendable, Hashable {
    public var message: String
    public var line: Int
    public var column: Int
}

/// Splits query text into tokens. Words run until whitespace, a quote or one of `=!<>(),`.
enum QueryLexer {
    static func tokens(_ text: String) -> Result<[QueryToken], QueryError> {
        var tokens: [QueryToken] = []
        let characters = Array(text)
        var i = 0
        var line = 1
        var lineStart = 0
        while i < characters.count {
            let c = characters[i]
            let column = i - lineStart + 1
            if c.isLineBreak {
                line += 1
                lineStart = i + 1
                i += 1
            } else if c.isWhitespace {
                i += 1
            } else if c == "#" && (i == 0 || characters[i - 1].isWhitespace) {
                while i < characters.count && !characters[i].isLineBreak { i += 1 }  // a comment to the end of the line
            } else if c == "\"" || c == "'" {
                var j = i + 1
                var value = ""
                while j < characters.count && characters[j] != c && !characters[j].isLineBreak {
                    if characters[j] == "\\", j + 1 < characters.count, characters[j + 1] == c || characters[j + 1] == "\\" { j += 1 }
                    value.append(characters[j])
                    j += 1
                }
                guard j < characters.count, characters[j] == c else {
                    return .failure(QueryError(message: "string opened here is not closed (expected \(c) on the same line)", line: line, column: column))
                }
                tokens.append(QueryToken(kind: .string, text: value, line: line, column: column))
                i = j + 1
            } else if "=<>!(),".contains(c) {
                if (c == "<" || c == ">" || c == "!") && i + 1 < characters.count && characters[i + 1] == "=" {
                    tokens.append(QueryToken(kind: .symbol, text: String(c) + "=", line: line, column: column))
                    i += 2
                } else if c == "!" {
                    return .failure(QueryError(message: "'!' must be followed by '=' (use 'not' to negate)", line: line, column: column))
                } else {
                    tokens.append(QueryToken(kind: .symbol, text: String(c), line: line, column: column))
                    i += 1
                }
            } else {
                var j = i
                while j < characters.count, !characters[j].isWhitespace, !"=<>!(),\"'".contains(characters[j]) { j += 1 }
                tokens.append(QueryToken(kind: .word, text: String(characters[i..<j]), line: line, column: column))
                i = j
            }
        }
        return .success(tokens)
    }
}

extension Character {
    /// `\n`, or `\r\n`: one Character in Swift, which a comparison with "\n" misses.
    var isLineBreak: Bool { self == "\n" || self == "\r\n" }
}
