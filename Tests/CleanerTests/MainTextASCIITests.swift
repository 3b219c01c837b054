import XCTest

@testable import Cleaner

/// The one-walk weight of an ASCII line (`MainText.asciiWeight`, its counts packed by table)
/// answers as `generalWeight`, which asks each question of the line's `Character`s on its own;
/// and the byte table of `lengthAndSpaceBound` counts as the scalars do.
final class MainTextASCIITests: XCTestCase {
    private let pieces = [
        "Home", "News", "the", "and", "of", "USA", "NASA", "IBM", "Kevin", "Harvick", "a", "x", "2024", "5033", "12", "7",
        "$55.00", "12%", "3.000", "1,5", "-", "+", "*", "'", "|", ":", ";", ",", ".", "!", "?", "\"", ")", "]", "(", "\t",
        "\u{0B}", "\u{0C}", "  ", "/", "#", "@", "~", "Berlin", "Paris", "London", "Tokyo", "Lima", "Oslo", "Rome",
    ]

    private func randomLines(_ pieces: [String], count: Int, maxWords: Int, seed: UInt64) -> [String] {
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        return (0..<count).map { _ in
            let words = (0..<(next() % maxWords + 1)).map { _ in pieces[next() % pieces.count] }
            return words.joined(separator: next() % 4 == 0 ? "" : " ")
        }
    }

