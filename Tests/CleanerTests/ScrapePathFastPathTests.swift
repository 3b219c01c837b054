import XCTest

@testable import Cleaner

/// The per-scrape fast paths (path names, word counts, lower case, label lists)
/// give what their definitions give: the definitions are written out here as they read, and both
/// run on the same pseudo-random inputs (`pseudoRandomLines`), so every run sees the same ones.
final class ScrapePathFastPathTests: XCTestCase {
    /// Pieces that decide the answers: ASCII words and separators, "\r\n", "/", combining marks
    /// (on "/", on ","), non-ASCII letters whose lower case is not one scalar (İ) or hangs on
    /// context (Σ), Kelvin and Ohm signs, CJK, emoji, Unicode spaces.
    private let pieces = ["a", "Word", "WORD", " ", "  ", "\t", "\r\n", "\r", "/", "//", "/\u{301}", ",", ",\u{301}", ";", "|", "·", "•", "、", "，", "\u{37E}", "\u{387}", "...", "…",
                          "é", "É", "e\u{301}", "İ", "Σ", "ΣΑΣ", "ß", "Ǆ", "\u{212A}", "\u{2126}", "Дом", "日本", "😀", "\u{A0}", "\u{3000}", ".", "x", ""]

    private func lines(seed: UInt64, count: Int, maxWords: Int = 14) -> [String] {
        pseudoRandomLines(from: pieces, seed: seed, count: count, maxWords: maxWords) { $0 & 3 == 0 ? "" : " " }
    }

