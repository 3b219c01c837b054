import XCTest

@testable import Cleaner

/// The one-walk features of a line that is not all ASCII answer as the separate checks do, and
/// the weight made from them equals the weight asked check by check.
final class MainTextScalarFeaturesTests: XCTestCase {
    private let pieces = [
        "Über", "die", "Straße", "München", "ÄRZTE", "größer", "Зимой", "в", "Москве", "СНГ", "日本語", "の", "記事", "。", "、",
        "，", "：", "！", "Ελλάδα", "αλφα", "€", "£", "12,50", "3.000", "−5", "‰", "’", "45%", "１２", "一二三", "|", "-", ":",
        ";", ",", ".", "?", "!", "\u{A0}", "\u{3000}", "\u{2009}", "Paris", "and", "the", "USA", "2024", "x", "$", "¥",
        "한국어", "뉴스", "ß", "ﬁ", "Ǆ", "ǅ", "\u{2028}", "(", ")", "\"", "»", "«", "42", "7", "Kevin", "Harvick",
    ]

    private var lines: [String] {
        var lines = [
            "", " ", "Ü", "12", "€ 12,50", "１２３", "一二三", "3 Müller 5033 4 6 15 26", "Платформа 1 2 3 4", "日本のニュース：",
            "Die Straße ist lang, und die Häuser sind alt; sie stehen seit 1900 dort. Niemand weiß, wer sie gebaut hat!",
            "Москва, Санкт-Петербург, Казань и другие города России участвуют в программе развития на 2024 год.",
            "東京都は今日、新しい計画を発表した。計画は来年から始まる予定で、多くの市民が期待している。",
            "Österreich Deutschland Schweiz Frankreich Italien Spanien Portugal Belgien Niederlande Luxemburg Dänemark Schweden Norwegen Finnland Island Irland Polen Tschechien Slowakei Ungarn Rumänien",
            "Home › News › Welt", "12 %", "−3,5 ‰", "1.234,56 €", "a\u{301}bc", "Zeile\r", "Line: Über:", "x\u{200D}y",
        ]
        lines += pseudoRandomLines(from: pieces, seed: 42, count: 3000, maxWords: 40) { $0 & 1 == 0 ? " " : "" }
        return lines
    }

    private func assertSameAnswers(_ line: String, file: StaticString = #filePath, lineNumber: UInt = #line) {
        let walked = line.utf8.withContiguousStorageIfAvailable(MainText.ScalarFeatures.of) ?? nil
        let dump = line.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " ")
        let (length, spaceBound) = MainText.lengthAndSpaceBound(line)
        XCTAssertEqual(length, MainText.weightedLength(line), dump, file: file, line: lineNumber)
        XCTAssertGreaterThanOrEqual(spaceBound, line.unicodeScalars.filter(\.properties.isWhitespace).count, dump, file: file, line: lineNumber)
        XCTAssertEqual(MainText.mayBeNameList(line, spaceBound: spaceBound), MainText.mayBeNameList(line), dump, file: file, line: lineNumber)
        guard let features = walked else {
            // Left to `generalWeight`, unless decided before the walk.
            if let weight = MainText.scalarWeight(line) { XCTAssertEqual(weight, MainText.generalWeight(line), dump, file: file, line: lineNumber) }
            return
        }
        XCTAssertEqual(features.weightedLength, MainText.weightedLength(line), dump, file: file, line: lineNumber)
        XCTAssertEqual(features.punctuation, line.reduce(0) { $0 + (MainText.punctuation.contains($1) ? 1 : 0) }, dump, file: file, line: lineNumber)
        XCTAssertEqual(features.mayBeNameList, MainText.mayBeNameList(line), dump, file: file, line: lineNumber)
        XCTAssertEqual(features.isDataRow, MainText.isDataRow(line), dump, file: file, line: lineNumber)
        XCTAssertEqual(features.isNumberCell, MainText.isNumberCell(line), dump, file: file, line: lineNumber)
        let words = line.split(whereSeparator: { $0.isWhitespace }).count
        XCTAssertEqual(features.words, words, dump, file: file, line: lineNumber)
        XCTAssertEqual(MainText.scalarWeight(line), MainText.generalWeight(line), dump, file: file, line: lineNumber)
    }

    func testOneWalkAnswersAsEachCheck() {
        for line in lines { assertSameAnswers(line) }
    }

    /// Every scalar that stands alone, alone and in a number cell and a table row.
    func testEveryScalarAnswersAsEachCheck() {
        for value in UInt32(0x80)...0x10FFFF where ScalarCharacters.standsAlone(value) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            XCTAssertEqual(MainText.ScalarFeatures.isCurrencySymbol(value), Character(scalar).isCurrencySymbol, String(value, radix: 16))
            let text = String(scalar)
            for line in [text, "12\(text)", "\(text)5 3 4", "1 \(text) 2"] { assertSameAnswers(line) }
        }
    }
}