    private func assertWeighsAsEachCheck(_ line: String, file: StaticString = #filePath, lineNumber: UInt = #line) {
        let fast = MainText.asciiWeight(line)
        if line.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            XCTAssertEqual(fast, MainText.generalWeight(line), line.debugDescription, file: file, line: lineNumber)
        } else {
            XCTAssertNil(fast, line.debugDescription, file: file, line: lineNumber)
        }
        XCTAssertEqual(MainText.weight(line), MainText.generalWeight(line), line.debugDescription, file: file, line: lineNumber)
    }

    /// The whitespace count read eight bytes a step is the count byte by byte, at every length and
    /// offset; a line beyond ASCII or with a "\r" gets none.
    func testASCIISpacesCountEachWhitespaceByte() {
        let lines = randomLines(pieces, count: 3000, maxWords: 40, seed: 5)
            + (0..<0x80).map { String(UnicodeScalar(UInt8($0))) + " x\t\u{0B}\u{0C}" + String(repeating: "a \n", count: $0 % 9) }
            + ["", "é", "a\rb", "abcdefgh é"]
        for line in lines {
            let bytes = Array(line.utf8)
            for offset in 0..<min(bytes.count + 1, 9) {
                let tail = Array(bytes[offset...])
                let expected = tail.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) ? tail.filter { $0 == 0x20 || (0x09...0x0D).contains($0) }.count : nil
                XCTAssertEqual(tail.withUnsafeBufferPointer { MainText.asciiSpaces($0) }, expected, line.debugDescription)
            }
        }
    }

    func testRandomLinesWeighAsEachCheck() {
        let lines = randomLines(pieces, count: 4000, maxWords: 30, seed: 7)
            // Long lines: more than one round of the packed counters (255 bytes).
            + randomLines(pieces, count: 300, maxWords: 400, seed: 11)
            + ["", " ", "|", "12", "12 34 56", "1 | 2 | x", "Line\r", "a\r\nb", "Über alles", "x\u{85}y"]
        for line in lines { assertWeighsAsEachCheck(line) }
    }

    /// Name lists, shouted words and separators near the thresholds, where the packed counts
    /// must hand the line to the walk that counts shouted words.
    func testNameListsWeighAsEachCheck() {
        let names = ["Austria", "Belgium", "Chad", "Denmark", "Egypt", "France", "Ghana", "Haiti", "India", "Japan", "Kenya"]
        for count in [24, 25, 26, 30, 60] {
            for variant in 0..<6 {
                var words = (0..<count).map { names[$0 % names.count] }
                switch variant {
                case 1: words[0] = "and"
                case 2: for index in stride(from: 0, to: count, by: 9) { words[index] = "of" }
                case 3: for index in stride(from: 0, to: count, by: 2) { words[index] = words[index].uppercased() }
                case 4: for index in stride(from: 0, to: count, by: 4) { words[index] += "," }
                case 5: for index in stride(from: 0, to: count, by: 6) { words[index] += ";" }
                default: break
                }
                assertWeighsAsEachCheck(words.joined(separator: " "))
                assertWeighsAsEachCheck(words.joined(separator: " ") + ".")
            }
        }
    }

    /// Every ASCII byte alone, beside a word, between digits and in a table's row: the byte table
    /// made from `Character` questions answers as they do.
    func testEveryASCIIByteWeighsAsEachCheck() {
        for value in UInt8(0)..<0x80 {
            let text = String(UnicodeScalar(value))
            for line in [text, "a\(text)b", "12\(text)", "\(text)5 3 4", "1 \(text) 2", "Word \(text) Word Word", "\(text)\(text) x",
                String(repeating: "Name \(text)", count: 30)]
            {
                assertWeighsAsEachCheck(line)
            }
        }
    }

    /// `lengthAndSpaceBound`'s byte table over every scalar: the length is `weightedLength`, the
    /// bound at least the whitespace scalars.
    func testLengthTableCountsEveryScalar() {
        var block = ""
        var start: UInt32 = 0
        for value in UInt32(0)...0x10FFFF {
            if let scalar = Unicode.Scalar(value) { block.unicodeScalars.append(scalar) }
            guard value % 0x1000 == 0xFFF || value == 0x10FFFF else { continue }
            let (length, spaceBound) = MainText.lengthAndSpaceBound(block)
            let reference = block.unicodeScalars.reduce(0) { $0 + (MainText.isDoubleWidth($1.value) ? 2 : 1) }
            XCTAssertEqual(length, reference, String(start, radix: 16))
            XCTAssertGreaterThanOrEqual(spaceBound, block.unicodeScalars.filter(\.properties.isWhitespace).count, String(start, radix: 16))
            block = ""
            start = value + 1
        }
    }

    /// The byte sets written out as bits are what each byte, asked as the `Character` it is, answers.
    func testWrittenByteSetsAreWhatCharactersAnswer() {
        XCTAssertEqual(MainText.asciiNumberCellBytes, MainText.asciiBytes(where: MainText.holdsInNumberCell))
        XCTAssertEqual(MainText.asciiNumbers, MainText.asciiBytes(where: \.isNumber))
    }

    /// The count tables, made from byte sets, are what asking each byte as a `Character` of the
    /// sets of Characters gives, field by field.
    func testCountTablesAreWhatCharactersAnswer() {
        func isWhitespace(_ byte: Int) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        let tables = ASCIICountTables.shared
        let bar = Int(UInt8(ascii: "|"))
        for byte in 0..<0x100 {
            guard byte < 0x80, byte != 0x0D else {
                XCTAssertEqual(tables.classes[byte], ASCIICountTables.notASCII | ASCIICountTables.otherClass, "\(byte)")
                continue
            }
            let expectedClass = isWhitespace(byte) ? ASCIICountTables.whitespaceClass : byte == bar ? ASCIICountTables.barClass : ASCIICountTables.otherClass
            XCTAssertEqual(tables.classes[byte], expectedClass, "\(byte)")
            let character = Character(Unicode.Scalar(UInt8(byte)))
            for previous in [ASCIICountTables.whitespaceClass, ASCIICountTables.barClass, ASCIICountTables.otherClass] {
                let wordStart = !isWhitespace(byte) && previous == ASCIICountTables.whitespaceClass
                let cellStart = !isWhitespace(byte) && byte != bar && previous != ASCIICountTables.otherClass
                let fields: [Bool] = [
                    MainText.punctuation.contains(character), wordStart, wordStart && character.isLetter, wordStart && character.isUppercase,
                    character == "," || character == ";", cellStart, character.isNumber, !MainText.holdsInNumberCell(character),
                ]
                let expected = fields.enumerated().reduce(UInt64(0)) { $0 | ($1.element ? 1 : 0) << UInt64($1.offset * 8) }
                XCTAssertEqual(tables.steps[Int(previous) | byte], expected, "byte \(byte) after class \(previous)")
            }
        }
    }
}
