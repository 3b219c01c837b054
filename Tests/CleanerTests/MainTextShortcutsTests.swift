import XCTest

@testable import Cleaner

/// `MainText`'s shortcuts answer as the definitions they stand for, written out here as they read
/// (by `Character`), on the same pseudo-random lines every run.
final class MainTextShortcutsTests: XCTestCase {
    /// Pieces that decide the answers: ASCII and full-width colons, with and without a combining
    /// mark, lower and upper case starts, "\r\n", emoji, CJK, Unicode spaces, digits and marks.
    private let pieces = [
        "a", "Word", "word", "WORD", "über", "Über", "é", "e\u{301}", ":", "：", ":\u{301}", "：\u{301}", "Posted:", "Note：", "\r\n",
        "\t", "  ", "😀", "👍🏽", "日本", "の", "\u{A0}", "\u{3000}", "12", "3,5", "€", "%", "|", ".", ",", ";", "!", "?", "…", "”", ")",
        "\u{37E}", "ß", "Σ", "x", "",
    ]

    private func lines(seed: UInt64, count: Int, maxWords: Int = 16) -> [String] {
        pseudoRandomLines(from: pieces, seed: seed, count: count, maxWords: maxWords) { $0 & 3 == 0 ? "" : " " }
    }

    /// `introducesList` as it reads: the last `Character` is a colon, no other is, and the line
    /// weighs for the article.
    private func referenceIntroducesList(_ line: String) -> Bool {
        guard let last = line.last, MainText.listIntroducers.contains(last) else { return false }
        guard line.dropLast().allSatisfy({ !MainText.listIntroducers.contains($0) }) else { return false }
        return MainText.weight(line) > 0
    }

    func testIntroducesListAsItsDefinition() {
        let sentence = "This course is chosen by many students from the faculty"
        let ends = [":", "：", " :", "x:", "::", ": :", "：：", ":\u{301}:", "e\u{301}:", "：\u{301}：", "😀:", "日本：", "\r\n:"]
        var samples = lines(seed: 3, count: 4000).map { $0 + ($0.count % 2 == 0 ? ":" : "：") }
        for end in ends {
            samples += [sentence + end, "Über " + sentence + end, sentence + ": and more" + end, sentence + "：über" + end, "é" + end]
        }
        for line in samples {
            XCTAssertEqual(MainText.introducesList(line), referenceIntroducesList(line), line.debugDescription)
        }
    }

    /// The test asked before a block's lines are gathered is the first test of `isWrappedProse`:
    /// with it or without, the same blocks are wrapped prose.
    func testCarriesOnAsWrappedProseAsks() {
        let prose = [
            "the old mail was wrapped at a fixed width so that", "each line breaks in the middle of a sentence and",
            "goes on in lower case on the next one, as mail", "Does not always, and some lines end here.", "über alles",
            "Menu", "Home", "News", "é", "e\u{301}tude continues here on the line", "",
        ]
        let all = prose + pieces
        for seed in UInt64(0)..<3000 {
            var state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 1
            func next() -> Int {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return Int(state >> 33)
            }
            let count = next() % 7 + 3
            let block = (0..<count).map { _ in
                var line = Line(text: all[next() % all.count] + (next() % 3 == 0 ? " " + all[next() % all.count] : ""), removedBy: nil)
                if next() % 5 == 0 { line.removedBy = .heuristic(name: "test", category: .caption, detail: "") }
                return line
            }
            let kept = block.filter(\.isKept).map(\.text)
            guard kept.count >= 3 else { continue }
            XCTAssertEqual(MainText.carriesOn(block, kept: kept.count) && MainText.isWrappedProse(kept), MainText.isWrappedProse(kept), kept.debugDescription)
        }
    }

    /// Words of ASCII lines read off the contiguous bytes, as `Character`s split on whitespace.
    func testASCIIWordCountAsSplitOnWhitespace() {
        let ascii = lines(seed: 21, count: 5000, maxWords: 30).filter { $0.utf8.allSatisfy { $0 < 0x80 } }
            + ["", " ", "\r\n", "a\r\nb", "a\u{0B}b\u{0C}c", " a  b "]
        for line in ascii {
            let words = line.split(whereSeparator: { $0.isWhitespace }).count
            for limit in [1, 3, 8, 26, 1000] {
                XCTAssertEqual(MainText.wordCount(line, ascii: true, limit: limit), min(words, limit), line.debugDescription)
            }
        }
    }

