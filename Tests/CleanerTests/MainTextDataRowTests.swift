import XCTest

@testable import Cleaner

/// `isDataRow` answers, on lines of emoji, joiner sequences, combining marks and flags (the lines
/// the scalar walk leaves to the Character path), as the split by Character it shortcuts.
final class MainTextDataRowTests: XCTestCase {
    /// The split by Character that `isDataRow` answered with before its shortcuts.
    private func dataRowByCharacters(_ line: String) -> Bool {
        let cells = line.split(whereSeparator: { $0.isWhitespace || $0 == "|" })
        guard cells.count >= 3 else { return false }
        let numbers = cells.filter { cell in cell.contains(where: \.isNumber) && cell.allSatisfy { $0.isNumber || MainText.numberMarks.contains($0) } }.count
        return numbers * 3 >= cells.count
    }

    private let pieces = [
        "😀", "👍🏽", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🇩🇪", "🇫🇷", "🇺", "1️⃣", "#️⃣", "7\u{20E3}", "e\u{301}", "a\u{308}\u{323}", "\u{301}", "\u{200D}",
        "\u{FE0F}", "x\u{200D}y", "❤️", "✅", "12", "3.5", "45%", "€", "$9", "1/2", "−5", "٣", "१२", "Ⅻ", "½", "²", "|", " ", "\t",
        "\u{A0}", "\u{3000}", "\r\n", "Kevin", "Müller", "日本", "한국", "۱۲", "12\u{301}", "5\u{FE0F}", ",", ":", "-", "+",
    ]

    func testShortcutAnswersAsCharacterSplit() {
        var lines = [
            "😀 12 34 56", "👍🏽 1 2 3", "🇩🇪 3 1 0 9", "1️⃣ 2️⃣ 3️⃣", "e\u{301} e\u{301} e\u{301}", "👨‍👩‍👧‍👦 | 4 | 5 | 6",
            "7\u{20E3} 8 9", "٣ ٤ ٥ 😀", "Ⅻ ½ ² ❤️", "12\u{301} 3 4 😀", "✅ Team 12 3 45%", "🏳️‍🌈 🏳️‍🌈 🏳️‍🌈", "a\u{308}",
        ]
        lines += pseudoRandomLines(from: pieces, seed: 7, count: 5000, maxWords: 12) { $0 & 3 == 0 ? "" : " " }
        var rows = 0
        for line in lines {
            let expected = dataRowByCharacters(line)
            if expected { rows += 1 }
            XCTAssertEqual(MainText.isDataRow(line), expected, line.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
        }
        // The lines hold both answers, so the comparison tests each.
        XCTAssertGreaterThan(rows, 100)
        XCTAssertLessThan(rows, lines.count - 100)
    }
}
