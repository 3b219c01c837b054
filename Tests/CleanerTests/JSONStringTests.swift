import XCTest

@testable import Cleaner

/// The word-at-a-time JSON string scanner and writer against straightforward byte-by-byte versions
/// kept here (what the parser and writer did before they skipped runs): the same strings, the same
/// errors at the same bytes, on random strings with every escape, surrogates, control bytes, long
/// plain runs across word boundaries, non-ASCII and invalid UTF-8.
final class JSONStringTests: XCTestCase {
    /// A fixed seed: a failure is reproducible.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// What `JSONParser.parse` gives: the value's bytes, or the error's text.
    private func parsed(_ document: [UInt8]) -> JSONStringOutcome {
        do {
            guard case .string(let bytes) = try JSONParser.parse(document) else { return .failure("not a string") }
            return .success(bytes)
        } catch {
            return .failure(error.description)
        }
    }

    func testStringsParseAsByteByByte() {
        var random = Generator(state: 1)
        for round in 0..<20_000 {
            let document = Self.randomDocument(&random, pieces: round % 50 == 0 ? 400 : Int.random(in: 0...12, using: &random))
            let expected = ReferenceJSONString.parseDocument(document)
            XCTAssertEqual(parsed(document), expected, "document \(document)")
            if parsed(document) != expected { return }
        }
    }