    /// Every ASCII byte inside lines beyond ASCII, where the scalar walk reads it from its table:
    /// the weight is what each check asked of the `Character`s gives.
    func testASCIIBytesInScalarWalkWeighAsEachCheck() {
        for value in UInt8(0)..<0x80 where value != 0x0D {
            let byte = String(UnicodeScalar(value))
            let samples = [
                "é\(byte)", "\(byte)é", "Über\(byte)alles", "€ 1\(byte)2 3 4", "１２ \(byte) 3 4", "3\(byte)5 € 6 7",
                "Die Straße\(byte) die Häuser\(byte) die Stadt", "\u{A0}\(byte)x ü", "12\(byte)%\u{A0}", "日本\(byte)語 の 記事",
                String(repeating: "München \(byte)", count: 20), String(repeating: "Ärzte\(byte) ", count: 30) + ".",
            ]
            for line in samples {
                XCTAssertEqual(MainText.weight(line), MainText.generalWeight(line), line.debugDescription)
                guard let features = line.utf8.withContiguousStorageIfAvailable(MainText.ScalarFeatures.of) ?? nil else { continue }
                XCTAssertEqual(features.punctuation, line.reduce(0) { $0 + (MainText.punctuation.contains($1) ? 1 : 0) }, line.debugDescription)
                XCTAssertEqual(features.isDataRow, MainText.isDataRow(line), line.debugDescription)
                XCTAssertEqual(features.isNumberCell, MainText.isNumberCell(line), line.debugDescription)
                XCTAssertEqual(features.mayBeNameList, MainText.mayBeNameList(line), line.debugDescription)
                XCTAssertEqual(features.words, line.split(whereSeparator: { $0.isWhitespace }).count, line.debugDescription)
            }
        }
    }

    /// A headline of an ASCII title read off an ASCII line's bytes, as its words split and compared.
    func testASCIIHeadlineAsWordsCompared() {
        let titles = [
            "How the city built its new bridge - Daily News", "Site | The long story of a small town, told again",
            "a b c d e f g", "Report_2024: the year in 10 charts | Example", "Ünïcode title here for sure - Site",
        ]
        for (offset, titleLine) in titles.enumerated() {
            let title = PageTitle.words(of: titleLine)
            guard let ascii = PageTitle.asciiTitleWords(title) else {
                XCTAssertTrue(title.contains { $0.utf8.contains { $0 >= 0x80 } }, titleLine)
                continue
            }
            let words = title.map(String.init)
            var samples: [String] = []
            for count in 1...words.count {
                samples += [words.prefix(count).joined(separator: " "), words.suffix(count).joined(separator: " "),
                            words.prefix(count).map { $0.uppercased() }.joined(separator: " - "), words.suffix(count).joined(separator: "_"),
                            "  " + words.suffix(count).joined(separator: ", ") + "!", words.prefix(count).joined(separator: "\r\n")]
            }
            let pieces = words + words.map { $0.prefix(1).uppercased() + $0.dropFirst() } + ["-", "|", " ", "x", "_", "1", "'s", ":", "\r\n", "é", "Word"]
            samples += pseudoRandomLines(from: pieces, seed: UInt64(offset), count: 3000, maxWords: 12) { $0 & 3 == 0 ? "" : " " }
            for line in samples {
                let expected = PageTitle.isHeadline(PageTitle.words(of: line), of: title)
                if line.utf8.allSatisfy({ $0 < 0x80 }) {
                    XCTAssertEqual(PageTitle.asciiHeadline(line, of: ascii), expected, "\(titleLine): \(line.debugDescription)")
                } else {
                    XCTAssertNil(PageTitle.asciiHeadline(line, of: ascii), line.debugDescription)
                }
            }
        }
    }

