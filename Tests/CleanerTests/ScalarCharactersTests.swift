import Foundation
import XCTest

@testable import Cleaner

/// The scalar walks answer as the `Character` walks they stand in for: every scalar said to stand
/// alone is a character of its own next to any other such scalar and is its own canonical form,
/// and the `MainText` counts made by scalar equal their definitions by `Character`.
final class ScalarCharactersTests: XCTestCase {
    private var standingAlone: [Unicode.Scalar] {
        (0...0x10FFFF).compactMap { value in
            guard ScalarCharacters.standsAlone(UInt32(value)), let scalar = Unicode.Scalar(UInt32(value)) else { return nil }
            return scalar
        }
    }

    /// ...and answer the case, number and whitespace questions as their `Character`s do.
    func testScalarsThatStandAloneAreCharactersOfTheirOwn() {
        // Neighbours from every kind of block the table admits.
        let neighbours: [Unicode.Scalar] = ["a", " ", "\n", "\u{85}", "\u{AD}", "é", "Ω", "Ж", "א", "ب", "\u{1E9E}", "—", "€", "→", "、", "か", "日", "\u{3131}", "한", "，", "ｶ"]
        for scalar in standingAlone {
            for neighbour in neighbours {
                var pair = String.UnicodeScalarView()
                pair.append(neighbour)
                pair.append(scalar)
                pair.append(neighbour)
                XCTAssertEqual(String(pair).count, 3, "U+\(String(scalar.value, radix: 16))")
            }
            var twice = String.UnicodeScalarView()
            twice.append(scalar)
            twice.append(scalar)
            XCTAssertEqual(String(twice).count, 2, "U+\(String(scalar.value, radix: 16))")
            let text = String(scalar)
            XCTAssertEqual(Array(text.precomposedStringWithCanonicalMapping.unicodeScalars), [scalar], "U+\(String(scalar.value, radix: 16))")
            let character = Character(scalar)
            XCTAssertEqual(ScalarCharacters.isLowercase(scalar.value), character.isLowercase, "U+\(String(scalar.value, radix: 16))")
            XCTAssertEqual(ScalarCharacters.isUppercase(scalar.value), character.isUppercase, "U+\(String(scalar.value, radix: 16))")
            XCTAssertEqual(ScalarCharacters.isNumber(scalar.value), character.isNumber, "U+\(String(scalar.value, radix: 16))")
            XCTAssertEqual(ScalarCharacters.isWhitespace(scalar.value), character.isWhitespace, "U+\(String(scalar.value, radix: 16))")
        }
    }

    /// The lower case and the word test that `PageTitle.words` reads off scalars: as
    /// `String.lowercased` and `Character` give them, for every scalar said to stand alone.
    func testLowerCaseAndWordCharactersAreThoseOfCharacters() {
        for scalar in standingAlone {
            let name = "U+\(String(scalar.value, radix: 16))"
            let character = Character(scalar)
            XCTAssertEqual(ScalarCharacters.isLetterOrNumber(scalar.value), character.isLetter || character.isNumber, name)
            guard let lower = ScalarCharacters.lowercased(scalar.value) else { continue }
            XCTAssertTrue(ScalarCharacters.standsAlone(lower), name)
            XCTAssertEqual(String(scalar).lowercased().unicodeScalars.map(\.value), [lower], name)
            // Next to other letters too: no context changes the mapping.
            XCTAssertEqual(("A" + String(scalar) + "B").lowercased().unicodeScalars.map(\.value), [0x61, lower, 0x62], name)
        }
    }