    func testKeysAndValuesInObjectsParseAsByteByByte() {
        var random = Generator(state: 2)
        for _ in 0..<5_000 {
            let key = Self.randomContent(&random, pieces: Int.random(in: 0...4, using: &random), valid: true)
            let value = Self.randomContent(&random, pieces: Int.random(in: 0...20, using: &random), valid: true)
            let document = Array(#"{""#.utf8) + key + Array(#"": ""#.utf8) + value + Array(#"", "id": 1}"#.utf8)
            guard case .success(let keyBytes) = ReferenceJSONString.parseDocument([0x22] + key + [0x22]),
                case .success(let valueBytes) = ReferenceJSONString.parseDocument([0x22] + value + [0x22])
            else { return XCTFail("generated an invalid string") }
            let parsed = try? JSONParser.parse(document)
            let expected = JSONValue.object([(key: String(decoding: keyBytes, as: UTF8.self), value: JSONValue.string(valueBytes)), (key: "id", value: JSONValue.number("1"))])
            XCTAssertEqual(parsed, expected)
        }
    }

    func testErrorsPointAtTheSameByte() {
        let cases: [(String, [UInt8])] = [
            ("control character", Array("\"abcdefghijklmnop\tq\"".utf8)),
            ("invalid UTF-8", Array("\"abcdefghijklmnop".utf8) + [0xC3, 0x28, 0x22]),
            ("invalid escape", Array("\"abcdefghij\\q\"".utf8)),
            ("invalid \\u escape", Array("\"abc\\u12G4\"".utf8)),
            ("invalid \\u escape", Array("\"abc\\ud800\\u12\"".utf8)),
            ("unterminated string", Array("\"abcdefghijklmnopqrstuvwxyz".utf8)),
            ("unterminated string", Array("\"abc\\".utf8)),
            ("unterminated string", Array("\"abc\\n".utf8)),
            ("unexpected data after the value", Array("\"abc\" \"".utf8)),
        ]
        for (message, document) in cases {
            XCTAssertEqual(parsed(document), ReferenceJSONString.parseDocument(document))
            guard case .failure(let text) = parsed(document) else { XCTFail("parsed \(document)"); continue }
            XCTAssertTrue(text.contains(message), text)
        }
    }

    func testWriterEscapesAsByteByByte() {
        var random = Generator(state: 3)
        for round in 0..<20_000 {
            var text: [UInt8] = []
            for _ in 0..<(round % 50 == 0 ? 300 : Int.random(in: 0...10, using: &random)) {
                switch Int.random(in: 0..<10, using: &random) {
                case 0: text.append(UInt8.random(in: 0..<0x20, using: &random))
                case 1: text.append([0x22, 0x5C, 0x7F, 0x2F].randomElement(using: &random) ?? 0)
                case 2: text += Array(["é", "日本", "😀", "\u{2028}"].randomElement(using: &random)?.utf8 ?? "".utf8)
                default: text += Self.plainRun(&random)
                }
            }
            var fast: [UInt8] = [0x7B]
            JSONWriter.appendString(text, to: &fast)
            var reference: [UInt8] = [0x7B]
            ReferenceJSONString.write(text, to: &reference)
            XCTAssertEqual(fast, reference, "text \(text)")
            XCTAssertEqual(parsed(Array(fast.dropFirst())), .success(text), "the written string reads back")
            if fast != reference { return }
        }
    }

    // MARK: - Random strings

    /// Printable ASCII without quote or backslash, 0 to 70 bytes: runs that end anywhere in a word.
    private static func plainRun(_ random: inout Generator) -> [UInt8] {
        (0..<Int.random(in: 0...70, using: &random)).map { _ in
            var byte = UInt8.random(in: 0x20...0x7E, using: &random)
            while byte == 0x22 || byte == 0x5C { byte = UInt8.random(in: 0x20...0x7E, using: &random) }
            return byte
        }
    }

    private static func hex4(_ value: Int, upper: Bool) -> [UInt8] {
        let text = String(value, radix: 16, uppercase: upper)
        return Array((String(repeating: "0", count: 4 - text.count) + text).utf8)
    }

    /// A string's content; with `valid`, only what JSON allows.
    static func randomContent(_ random: inout Generator, pieces: Int, valid: Bool) -> [UInt8] {
        var content: [UInt8] = []
        for _ in 0..<pieces {
            let upper = Bool.random(using: &random)
            let choice = Int.random(in: 0..<(valid ? 14 : 22), using: &random)
            switch choice {
            case 0...4: content += plainRun(&random)
            case 5: content += Array(["\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t"].randomElement(using: &random)?.utf8 ?? "".utf8)
            case 6: content += Array("\\u".utf8) + hex4(Int.random(in: 0...0xFFFF, using: &random), upper: upper)
            case 7:  // a surrogate pair, or a high surrogate followed by another \u escape
                content += Array("\\u".utf8) + hex4(Int.random(in: 0xD800...0xDBFF, using: &random), upper: upper)
                content += Array("\\u".utf8) + hex4(Int.random(in: 0xD000...0xE000, using: &random), upper: upper)
            case 8: content += Array("\\u".utf8) + hex4(Int.random(in: 0xD800...0xDFFF, using: &random), upper: upper)
            case 9: content += Array("\\u".utf8) + hex4(Int.random(in: 0...0x7FF, using: &random), upper: upper)
            case 10...12: content += Array(["é", "ü", "日本語", "😀", "\u{FEFF}", "\u{10FFFF}"].randomElement(using: &random)?.utf8 ?? "".utf8)
            case 13: content += Array(repeating: UInt8(ascii: "a"), count: Int.random(in: 100...3000, using: &random))
            // What JSON refuses:
            case 14: content.append(UInt8.random(in: 0..<0x20, using: &random))
            case 15: content += [[0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF8], [0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]].randomElement(using: &random) ?? []
            case 16: content += Array(["\\x", "\\u12G4", "\\u12", "\\uD800\\u", "\\ud800\\uzzzz", "\\U0041", "\\"].randomElement(using: &random)?.utf8 ?? "".utf8)
            case 17: content.append(0x22)
            case 18: content += [0xFF, 0xFE]
            case 19: content.append(UInt8.random(in: 0x80...0xFF, using: &random))
            case 20: content.append(0x7F)
            default: content += Array("\\u00".utf8)
            }
        }
        return content
    }

    /// A quoted string, sometimes unterminated or followed by more.
    static func randomDocument(_ random: inout Generator, pieces: Int) -> [UInt8] {
        let valid = Int.random(in: 0..<3, using: &random) > 0
        var document: [UInt8] = [0x22] + randomContent(&random, pieces: pieces, valid: valid)
        switch Int.random(in: 0..<12, using: &random) {
        case 0: break  // unterminated
        case 1: document += [0x22, 0x20, 0x78]
        case 2: document += [0x22, 0x20, 0x0A]
        default: document.append(0x22)
        }
        return document
    }
}

/// A parse's result: the string's bytes or the error's text.
enum JSONStringOutcome: Equatable {
    case success([UInt8])
    case failure(String)
}

/// JSON strings read and written one byte at a time, as `JSONParser` and `JSONWriter` did before
/// they passed over runs a word at a time: the reference the fast versions must match.
enum ReferenceJSONString {
    /// A document that should be one string: its bytes, or the error as `JSONParser.Failure` words it.
    static func parseDocument(_ bytes: [UInt8]) -> JSONStringOutcome {
        var reader = Reader(bytes: bytes)
        do throws(ReaderError) {
            guard bytes.first == 0x22 else { throw ReaderError(message: "unexpected character", offset: 0) }
            let value = try reader.string()
            while reader.index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[reader.index]) { reader.index += 1 }
            guard reader.index == bytes.count else { throw ReaderError(message: "unexpected data after the value", offset: reader.index) }
            return .success(value)
        } catch {
            return .failure("\(error.message) at byte \(error.offset + 1)")
        }
    }

