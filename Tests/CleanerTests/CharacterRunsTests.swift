import XCTest

@testable import Cleaner

/// Lines walked by scalar with only the runs of joining scalars split by `Character`
/// (`ScalarCharacters.forEachCharacter`), and the sentence end read off the bytes, answer as the
/// `Character` definitions do: on ASCII lines, on lines beyond ASCII, and on lines with emoji,
/// combining marks, Indic and Thai signs, joiners, flags and "\r\n".
final class CharacterRunsTests: XCTestCase {
    private let pieces = [
        "word", "Word", "NASA", "Über", "über", "Straße", "Ёлка", "Москва", "Łódź", "ǅ", "ſ", "3", "5033", "12%", "$55.00", "١٢", "Ⅻ", "½", "ǅ", "İ", "日本", "한국", " ", " ", " ", "\t",
        "\u{A0}", "\u{3000}", "|", ",", ";", ".", "!", "?", ":", "…", "。", "！", "，", "、", "\"", "”", "’", "»", ")", "]", "€", "-", "+",
        "e\u{301}", " \u{301}", ",\u{301}", "|\u{301}", "3\u{301}", ".\u{301}", "”\u{301}", "\u{37E}", "\u{200B}", "\u{2060}", "क्ष", "नमस्ते",
        "हिंदी", "ภาษาไทย", "\u{1100}\u{1161}", "😀", "🙂", "👍🏽", "🇩🇪", "👩\u{200D}💻", "©\u{200D}😀", "x\u{FE0F}", "\r", "\r\n",
    ]