    func testScalarsThatJoinTheirNeighboursAreLeftToCharacters() {
        for line in ["e\u{301}", "a\r\nb", "\u{1F44D}\u{1F3FD}", "\u{1F1E9}\u{1F1EA}", "\u{1100}\u{1161}", "क्ष", "ก\u{E33}", "a\u{200D}b", "x\u{FE0F}", "a\u{37E}"] {
            XCTAssertFalse(ScalarCharacters.forEach(line) { _ in true }, line.debugDescription)
        }
        // A walk that stops early still looks at the next scalar: "e" is not a whole character here.
        XCTAssertFalse(ScalarCharacters.forEach("e\u{301}x") { _ in false })
        XCTAssertTrue(ScalarCharacters.forEach("ex\u{301}") { _ in false })
    }

    private let pieces = ["3", "5033", "Kevin", "Berlin", "GmbH", "NASA", "über", "Über", "İstanbul", "ǅ", "ß", " ", "  ", "\t", "|", ".", ",", ";", ":", "!", "?",
                          "%", "$", "-", "+", "€", "£", "’", "”", "…", "。", "、", "，", "１２", "é", "e\u{301}", " \u{301}", "\u{37E}", "\u{2126}", "١٢",
                          "日本", "한국", "\u{1100}\u{1161}", "😀", "\u{1F44D}\u{1F3FD}", "\r", "\r\n", "Word", "x", "\u{3000}", "\u{A0}", "Ⅻ", "½"]