    struct ReaderError: Error {
        let message: String
        let offset: Int
    }

    struct Reader {
        let bytes: [UInt8]
        var index = 0

        func failure(_ message: String) -> ReaderError { ReaderError(message: message, offset: index) }

        mutating func string() throws(ReaderError) -> [UInt8] {
            index += 1
            var output: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x22 {
                    index += 1
                    return output
                }
                if byte == 0x5C {
                    try escape(into: &output)
                    continue
                }
                if byte < 0x20 { throw failure("control character in a string") }
                if byte < 0x80 {
                    output.append(byte)
                    index += 1
                } else {
                    let decoded = bytes.withUnsafeBufferPointer { UTF8Scalar.decode($0, at: index) }
                    guard let (_, length) = decoded else { throw failure("invalid UTF-8") }
                    output += bytes[index..<index + length]
                    index += length
                }
            }
            throw failure("unterminated string")
        }

        mutating func escape(into output: inout [UInt8]) throws(ReaderError) {
            index += 1
            guard index < bytes.count else { throw failure("unterminated string") }
            let byte = bytes[index]
            index += 1
            switch byte {
            case 0x22, 0x5C, 0x2F: output.append(byte)
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    if index + 1 < bytes.count, bytes[index] == 0x5C, bytes[index + 1] == UInt8(ascii: "u") {
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
                output += Array(String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8)
            default:
                index -= 1
                throw failure("invalid escape")
            }
        }

        mutating func hex4() throws(ReaderError) -> UInt32 {
            guard index + 4 <= bytes.count else { throw failure("invalid \\u escape") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let digit = UInt32(String(UnicodeScalar(bytes[index])), radix: 16) else { throw failure("invalid \\u escape") }
                value = value << 4 | digit
                index += 1
            }
            return value
        }
    }

    static func write(_ text: [UInt8], to output: inout [UInt8]) {
        output.append(0x22)
        for byte in text {
            switch byte {
            case 0x22, 0x5C: output += [0x5C, byte]
            case 0x0A: output += Array("\\n".utf8)
            case 0x0D: output += Array("\\r".utf8)
            case 0x09: output += Array("\\t".utf8)
            case 0..<0x20: output += Array("\\u00".utf8) + [Array("0123456789abcdef".utf8)[Int(byte >> 4)], Array("0123456789abcdef".utf8)[Int(byte & 15)]]
            default: output.append(byte)
            }
        }
        output.append(0x22)
    }
}