    /// The name-list bound of an ASCII line with its whitespace counted exactly, as the walk with
    /// that bound answers: lines around `nameListWords` words and the capital share.
    func testASCIINameListBoundAsTheWalk() {
        let pieces = ["Austria", "Chad", "and", "of", "x", "IBM", "2024", "-", ",", "é", "  ", "\t", "Paris"]
        var samples = pseudoRandomLines(from: pieces, seed: 17, count: 3000, maxWords: 60) { $0 & 7 == 0 ? "  " : " " }
        for count in 20...40 {
            for lower in 0...6 {
                samples.append((0..<count).map { $0 < lower ? "and" : "Name" }.joined(separator: " "))
                samples.append((0..<count).map { $0 % 9 < lower ? "of" : "Name" }.joined(separator: " ") + ".")
            }
        }
        for line in samples where line.utf8.allSatisfy({ $0 < 0x80 }) {
            var text = line
            text.withUTF8 { bytes in
                let spaces = bytes.filter { $0 == 0x20 || (0x09...0x0D).contains($0) }.count
                XCTAssertEqual(MainText.asciiMayBeNameList(bytes, spaces: spaces), MainText.mayBeNameList(bytes: bytes, spaceBound: spaces), line)
            }
        }
    }

    /// The name-list bound with the line's whitespace bound (`lengthAndSpaceBound`) answers as
    /// without it, also for lines of words without case (hangul, CJK) among cased ones, which it
    /// gives up on once too few words are left to be cased: just below, at and above the count
    /// of cased words a name list needs, with no-break and ideographic spaces between words.
    func testNameListBoundWithUncasedWordsAsWithout() {
        let pieces = ["한국어", "서울", "東京", "Name", "Paris", "and", "of", "é", "Ünal", "2024", ",", "\u{3000}", "\u{A0}"]
        var samples = pseudoRandomLines(from: pieces, seed: 23, count: 3000, maxWords: 60) { $0 & 7 == 0 ? "\u{A0}" : " " }
        for count in 20...40 {
            for uncased in 0...12 {
                samples.append((0..<count).map { $0 < uncased ? "서울" : "Name" }.joined(separator: " "))
                samples.append((0..<count).map { $0 % 7 < uncased % 7 ? "東京" : "Name" }.joined(separator: "\u{3000}") + ".")
            }
        }
        var bounded = 0
        for line in samples {
            var text = line
            text.withUTF8 { bytes in
                let spaceBound = MainText.lengthAndSpaceBound(bytes).spaceBound
                let answer = MainText.mayBeNameList(bytes: bytes, spaceBound: spaceBound)
                XCTAssertEqual(answer, MainText.mayBeNameList(bytes: bytes), line)
                if answer { bounded += 1 }
            }
        }
        XCTAssertGreaterThan(bounded, 20)
    }

    /// A menu item read off an ASCII line's bytes, as its scalars read: at most `menuItemWords`
    /// words between whitespace and `menuItemCharacters` characters, CJK counted double.
    func testMenuItemAsItsScalars() {
        func reference(_ line: String) -> Bool {
            let size = line.unicodeScalars.reduce(0) { $0 + (MainText.isDoubleWidth($1.value) ? 2 : 1) }
            return size <= WholePage.menuItemCharacters
                && line.unicodeScalars.split(whereSeparator: { $0.properties.isWhitespace }).count <= WholePage.menuItemWords
        }
        let samples = lines(seed: 31, count: 6000, maxWords: 6) + ["", " ", "Home", "About us", "a b c", "a b c d", String(repeating: "x", count: 30),
                                                                    String(repeating: "x", count: 31), "\r\n", " a\tb\u{0B}c "]
        for line in samples {
            XCTAssertEqual(WholePage.isMenuItem(line), reference(line), line.debugDescription)
        }
    }

    /// A row's number read with the letter test on an ASCII rest's bytes, as by `Character`.
    func testLeadingNumberAsByCharacters() {
        func reference(_ line: String) -> Int? {
            var digits = 0
            var value = 0
            var rest = Substring(line)
            while let first = rest.unicodeScalars.first, (0x30...0x39).contains(first.value) {
                digits += 1
                guard digits <= NumberedRows.maxDigits else { return nil }
                value = value * 10 + Int(first.value - 0x30)
                rest = Substring(rest.unicodeScalars.dropFirst())
            }
            guard digits > 0, let mark = rest.unicodeScalars.first, [" ", "\t", ".", ")"].contains(mark) else { return nil }
            return Substring(rest.unicodeScalars.dropFirst()).contains(where: \.isLetter) ? value : nil
        }
        let starts = ["1", "12", "3.", "4)", "5 ", "6\t", "123456789 ", "7-", "8"]
        let samples = lines(seed: 41, count: 3000, maxWords: 5).enumerated().map { starts[$0.offset % starts.count] + $0.element }
            + ["1 ", "2 3 4", "3 @[`{", "4 \r\n", "5 é", "6 e\u{301}", "7 日本", "8 ²", "9 Z"]
        for line in samples {
            XCTAssertEqual(NumberedRows.leadingNumber(line), reference(line), line.debugDescription)
        }
    }