    private func randomLines(count: Int) -> [String] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
        }
    }

    func testMainTextCountsByScalarMatchTheirDefinitions() {
        for line in randomLines(count: 5000) {
            let words = line.split(whereSeparator: { $0.isWhitespace }).count
            XCTAssertEqual(MainText.wordCount(line, ascii: false, limit: 1000), words, line.debugDescription)
            XCTAssertEqual(MainText.wordCount(line, ascii: false, limit: 3), min(words, 3), line.debugDescription)

            let cells = line.split(whereSeparator: { $0.isWhitespace || $0 == "|" })
            let numbers = cells.filter { cell in cell.contains(where: \.isNumber) && cell.allSatisfy { $0.isNumber || ".,:%/$€£-+".contains($0) } }.count
            XCTAssertEqual(MainText.isDataRow(line), cells.count >= 3 && numbers * 3 >= cells.count, line.debugDescription)

            let marks = line.reduce(0) { $0 + (MainText.punctuation.contains($1) ? 1 : 0) }
            for limit in 1...3 {
                if let reached = line.utf8.withContiguousStorageIfAvailable({ MainText.ScalarFeatures.reachesPunctuation($0, limit) }) ?? nil {
                    XCTAssertEqual(reached, marks >= limit, line.debugDescription)
                }
            }
            if let count = MainText.characterCountByScalars(line) { XCTAssertEqual(count, line.count, line.debugDescription) }
            XCTAssertEqual(MainText.startsLowercase(line), line.first?.isLowercase == true, line.debugDescription)
            XCTAssertEqual(
                MainText.weightedLength(line),
                line.unicodeScalars.reduce(0) { $0 + (MainText.isDoubleWidth($1.value) ? 2 : 1) }, line.debugDescription)

            let reference = referenceNameListCounts(line)
            let counts = MainText.nameListCounts(line)
            XCTAssertEqual([counts.cased, counts.capitalised, counts.shouted, counts.separators], reference, line.debugDescription)
        }
    }

    /// `isNameList`'s counts as first written: cased and capitalised words, shouted words, separators.
    private func referenceNameListCounts(_ line: String) -> [Int] {
        var cased = 0
        var capitalised = 0
        var shouted = 0
        var separators = 0
        var atWordStart = true
        var wordHasLower = false
        var wordIsCased = false
        for character in line {
            if character == "," || character == ";" { separators += 1 }
            if character.isWhitespace {
                if wordIsCased && !wordHasLower { shouted += 1 }
                atWordStart = true
                wordIsCased = false
                continue
            }
            if character.isLowercase { wordHasLower = true }
            guard atWordStart else { continue }
            atWordStart = false
            wordHasLower = character.isLowercase
            wordIsCased = character.isUppercase || character.isLowercase
            if character.isUppercase {
                cased += 1
                capitalised += 1
            } else if character.isLowercase {
                cased += 1
            }
        }
        if wordIsCased && !wordHasLower { shouted += 1 }
        return [cased, capitalised, shouted, separators]
    }

    /// The one-pass weight of ASCII lines is the weight asked question by question, on names,
    /// prose, table rows, number cells and titles; lines it does not take are left to that.
    func testASCIIWeightIsTheGeneralWeight() {
        var generator = SystemRandomNumberGenerator()
        let names = ["Berlin", "Paris", "NASA", "GmbH", "Kevin", "Harvick", "Word"]
        let asciiPieces = names + ["of", "the", "x", "3", "5033", "12%", "$55.00", " ", "  ", "\t", "|", ".", ",", ";", ":", "!", "?", "-", "+", "/", "*", "'", "\"", ")",
                                   "\r", "\r\n", "\u{0B}", "a long run of words, which ends a sentence."]
        var lines = randomLines(count: 3000) + (0..<3000).map { _ in
            (0..<Int.random(in: 0...60, using: &generator)).map { _ in asciiPieces.randomElement(using: &generator) ?? "" }.joined()
        }
        // Flattened dropdowns: dozens of capitalised names, now and then a lowercase or shouted word or a comma.
        lines += (0..<2000).map { _ in
            (0..<Int.random(in: 20...40, using: &generator)).map { _ in
                (names + ["and", "NEW", "Alfa,", "9"]).randomElement(using: &generator) ?? ""
            }.joined(separator: " ")
        }
        for line in lines {
            let fast = MainText.asciiWeight(line)
            if line.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
                XCTAssertEqual(fast, MainText.generalWeight(line), line.debugDescription)
            } else {
                XCTAssertNil(fast, line.debugDescription)
            }
            XCTAssertEqual(MainText.weight(line), MainText.generalWeight(line), line.debugDescription)
        }
    }

    /// `mayBeNameList` only rules out lines that are no name list by their counts, in any script:
    /// lowercase and caseless first letters it reads off the scalars are what `Character` says.
    func testNameListBoundNeverRulesOutANameList() {
        var generator = SystemRandomNumberGenerator()
        let words = ["Berlin", "Ölfeld", "Ärzte", "über", "ärger", "Москва", "москва", "Αθήνα", "αθήνα", "ßtraße", "한국", "日本", "かな", "Ω", "ω",
                     "\u{345}x", "а\u{301}", "한\u{345}", "日\u{301}", "ĸ", "ǅ", "İ", "NASA", "and", "3", ",", ";"]
        let separators = [" ", " ", " ", "\u{A0}", "\u{3000}", "\t", "\r\n", " \u{301}"]
        for _ in 0..<6000 {
            let line = (0..<Int.random(in: 20...40, using: &generator)).map { _ in
                (words.randomElement(using: &generator) ?? "") + (separators.randomElement(using: &generator) ?? "")
            }.joined()
            let counts = MainText.nameListCounts(line)
            if MainText.isNameList(counts) { XCTAssertTrue(MainText.mayBeNameList(line), line.debugDescription) }
        }
        for value in UInt32(0x80)...0xFFFF where MainText.isSmallLetter(value) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            XCTAssertTrue(ScalarCharacters.standsAlone(value), "U+\(String(value, radix: 16))")
            XCTAssertTrue(Character(scalar).isLowercase, "U+\(String(value, radix: 16))")
        }
    }

    /// `standsAlone` answers the common blocks by range before it searches all of them
    /// (`standsAloneByBlock`): the two agree on every scalar value beyond ASCII.
    func testCommonBlocksAnswerAsTheSearchThroughAllBlocks() {
        var disagreements: [UInt32] = []
        for value in UInt32(0x80)...0x10FFFF where ScalarCharacters.standsAlone(value) != ScalarCharacters.standsAloneByBlock(value) {
            disagreements.append(value)
        }
        XCTAssertEqual(disagreements, [])
    }
}
