/// A JSON value as JSON Lines records carry it. Strings are kept as their decoded UTF-8 bytes
/// (an HTML page goes to the parser as bytes, without a detour through `String`); numbers keep
/// their text, so an `id` such as 12345678901234567890 is echoed digit for digit.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(String)
    case string([UInt8])
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    /// A string's text (nil for other values).
    public var string: String? {
        guard case .string(let bytes) = self else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The value of `key` in an object (the first, if a key repeats).
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }
}

/// A strict JSON (RFC 8259) parser for one record: the whole input must be one value, valid UTF-8.
public struct JSONParser {
    public struct Failure: Error, CustomStringConvertible {
        public let message: String
        public let offset: Int
        public var description: String { "\(message) at byte \(offset + 1)" }
    }

    /// Nesting deeper than this is refused rather than risking the stack on hostile input.
    static let maxDepth = 512

    public static func parse(_ bytes: [UInt8]) throws(Failure) -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer throws(Failure) -> JSONValue in
            var parser = Cursor(bytes: buffer)
            parser.skipWhitespace()
            let value = try parser.value(depth: 0)
            parser.skipWhitespace()
            guard parser.index == buffer.count else { throw parser.failure("unexpected data after the value") }
            return value
        }
    }

    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        func failure(_ message: String) -> Failure {
            Failure(message: message, offset: index)
        }

        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x0A, 0x0D, 0x09: index += 1
                default: return
                }
            }
        }

        mutating func value(depth: Int) throws(Failure) -> JSONValue {
            guard index < bytes.count else { throw failure("unexpected end of input") }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try object(depth: depth + 1)
            case UInt8(ascii: "["): return try array(depth: depth + 1)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
            default: throw failure("unexpected character")
            }
        }

        private mutating func literal(_ word: StaticString) throws(Failure) {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count else { throw failure("unexpected end of input") }
            for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
                throw failure("unexpected character")
            }
            index += count
        }

        private mutating func object(depth: Int) throws(Failure) -> JSONValue {
            guard depth <= JSONParser.maxDepth else { throw failure("nested too deeply") }
            index += 1
            var members: [(key: String, value: JSONValue)] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            }
            while true {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a string key") }
                let key = String(decoding: try string(), as: UTF8.self)
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("expected ':'") }
                index += 1
                skipWhitespace()
                members.append((key, try value(depth: depth)))
                skipWhitespace()
                guard index < bytes.count else { throw failure("unexpected end of input") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard bytes[index] == UInt8(ascii: "}") else { throw failure("expected ',' or '}'") }
                index += 1
                return .object(members)
            }
        }

        private mutating func array(depth: Int) throws(Failure) -> JSONValue {
            guard depth <= JSONParser.maxDepth else { throw failure("nested too deeply") }
            index += 1
            var elements: [JSONValue] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(elements)
            }
            while true {
                skipWhitespace()
                elements.append(try value(depth: depth))
                skipWhitespace()
                guard index < bytes.count else { throw failure("unexpected end of input") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard bytes[index] == UInt8(ascii: "]") else { throw failure("expected ',' or ']'") }
                index += 1
                return .array(elements)
            }
        }

        private mutating func number() throws(Failure) -> String {
            let start = index
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw failure("invalid number") }
            if bytes[index] == UInt8(ascii: "0") {
                index += 1
            } else {
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard index < bytes.count, isDigit(bytes[index]) else { throw failure("invalid number") }
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                guard index < bytes.count, isDigit(bytes[index]) else { throw failure("invalid number") }
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        }

        private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

        /// A string's content, unescaped, as UTF-8. Raw bytes must be valid UTF-8 and control
        /// characters must be escaped, as RFC 8259 says. Runs of bytes that stand for themselves are
        /// passed over a word at a time and copied whole.
        private mutating func string() throws(Failure) -> [UInt8] {
            index += 1
            let start = index
            try skipPlain()
            guard index < bytes.count else { throw failure("unterminated string") }
            // Most strings (keys, ids, URLs, pages without quotes) hold no escape: one copy at their size.
            if bytes[index] == UInt8(ascii: "\"") {
                let output = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
                index += 1
                return output
            }
            return try escapedString(from: start)
        }

        /// Moves `index` over bytes that stand for themselves, up to a quote, a backslash or the end;
        /// throws at a control byte or at a byte that does not start a valid UTF-8 sequence.
        private mutating func skipPlain() throws(Failure) {
            while true {
                index = JSONBytes.firstToRead(bytes, from: index)
                guard index < bytes.count else { return }
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return }
                if byte < 0x20 { throw failure("control character in a string") }
                try skipUTF8Sequence()
            }
        }

        /// The rest of a string from its first escape (at `index`), `start` being where its content
        /// began. Decoded JSON is never longer than its text, so the rest of the input bounds it: the
        /// output is written in place, without growing, and a short string gets storage of its size.
        private mutating func escapedString(from start: Int) throws(Failure) -> [UInt8] {
            var problem: Failure?
            let capacity = bytes.count - start
            let output = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                guard let target = buffer.baseAddress, let source = bytes.baseAddress else {
                    problem = failure("unterminated string")
                    return
                }
                target.initialize(from: source + start, count: index - start)
                do throws(Failure) {
                    count = try unescape(source, into: target, from: index - start)
                } catch {
                    problem = error
                }
            }
            if let problem { throw problem }
            guard output.count < capacity / 2, capacity - output.count > 4096 else { return output }
            return output.withUnsafeBufferPointer { Array($0) }
        }

        /// Decodes the string from `index` to its closing quote into `target` from `written` on;
        /// returns the length written. Plain bytes go a word at a time, each word stored before it is
        /// tested: the part past a quote or an escape is overwritten by what follows, and it fits,
        /// since `written` never passes `index - start` and the target holds the rest of the input.
        private mutating func unescape(_ source: UnsafePointer<UInt8>, into target: UnsafeMutablePointer<UInt8>, from written: Int) throws(Failure) -> Int {
            var written = written
            let count = bytes.count
            while true {
                while index + 8 <= count {
                    let word = UnsafeRawPointer(source + index).loadUnaligned(as: UInt64.self)
                    UnsafeMutableRawPointer(target + written).storeBytes(of: word, as: UInt64.self)
                    let lanes = JSONBytes.toRead(word)
                    if lanes != 0 {
                        let plain = lanes.trailingZeroBitCount >> 3
                        index += plain
                        written += plain
                        break
                    }
                    index += 8
                    written += 8
                }
                guard index < count else { throw failure("unterminated string") }
                let byte = source[index]
                switch byte {
                case UInt8(ascii: "\""):
                    index += 1
                    return written
                case UInt8(ascii: "\\"):
                    // The escapes a page is full of (quotes of attributes, line ends) decoded here.
                    if index + 1 < count, let decoded = Self.simpleEscape(source[index + 1]) {
                        target[written] = decoded
                        index += 2
                        written += 1
                    } else if index + 6 <= count, source[index + 1] == UInt8(ascii: "u"), let scalar = Self.hex4(source + index + 2),
                        !(0xD800...0xDFFF).contains(scalar)
                    {
                        // A \uXXXX outside the surrogates (what an ASCII-only writer makes of each non-ASCII letter).
                        written += writeUTF8(scalar, to: target + written)
                        index += 6
                    } else {
                        written += try escape(into: target + written)
                    }
                case 0..<0x20:
                    throw failure("control character in a string")
                case 0x80...:
                    guard let (_, length) = UTF8Scalar.decode(bytes, at: index) else { throw failure("invalid UTF-8") }
                    (target + written).update(from: source + index, count: length)
                    index += length
                    written += length
                default:
                    // A plain byte among the last seven.
                    target[written] = byte
                    index += 1
                    written += 1
                }
            }
        }

        /// The byte a one-letter escape stands for (`\\n` for 0x0A); nil for `\\u` and invalid escapes.
        @inline(__always)
        private static func simpleEscape(_ letter: UInt8) -> UInt8? {
            switch letter {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): letter
            case UInt8(ascii: "n"): 0x0A
            case UInt8(ascii: "t"): 0x09
            case UInt8(ascii: "r"): 0x0D
            case UInt8(ascii: "b"): 0x08
            case UInt8(ascii: "f"): 0x0C
            default: nil
            }
        }

        /// The value of the four hex digits at `digits`; nil when one is not a hex digit.
        @inline(__always)
        private static func hex4(_ digits: UnsafePointer<UInt8>) -> UInt32? {
            var value: UInt32 = 0
            for offset in 0..<4 {
                let byte = digits[offset]
                let decimal = byte &- 0x30
                let letter = (byte | 0x20) &- 0x61
                if decimal < 10 {
                    value = value << 4 | UInt32(decimal)
                } else if letter < 6 {
                    value = value << 4 | UInt32(letter + 10)
                } else {
                    return nil
                }
            }
            return value
        }

        /// Decodes the escape at `index` (a backslash) into `output`; returns the bytes written (at
        /// most 4, never more than the escape's own length).
        private mutating func escape(into output: UnsafeMutablePointer<UInt8>) throws(Failure) -> Int {
            index += 1
            guard index < bytes.count else { throw failure("unterminated string") }
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output[0] = byte
            case UInt8(ascii: "b"): output[0] = 0x08
            case UInt8(ascii: "f"): output[0] = 0x0C
            case UInt8(ascii: "n"): output[0] = 0x0A
            case UInt8(ascii: "r"): output[0] = 0x0D
            case UInt8(ascii: "t"): output[0] = 0x09
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    // A high surrogate pairs with a following \uDC00-\uDFFF; alone it becomes U+FFFD.
                    if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                        let save = index
                        index += 2
                        let low = try hex4()
                        if (0xDC00...0xDFFF).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            index = save
                            scalar = 0xFFFD
                        }
                    } else {
                        scalar = 0xFFFD
                    }
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    scalar = 0xFFFD
                }
                return writeUTF8(scalar, to: output)
            default:
                index -= 1
                throw failure("invalid escape")
            }
            return 1
        }

        private mutating func hex4() throws(Failure) -> UInt32 {
            guard index + 4 <= bytes.count else { throw failure("invalid \\u escape") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[index]
                let digit: UInt32
                switch byte {
                case 0x30...0x39: digit = UInt32(byte - 0x30)
                case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
                case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
                default: throw failure("invalid \\u escape")
                }
                value = value << 4 | digit
                index += 1
            }
            return value
        }

        /// Writes `scalar` as UTF-8; returns its length.
        private func writeUTF8(_ scalar: UInt32, to output: UnsafeMutablePointer<UInt8>) -> Int {
            switch scalar {
            case 0..<0x80:
                output[0] = UInt8(scalar)
                return 1
            case 0x80..<0x800:
                output[0] = UInt8(0xC0 | scalar >> 6)
                output[1] = UInt8(0x80 | scalar & 0x3F)
                return 2
            case 0x800..<0x10000:
                output[0] = UInt8(0xE0 | scalar >> 12)
                output[1] = UInt8(0x80 | scalar >> 6 & 0x3F)
                output[2] = UInt8(0x80 | scalar & 0x3F)
                return 3
            default:
                output[0] = UInt8(0xF0 | scalar >> 18)
                output[1] = UInt8(0x80 | scalar >> 12 & 0x3F)
                output[2] = UInt8(0x80 | scalar >> 6 & 0x3F)
                output[3] = UInt8(0x80 | scalar & 0x3F)
                return 4
            }
        }

        /// Steps over one multi-byte UTF-8 sequence, refusing overlong forms, surrogates and values past U+10FFFF.
        private mutating func skipUTF8Sequence() throws(Failure) {
            guard let (_, length) = UTF8Scalar.decode(bytes, at: index) else { throw failure("invalid UTF-8") }
            index += length
        }
    }
}