    /// A label list split on an ASCII line's bytes, as split by `Character`.
    func testLabelListAsSplitByCharacters() {
        func reference(_ line: String) -> Bool {
            guard !Headline.endsSentence(line) else { return false }
            var labels = 0
            for label in line.split(whereSeparator: { HeadedTitles.labelSeparators.contains($0) }) {
                let words = label.split(whereSeparator: \.isWhitespace).count
                if words == 0 { continue }
                guard words <= HeadedTitles.maxLabelWords else { return false }
                labels += 1
            }
            return labels >= HeadedTitles.minLabels
        }
        let pieces = ["News", "World", "a", "b c", ",", ", ", ";", "|", " | ", "·", "•", "，", "\r\n", " ", "x y z w v u t", "."]
        let samples = pseudoRandomLines(from: pieces, seed: 43, count: 5000, maxWords: 14) { $0 & 1 == 0 ? "" : " " }
            + ["a, b, c", "a,,b,,c", " , , ", "one two three four five six seven, b, c", "a | b | c |", "a,b,c."]
        for line in samples {
            XCTAssertEqual(HeadedTitles.isLabelList(line), reference(line), line.debugDescription)
        }
    }

    /// A long line that ends no sentence weighs as the definition says with all its punctuation
    /// counted: the walks that stop at the second mark answer the same.
    func testLongLinesWithoutSentenceEndWeighAsAllMarksCounted() {
        func reference(_ line: String) -> Double {
            let size = MainText.weightedLength(line)
            let marks = line.reduce(0) { $0 + (MainText.punctuation.contains($1) ? 1 : 0) }
            if size >= MainText.proseCharacters, !MainText.isNameList(line), !Headline.endsSentence(line), marks >= 2 {
                return min(Double(size), MainText.maxLineWeight)
            }
            return MainText.generalWeight(line)
        }
        let pieces = [
            "über", "die", "Straße", "word", "Word", "日本", "の", ",", ", ", ";", ".", "!", "，", "、", "：", "\u{37E}", ",\u{301}", "e\u{301}", "😀",
            "👍🏽", "\r\n", "\u{A0}", "”", ")", "12", "€", "…", "Name",
        ]
        let samples = pseudoRandomLines(from: pieces, seed: 57, count: 4000, maxWords: 60) { $0 & 3 == 0 ? "" : " " }
            + ["Ärzte, Pfleger und Patienten " + String(repeating: "warten hier ", count: 8) + "😀",
               "e\u{301}, " + String(repeating: "Straße ", count: 14) + "und, mehr", String(repeating: "Name ", count: 30) + "Über, x"]
        for line in samples where line.unicodeScalars.count >= MainText.proseCharacters / 2 {
            XCTAssertEqual(MainText.weight(line), reference(line), line.debugDescription)
            XCTAssertEqual(MainText.generalWeight(line), reference(line), line.debugDescription)
            let marks = line.reduce(0) { $0 + (MainText.punctuation.contains($1) ? 1 : 0) }
            for ascii in [false, ASCIIText.isASCII(line)] {
                XCTAssertEqual(MainText.holdsPunctuation(line, ascii: ascii, atLeast: 2), marks >= 2, line.debugDescription)
            }
        }
    }

    /// The first character's case read off an ASCII first byte, as the `Character` answers: an
    /// ASCII start that a mark beyond ASCII joins is left to the scalars (U+0345 makes "1" lower case).
    func testStartsLowercaseAsTheFirstCharacter() {
        let samples = lines(seed: 61, count: 3000) + ["a", "A", "1\u{345}", "a\u{301}", "A\u{301}", "\r\n", "\ra", "z ", "é", "", " a", "ab"]
        for line in samples {
            XCTAssertEqual(MainText.startsLowercase(line), line.first?.isLowercase == true, line.debugDescription)
        }
    }
}
