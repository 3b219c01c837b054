import XCTest

@testable import Cleaner

/// `main_text` reads its units' texts from the document's lines (`MainText.UnitTexts`): a unit
/// that is one line gives that line's text, whether kept or not, short or long; a block of
/// wrapped prose gives nil, as the array of texts held before.
final class MainTextUnitTextsTests: XCTestCase {
    func testUnitTextsAreTheLinesTexts() {
        let long = String(repeating: "A line of prose longer than a small string. ", count: 5)
        var blocks = [
            Block(kind: .paragraph, lines: ["Menu", long, "é 東京"]),
            Block(kind: .paragraph, lines: ["wrapped one", "wrapped two", "wrapped three"]),
            Block(kind: .paragraph, lines: ["", "\r\n"]),
        ]
        blocks[0].lines[1].removedBy = .heuristic(name: "test", category: .other, detail: "")
        let places = [
            MainText.Unit(block: 0, line: 0), MainText.Unit(block: 0, line: 1), MainText.Unit(block: 0, line: 2),
            MainText.Unit(block: 1, line: nil), MainText.Unit(block: 2, line: 0), MainText.Unit(block: 2, line: 1),
        ]
        let texts = MainText.UnitTexts(blocks: blocks, places: places)
        XCTAssertEqual(Array(texts), ["Menu", long, "é 東京", nil, "", "\r\n"])
        XCTAssertEqual(texts.count, places.count)
        XCTAssertEqual(texts.first, "Menu")
        XCTAssertEqual(Array(texts[3..<5]), [nil, ""])
        XCTAssertTrue(MainText.UnitTexts(blocks: [], places: []).isEmpty)
    }
}