    /// `FilePaths.lastComponent` by its `Character` definition.
    private func referenceLastComponent(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        if trimmed == "/" || trimmed.isEmpty { return String(trimmed) }
        guard let slash = trimmed.lastIndex(of: "/") else { return String(trimmed) }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    func testLastComponentAsTheDefinition() {
        let paths = lines(seed: 5, count: 4000, maxWords: 8).map { $0.replacingOccurrences(of: " ", with: "") }
            + ["", "/", "//", "a", "a/", "/a", "a//", "a/b/c", "/a/b/", "\r\n/", "/\r\n", "a/\u{301}b", "dir/é.txt"]
        for path in paths {
            XCTAssertEqual(FilePaths.lastComponent(path), referenceLastComponent(path), path.debugDescription)
            if FilePaths.asciiLastComponent(path) != nil { XCTAssertTrue(path.utf8.allSatisfy { $0 < 0x80 }, path.debugDescription) }
        }
        XCTAssertEqual(FilePaths.asciiLastComponent("a/b.txt"), "b.txt")
    }

    func testLastOfWordsAsTheDefinition() {
        // Also flags (regional indicator pairs), a space that carries a combining mark, Unicode
        // line and paragraph separators, and a CR LF between words.
        let tricky = ["a 🇩🇪🇫🇷", "🇩🇪 🇫🇷🇩", "a \u{301}b c", "a b \u{301}", "é\u{2028}ö\u{2029}", "x\r\né ", "\u{3000}日本 語\u{3000}"]
        for line in lines(seed: 13, count: 5000) + ["", " ", "a", " a ", "a b", "a\r\nb", "\r\n", "a  b\t", "a b ?"] + tricky {
            let words = line.split(whereSeparator: { $0.isWhitespace })
            XCTAssertEqual(InArticleTable.lastOfWords(line), words.count >= 2 ? words.last : nil, line.debugDescription)
        }
    }

    func testWordCountAgreesWithSplitting() {
        for line in lines(seed: 9, count: 5000) {
            let words = line.split(whereSeparator: { $0.isWhitespace }).count
            for limit in [4, 5, 8] {
                let counted = MainText.wordCount(line, ascii: ASCIIText.isASCII(line), limit: limit)
                XCTAssertEqual(counted >= limit, words >= limit, line.debugDescription)
            }
        }
    }

    func testLowerCaseAsTheStandardLibrary() {
        for line in lines(seed: 13, count: 5000) + ["ΣΑΣ ΟΔΟΣ", "İstanbul", "\u{212A}ELVIN", "STRASSE ß", "Ǆǅǆ"] {
            XCTAssertEqual(Array(LowerCase.of(line).utf8), Array(line.lowercased().utf8), line.debugDescription)
        }
        // The premise, for every scalar: one that does not change when lower-cased maps to itself.
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), !scalar.properties.changesWhenLowercased else { continue }
            XCTAssertEqual(scalar.properties.lowercaseMapping, String(scalar), String(value, radix: 16))
        }
    }

    func testTruncatedStemAsTheDefinition() {
        let endings = ["...", " ...", "... more", "...more", " … mehr", "…", "....", ". . .", "... averylongtoggleword", "...\r\n", "...\u{301}", " ...\t", ""]
        var stems = 0
        var ascii = 0
        for (index, line) in lines(seed: 21, count: 6000, maxWords: 12).enumerated() {
            let text = line + endings[index % endings.count]
            let expected = RepeatedText.truncatedStemByCharacters(text).map(String.init)
            XCTAssertEqual(RepeatedText.truncatedStem(text).map(String.init), expected, text.debugDescription)
            if expected != nil { stems += 1 }
            if case .stem = RepeatedText.asciiStem(text) { ascii += 1 }
            // The copy test reads the stem and the long line's count: the same as the definition's.
            let long = text + " and the rest"
            XCTAssertEqual(RepeatedText.isTruncatedCopy(text, of: long), RepeatedText.truncatedStemByCharacters(text).map { stem in
                stem.utf8.count >= RepeatedText.minTruncatedLength && long.hasPrefix(stem) && stem.count >= RepeatedText.minTruncatedLength && long.count > stem.count
            } ?? false, text.debugDescription)
        }
        XCTAssertGreaterThan(stems, 500)
        XCTAssertGreaterThan(ascii, 100)
    }

    /// `truncatedStemByCharacters` as first written: the toggle word taken whole by `prefix(while:)`
    /// and counted after, the ellipsis and the word dropped with `dropLast`.
    private func referenceTruncatedStem(_ text: String) -> Substring? {
        var stem = Substring(text)
        if let last = stem.last, last.isLetter {
            let word = stem.reversed().prefix(while: \.isLetter)
            guard word.count <= RepeatedText.maxToggleCharacters else { return nil }
            stem = stem.dropLast(word.count).trimmingWhitespace()
        }
        if stem.hasSuffix("...") {
            stem = stem.dropLast(3)
        } else if stem.hasSuffix("…") {
            stem = stem.dropLast()
        } else {
            return nil
        }
        return stem.trimmingWhitespace()
    }

    /// The walk back over a toggle word stops one letter past the longest: the same stems as the
    /// whole word's count, on lines of letters that run on (ideographs, words of Arabic), toggle
    /// words of every length up to and past the limit, a prepended mark, combining marks.
    func testTruncatedStemByCharactersAsFirstWritten() {
        let pieces = ["日本語の記事です", "続きを読む", "تابع القراءة", "Ελληνικά", "word", "é", "e\u{301}", "\u{600}", "\u{A0}", "…", "...", " ", "a", "x2"]
        var random = PseudoRandom(state: 31)
        var stems = 0
        for line in pseudoRandomLines(from: pieces, seed: 29, count: 6000, maxWords: 8, separator: { $0 % 3 == 0 ? "" : " " }) {
            let toggle = String(repeating: "字", count: random.next(13))
            for text in [line, line + "…" + toggle, line + "... " + toggle, line + " …" + toggle + "\u{301}"] {
                let expected = referenceTruncatedStem(text)
                XCTAssertEqual(RepeatedText.truncatedStemByCharacters(text).map(String.init), expected.map(String.init), text.debugDescription)
                XCTAssertEqual(RepeatedText.truncatedStemByCharacters(text).map { $0.utf8.count }, expected.map { $0.utf8.count }, text.debugDescription)
                if expected != nil { stems += 1 }
            }
        }
        XCTAssertGreaterThan(stems, 2000)
    }

    /// `HeadedTitles.isLabelList` by its definition: the labels split at every separator.
    private func referenceIsLabelList(_ line: String) -> Bool {
        guard !Headline.endsSentence(line) else { return false }
        var labels = 0
        for label in line.split(whereSeparator: { HeadedTitles.labelSeparators.contains($0) }) {
            let words = label.split(whereSeparator: { $0.isWhitespace }).count
            if words == 0 { continue }
            guard words <= HeadedTitles.maxLabelWords else { return false }
            labels += 1
        }
        return labels >= HeadedTitles.minLabels
    }

    func testSeparatorBoundHoldsForEveryScalar() {
        // A separator Character is one scalar: every scalar that is one is counted.
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), HeadedTitles.labelSeparators.contains(Character(scalar)) else { continue }
            XCTAssertEqual(HeadedTitles.separatorScalarBound("a" + String(scalar) + "b"), 1, String(value, radix: 16))
        }
        XCTAssertEqual(HeadedTitles.separatorScalarBound("a, b \u{37E} c \u{387} d • e"), 4)
    }

    func testLabelListAsTheDefinition() {
        var lists = 0
        for line in lines(seed: 17, count: 6000, maxWords: 10) + ["stock car 2018, stock car brasil, stock car interlagos", "a | b", "a, b, c."] {
            let expected = referenceIsLabelList(line)
            XCTAssertEqual(HeadedTitles.isLabelList(line), expected, line.debugDescription)
            if expected { lists += 1 }
        }
        XCTAssertGreaterThan(lists, 50)
    }
}
