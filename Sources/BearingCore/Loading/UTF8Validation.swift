/// Decodes bytes as UTF-8, reporting the line and column of the first invalid sequence.
enum UTF8Validation {
    struct Invalid: Equatable {
        var line: Int
        var column: Int
    }

    static func decode(_ bytes: [UInt8]) -> (text: String, invalid: Invalid?) {
        if let text = String(validating: bytes, as: UTF8.self) { return (text, nil) }
        return (String(decoding: bytes, as: UTF8.self), firstInvalid(bytes))
    }

    static func firstInvalid(_ bytes: [UInt8]) -> Invalid? {
        var line = 1
        var column = 1
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                return nil
            case .error:
                return Invalid(line: line, column: column)
            }
        }
    }
}
