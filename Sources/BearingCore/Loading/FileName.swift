#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How the scan names what it leaves out: a file name that is not UTF-8 (`caf\xE9.md`, a
/// Latin-1 name), and what a file that is not a regular file is.
enum FileName {
    /// The name with each byte that is not part of valid UTF-8 written `\xHH`; valid characters as they are.
    static func escapingInvalidUTF8(_ bytes: [UInt8]) -> String {
        var shown = ""
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var position = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                shown.unicodeScalars.append(Unicode.UTF8.decode(encoded))
                position += encoded.count
            case .error(let length):
                for byte in bytes[position..<(position + length)] { shown += "\\x" + hex(byte) }
                position += length
            case .emptyInput:
                return shown
            }
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }

    /// `a fifo`, `a socket`, `a device` for a file type (`st_mode & S_IFMT`).
    static func kind(of type: mode_t) -> String {
        switch type {
        case S_IFIFO: "a fifo"
        case S_IFSOCK: "a socket"
        case S_IFCHR, S_IFBLK: "a device"
        default: "it"
        }
    }
}
