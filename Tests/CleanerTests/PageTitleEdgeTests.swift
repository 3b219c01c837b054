import XCTest

@testable import Cleaner

/// The marks `PageTitle.mayBeHeadline` reads past at a line's edges are what it takes them for,
/// and reading past them turns away no line that `isHeadline` or `repeats` would take.
final class PageTitleEdgeTests: XCTestCase {
    private var edgeMarks: [UInt32] { (0x80..<0x1_0000).filter(PageTitle.isEdgeMark) }

    /// Every edge mark, asked as the `Character` it is: no letter, no number, its own lower case,
    /// a character of its own beside ASCII letters and beside another mark, and one that the
    /// scalar walks of `words` read alone.
    /// `asciiTitleWords` and `weight`, read on the words' contiguous bytes, answer what their
    /// definitions answer on the words' `utf8` views: the title's bytes only when every word is
    /// ASCII, and each word counting one unless it holds double-width characters.
    func testTitleWordsAndWeightAreTheirDefinitions() {
        let pieces = ["Headline", "of", "the", "Day", " - ", " | ", "Caf\u{E9}", "\u{65E5}\u{672C}\u{8A9E}", "\u{D55C}\u{AD6D}", "\u{130}stanbul", "42", "x_y", "\u{2014}", ":", "\u{1F600}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let line = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined(separator: " ")
            let words = PageTitle.words(of: line)
            let expected = words.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } } ? words.map { Array($0.utf8) } : nil
            XCTAssertEqual(PageTitle.asciiTitleWords(words), expected, line)
            let weight = words.reduce(0) { total, word in
                total + max(1, word.unicodeScalars.filter { MainText.isDoubleWidth($0.value) }.count)
            }
            XCTAssertEqual(PageTitle.weight(words), weight, line)
        }
    }

    func testEdgeMarksAreNoWordCharacters() {
        XCTAssertGreaterThan(edgeMarks.count, 500)
        for value in edgeMarks {
            guard let scalar = Unicode.Scalar(value) else { return XCTFail(String(value, radix: 16)) }
            let mark = Character(scalar)
            let name = "U+" + String(value, radix: 16)
            XCTAssertFalse(mark.isLetter || mark.isNumber || mark == "_", name)
            XCTAssertEqual(String(mark).lowercased(), String(mark), name)
            XCTAssertTrue(ScalarCharacters.standsAlone(value), name)
            XCTAssertEqual(ScalarCharacters.lowercased(value), value, name)
            XCTAssertFalse(ScalarCharacters.isLetterOrNumber(value), name)
            XCTAssertEqual(("a" + String(mark) + "b").count, 3, name)
            XCTAssertEqual((String(mark) + String(mark) + "1").count, 3, name)
            XCTAssertEqual(PageTitle.words(of: "x" + String(mark) + "y"), ["x", "y"], name)
        }
    }

    /// Lines of title words, ASCII marks, edge marks and other scalars (letters beyond ASCII,
    /// combining marks, emoji) around them: where the pre-check says no, the line is no headline
    /// of the title and does not say it again.
    func testEdgeMarksTurnAwayNoHeadline() {
        let titles = [
            "How the city built its new bridge - Daily News", "Site | The long story of a small town told again",
            "Über den Fluss: die neue Brücke der Stadt – Zeitung", "日本 の 記事 です - サイト", "a b c d e f g",
        ]
        let marks = ["©", "»", "«", "•", "–", "—", "“", "”", "’", "…", "›", "→", "▶", "【", "】", "、", "｜", "\u{A0}", "\u{3000}", "€", "°", "·"]
        let others = ["é", "e\u{301}", "\u{301}", "😀", "\u{FE0F}", "ª", "²", "½", "々", "İ", "Σ", "x", "-", "|", " ", "\r\n", "_", "1"]
        for (offset, titleLine) in titles.enumerated() {
            let title = PageTitle.words(of: titleLine)
            let ends = PageTitle.TitleEnds(title)
            let words = titleLine.split(separator: " ").map(String.init)
            let pieces = words + words.map { $0.uppercased() } + marks + others
            var samples = pseudoRandomLines(from: pieces, seed: UInt64(offset) + 91, count: 4000, maxWords: 12) { $0 & 3 == 0 ? "" : " " }
            for count in 1...words.count {
                for part in [words.prefix(count), words.suffix(count)] {
                    let joined = part.joined(separator: " ")
                    for mark in marks {
                        let before: String = mark + " " + joined
                        let after: String = joined + " " + mark
                        let around: String = mark + joined + mark
                        samples += [before, after, around, "© 2024 " + joined + " »"]
                    }
                }
            }
            for line in samples where !PageTitle.mayBeHeadline(line, ends: ends) {
                let lineWords = PageTitle.words(of: line)
                XCTAssertFalse(PageTitle.isHeadline(lineWords, of: title), "\(titleLine): \(line.debugDescription)")
                XCTAssertFalse(PageTitle.weight(lineWords) >= PageTitle.minWords && PageTitle.repeats(lineWords, title: title), "\(titleLine): \(line.debugDescription)")
            }
        }
    }

    /// Words of lines with edge marks among letters beyond ASCII, as their definition splits the
    /// lower-cased line by `Character`: the walk that takes an edge mark as it is answers the same.
    func testWordsAcrossEdgeMarksAsCharacterSplit() {
        let pieces = ["Über", "straße", "ÉTÉ", "日本", "word", "X", "©", "»", "“", "”", "–", "•", "→", "【", "】", "、", "￥", "\u{A0}", "’s", "e\u{301}", "1", "_"]
        for line in pseudoRandomLines(from: pieces, seed: 97, count: 4000, maxWords: 10, separator: { $0 & 1 == 0 ? "" : " " }) {
            let reference = line.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") })
            XCTAssertEqual(PageTitle.words(of: line).map(String.init), reference.map(String.init), line.debugDescription)
        }
    }
}
