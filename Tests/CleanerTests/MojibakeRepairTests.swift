import XCTest

@testable import Cleaner

/// A plain-text scrape whose UTF-8 was read as a CJK double-byte encoding by the scraper and
/// written out again as UTF-8 comes out as the text it was.
final class MojibakeRepairTests: XCTestCase {
    private let cleaner = Cleaner(library: RuleLibrary())

    private let chinese = [
        "谷歌在二零一四年收购的人工智能公司开发出一款能够用自己的记忆学习新知识并利用这些知识来回答问题的计算机。",
        "这款产品具有极其重要的意义，因为这意味着未来的人工智能技术可能不需要人类来教它就能回答人类提出的问题。",
        "研究人员表示，这款模型可以接受家谱和地铁网络地图这样的信息，还可以回答与那些数据结构中的不同项目有关的复杂问题。",
    ]
    private let japanese = [
        "肉をくわえたイヌが、橋を渡っていました。ふと下を見ると、川の中にも肉をくわえたイヌがいます。",
        "イヌはそれを見て、思いました。あいつの肉の方が、大きそうだ。イヌは、くやしくてたまりません。",
        "同じ物を持っていても、人が持っている物の方が良く見え、また、欲張るとけっきょく損をするというお話しです。",
    ]

    /// `text`'s UTF-8 read as `encoding`, each byte that starts no sequence there a U+FFFD: what a
    /// scraper that guessed the charset wrong writes.
    private func misread(_ text: String, as encoding: String) throws -> String {
        let transcoder = try XCTUnwrap(Transcoder(from: encoding))
        let bytes = Array(text.utf8)
        let output = bytes.withUnsafeBytes { transcoder.convert($0) }
        return String(decoding: output.utf8, as: UTF8.self)
    }

    /// `paragraphs`, misread as `encoding` and cleaned, come out as they were written.
    private func assertReadAsWritten(_ paragraphs: [String], misreadAs encoding: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let scraped = try misread(paragraphs.joined(separator: "\n\n"), as: encoding)
        XCTAssertFalse(scraped.contains(paragraphs[0].prefix(8)), "the fixture is no misreading", file: file, line: line)
        let cleaned = cleaner.clean(scraped).text
        for paragraph in paragraphs {
            // The misreading loses a byte here and there (one that starts no sequence in the
            // encoding), and with it a character (about one in ten for Shift_JIS): the rest comes
            // back. Compared by pairs of characters, most of which hold no lost one; the misread
            // text holds none of them.
            let characters = Array(paragraph)
            let runs = (0...(characters.count - 2)).map { String(characters[$0..<($0 + 2)]) }
            let found = runs.filter { cleaned.contains($0) }.count
            XCTAssertGreaterThanOrEqual(Double(found), 0.5 * Double(runs.count), "\(paragraph.prefix(10)) in \(cleaned.prefix(200))", file: file, line: line)
        }
    }

    func testUTF8MisreadAsGBKIsReadAsWritten() throws {
        try assertReadAsWritten(chinese, misreadAs: "GB18030")
    }

    func testUTF8MisreadAsShiftJISIsReadAsWritten() throws {
        try assertReadAsWritten(japanese, misreadAs: "CP932")
    }

    /// Text truly in a CJK script, and Latin text with its misreadings, are left as they are.
    func testTextThatIsNoCJKMisreadingIsLeftAlone() {
        XCTAssertNil(MojibakeRepair.repair(Array((chinese + japanese).joined(separator: "\n").utf8)))
        let korean = String(repeating: "정부는 오늘 새로운 경제 정책을 발표했다. 전문가들은 이 정책이 물가 안정에 도움이 될 것이라고 말했다.\n", count: 3)
        XCTAssertNil(MojibakeRepair.repair(Array(korean.utf8)))
        let latin = String(repeating: "Der Bundestag hat heute über das Gesetz abgestimmt. CafÃ© und MÃ¼nchen bleiben, wie sie sind.\n", count: 20)
        XCTAssertNil(MojibakeRepair.repair(Array(latin.utf8)))
        let cleaned = cleaner.clean(chinese.joined(separator: "\n\n")).text
        XCTAssertTrue(cleaned.contains(chinese[1]))
    }

    /// A descriptor the pool hands out again starts afresh: a conversion after one that stopped
    /// on a bad byte or in a cut sequence, and a repair after a failed one, give what a first would.
    func testReusedConverterStartsAfresh() throws {
        let text = Array(chinese.joined(separator: "\n").utf8)
        let first = try XCTUnwrap(MojibakeRepair.writeBack(text, in: "GB18030"))
        for broken in [Array(text.prefix(3 * 7 + 1)), [0xE4, 0xB8], text + [0xFF, 0xE4]] {
            _ = MojibakeRepair.writeBack(broken, in: "GB18030")
            XCTAssertEqual(MojibakeRepair.writeBack(text, in: "GB18030"), first)
        }
        let gbk = Array(first.prefix(40))
        let fresh = try XCTUnwrap(gbk.withUnsafeBytes { Transcoder(from: "GB18030")?.convert($0) })
        for cut in [[0x81], [0xD6, 0xD0, 0xB9]] as [[UInt8]] {
            _ = cut.withUnsafeBytes { Transcoder(from: "GB18030")?.convert($0) }
            let again = try XCTUnwrap(gbk.withUnsafeBytes { Transcoder(from: "GB18030")?.convert($0) })
            XCTAssertEqual(again.utf8, fresh.utf8)
            XCTAssertEqual(again.errors, fresh.errors)
        }
        let scraped = try misread(chinese.joined(separator: "\n\n"), as: "GB18030")
        let repaired = MojibakeRepair.repair(Array(scraped.utf8))
        XCTAssertNil(MojibakeRepair.repair(Array(String(repeating: "\u{6C49}\u{5B57} ", count: 40).utf8)))
        XCTAssertEqual(MojibakeRepair.repair(Array(scraped.utf8)), repaired)
        XCTAssertNotNil(repaired)
    }

    /// The screen's count of lead bytes, eight at a time, equals a count a byte, for ranges at the
    /// ends of what it takes and for texts of every length up to a few words, mostly ASCII or not.
    func testLeadBytesAreCountedAsByteByByte() {
        var random = PseudoRandom(state: 7)
        let ranges: [ClosedRange<UInt8>] = [MojibakeRepair.misreadLeadBytes, 0x81...0xFE, 0xE3...0xE3, 0xC0...0xDF, 0x81...0x81, 0xFE...0xFE]
        for length in 0..<200 {
            for ascii in [true, false] {
                let bytes = (0..<length).map { _ in UInt8(ascii && random.next(4) > 0 ? random.next(0x80) : random.next(0x100)) }
                for range in ranges {
                    let expected = bytes.filter { range.contains($0) }.count
                    XCTAssertEqual(bytes.withUnsafeBufferPointer { ByteLanes.count(in: range, $0) }, expected, "\(range) \(bytes)")
                }
            }
        }
    }
}