    private func randomLines(count: Int, maxPieces: Int) -> [String] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...maxPieces, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
        }
    }

    /// The walk hands out the line's characters, in order, each once: a scalar alone where it is
    /// a character alone, the others as `Character`s; and it stops where a body says so.
    func testWalkHandsOutTheLinesCharacters() {
        for line in randomLines(count: 4000, maxPieces: 30) + ["e\u{301}", "\u{301}", "a\r\nb", "🇩🇪🇫🇷x", "क्षa", "a\u{200D}", "\r"] {
            var seen: [String] = []
            var byScalar = 0
            let walked = ScalarCharacters.forEachCharacter(
                line,
                scalar: { scalar in
                    byScalar += 1
                    seen.append(String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")))
                    return true
                },
                character: { character in
                    seen.append(String(character))
                    return true
                })
            XCTAssertTrue(walked, line.debugDescription)
            XCTAssertEqual(seen, line.map { String($0) }, line.debugDescription)
            // A line whose every scalar stands alone goes by scalar alone.
            if ScalarCharacters.forEach(line, { _ in true }) { XCTAssertEqual(byScalar, line.count, line.debugDescription) }

            let stopAt = line.count / 2
            var handed = 0
            _ = ScalarCharacters.forEachCharacter(
                line,
                scalar: { _ in
                    handed += 1
                    return handed < stopAt
                },
                character: { _ in
                    handed += 1
                    return handed < stopAt
                })
            XCTAssertEqual(handed, min(max(stopAt, 1), line.count), line.debugDescription)
        }
        XCTAssertTrue(ScalarCharacters.forEachCharacter("abc", scalar: { _ in true }, character: { _ in XCTFail("abc is three scalars alone"); return true }))
    }

    /// The sentence end read off the bytes is the last character's, closers looked through.
    func testSentenceEndOfBytesIsTheCharacters() {
        func reference(_ line: String) -> Bool {
            var rest = Substring(line)
            while let last = rest.last, Headline.closers.contains(last) { rest = rest.dropLast() }
            return rest.last.map { Headline.sentenceEnds.contains($0) } ?? false
        }
        let endings = ["", ".", "!", "?", "…", "。", "！", "？", ":", ";", "\u{37E}", ".\u{301}", ".\"", ".”", "!’", "?»", ".)", ".]", "”", ")", "e\u{301}", "😀",
                       "👍🏽", ".😀", "\r", "\r\n", ".\r\n", "\u{200B}", "क्ष।", "x", "ü", "Über.", "日本。", ".\u{FE0F}", "»."]
        var generator = SystemRandomNumberGenerator()
        let lines = randomLines(count: 3000, maxPieces: 12).map { line in
            line + (endings.randomElement(using: &generator) ?? "") + (Bool.random(using: &generator) ? (endings.randomElement(using: &generator) ?? "") : "")
        } + endings
        for line in lines {
            var copy = line
            let fromBytes = copy.withUTF8 { Headline.endsSentence(line, bytes: $0) }
            XCTAssertEqual(fromBytes, reference(line), line.debugDescription)
            XCTAssertEqual(Headline.endsSentence(line), reference(line), line.debugDescription)
        }
    }

    /// Words, table rows, number cells, punctuation and name-list counts of lines beyond ASCII, as
    /// their definitions by `Character` give them.
    func testMainTextCountsPastJoiningScalarsMatchTheirDefinitions() {
        for line in randomLines(count: 4000, maxPieces: 40) {
            let words = line.split(whereSeparator: { $0.isWhitespace }).count
            XCTAssertEqual(MainText.wordCount(line, ascii: false, limit: 1000), words, line.debugDescription)
            XCTAssertEqual(MainText.wordCount(line, ascii: false, limit: 3), min(words, 3), line.debugDescription)

            let cells = line.split(whereSeparator: { $0.isWhitespace || $0 == "|" })
            let numbers = cells.filter { cell in cell.contains(where: \.isNumber) && cell.allSatisfy { $0.isNumber || MainText.numberMarks.contains($0) } }.count
            XCTAssertEqual(MainText.isDataRow(line), cells.count >= 3 && numbers * 3 >= cells.count, line.debugDescription)

            let numberCell = line.contains(where: \.isNumber) && line.allSatisfy { $0.isNumber || MainText.holdsInNumberCell($0) }
            XCTAssertEqual(MainText.isNumberCell(line), numberCell, line.debugDescription)

            let marks = line.reduce(0) { $0 + (MainText.punctuation.contains($1) ? 1 : 0) }
            for limit in 1...3 {
                XCTAssertEqual(MainText.holdsPunctuation(line, ascii: false, atLeast: limit), marks >= limit, line.debugDescription)
            }

            let counts = MainText.nameListCounts(line)
            let reference = MainText.nameListCountsByCharacters(line)
            XCTAssertEqual(
                [counts.cased, counts.capitalised, counts.shouted, counts.separators],
                [reference.cased, reference.capitalised, reference.shouted, reference.separators], line.debugDescription)
        }
        // Number cells and rows that only the joining scalars spoil, or do not.
        for line in ["12\u{301}", "1\u{200B}2", "12 \u{301}", "€ 5 👍🏽", "3 x 4 y 5 z 6", "3\u{301} 4 5 a b", "1 | 2 | 3\r\n"] {
            let numberCell = line.contains(where: \.isNumber) && line.allSatisfy { $0.isNumber || MainText.holdsInNumberCell($0) }
            XCTAssertEqual(MainText.isNumberCell(line), numberCell, line.debugDescription)
        }
    }

    /// The first word character of a line (a title's edge compared by `Character`), by scalar
    /// where it can be: the `Character` walk's.
    func testFirstWordCharacterIsTheCharacterWalks() {
        for line in randomLines(count: 4000, maxPieces: 8) + ["", " ", "\u{301}a", "_x", "…Über", "\r\nx", "👍🏽 Ёлка", "Ǆ"] {
            XCTAssertEqual(PageTitle.firstWordCharacter(line), line.first(where: { $0.isLetter || $0.isNumber || $0 == "_" }), line.debugDescription)
        }
    }

    /// A menu of languages, a few of them named in Indic scripts, is a list of names by its
    /// counts read past those scripts' signs, and those counts are the `Character` walk's.
    func testLanguageMenuWithIndicNamesIsANameList() {
        let line = "Change Language: Australia (English) België (Nederlands) Canada (English) Deutschland (Deutsch) India (English) India (मराठी) "
            + "India (हिंदी) India (বাংলা) Ireland (English) Italia (Italiano) Magyarország (Magyar) Nederland (Nederlands) Norge (Norsk) "
            + "Österreich (Deutsch) Polska (Polski) Schweiz (Deutsch) Suomi (Suomi) Sverige (Svenska) Türkiye (Türkçe) United Kingdom (English) "
            + "Brasil (Português) Chile (Español) Colombia (Español) Danmark (Dansk) España (Español) France (Français) México (Español)"
        let counts = MainText.nameListCounts(line)
        let reference = MainText.nameListCountsByCharacters(line)
        XCTAssertEqual([counts.cased, counts.capitalised, counts.shouted, counts.separators],
                       [reference.cased, reference.capitalised, reference.shouted, reference.separators])
        XCTAssertTrue(MainText.isNameList(line))
        XCTAssertLessThan(MainText.weight(line), 0)
    }
}
