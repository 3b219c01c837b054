import XCTest

@testable import Cleaner

/// The `fingerprint` of JSON output: trafilatura's simhash, so that fingerprints from clean and
/// trafilatura compare, and near-duplicates land a few bits apart.
final class ContentFingerprintTests: XCTestCase {
    /// Digests from Python's `hashlib.blake2b` (the RFC 7693 "abc" vector for 64 bytes).
    func testBlake2bMatchesPython() {
        func hex(_ bytes: [UInt8]) -> String { bytes.map { String($0, radix: 16).leftPadded(to: 2) }.joined() }
        XCTAssertEqual(hex(Blake2b.hash(Array("abc".utf8), length: 8)), "d8bb14d833d59559")
        XCTAssertEqual(hex(Blake2b.hash([UInt8](), length: 8)), "e4a6a0577479b2b4")
        // Several full blocks, the last one full: it must be flagged final, not compressed twice.
        XCTAssertEqual(hex(Blake2b.hash((0..<512).map { UInt8($0 % 256) }, length: 8)), "e4ac345f5aeb2a0e")
        XCTAssertEqual(
            hex(Blake2b.hash(Array("abc".utf8), length: 64)),
            "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923")
        XCTAssertEqual(
            hex(Blake2b.hash((0..<128).map { UInt8($0) }, length: 64)),
            "2319e3789c47e2daa5fe807f61bec2a1a6537fa03f19ff32e87eecbfd64b7e0e8ccff439ac333b040f19b0c4ddd11a61e24ac1fe0f10a039806c5dcc0da3d115")
    }

    /// Values from trafilatura 2.3.1's `content_fingerprint`: no tokens, one short token, a script
    /// written without spaces (split at its punctuation), non-ASCII letters and numerals, and a
    /// text long enough that only tokens of more than four letters count.
    func testFingerprintMatchesTrafilatura() {
        XCTAssertEqual(ContentFingerprint.hex(of: ""), "ffffffffffffffff")
        XCTAssertEqual(ContentFingerprint.hex(of: "Hello"), "3c5c8a1fdb206886")
        XCTAssertEqual(ContentFingerprint.hex(of: "中文。文本，测试！"), "6761e8afd265152")
        XCTAssertEqual(ContentFingerprint.hex(of: "a b c"), "47ac2614d074e3f")
        XCTAssertEqual(ContentFingerprint.hex(of: "Ünïcödé wörds ½ ² x"), "28f773657ae3b86f")
        XCTAssertEqual(
            ContentFingerprint.hex(of: String(repeating: "The quick brown fox jumps over the lazy dog ", count: 3)),
            "1af083f01050ba17")
    }

    /// A page and its copy with one sentence changed stay within a few bits; an unrelated text
    /// does not.
    func testNearDuplicatesAreClose() throws {
        let article = (1...40).map { "Sentence number \($0) reports on harbour dredging, tides and the council budget." }.joined(separator: " ")
        let edited = article.replacingOccurrences(of: "number 17 reports", with: "number 17 describes")
        let other = (1...40).map { "Paragraph \($0) reviews a violin concerto, its soloist and the orchestra's tempo." }.joined(separator: " ")
        func distance(_ a: String, _ b: String) throws -> Int {
            let x = try XCTUnwrap(UInt64(ContentFingerprint.of(title: "Dredging", text: a), radix: 16))
            let y = try XCTUnwrap(UInt64(ContentFingerprint.of(title: "Dredging", text: b), radix: 16))
            return (x ^ y).nonzeroBitCount
        }
        XCTAssertLessThanOrEqual(try distance(article, edited), 6)
        XCTAssertGreaterThanOrEqual(try distance(article, other), 16)
    }

    /// `--format json` and JSON Lines records carry the fingerprint of their title and text.
    func testJSONOutputsCarryTheFingerprint() throws {
        let page = "<html><head><title>Harbour news</title></head><body><article><p>The harbour will be dredged next spring, the council said on Monday after a long debate about costs.</p></article></body></html>"
        let result = try clean(page, builtin: true, options: CleanOptions(input: .html))
        XCTAssertTrue(result.text.hasPrefix("The harbour will be dredged"), result.text)
        let expected = ContentFingerprint.of(title: DocumentFields(result).title, text: result.text)
        XCTAssertTrue(DocumentJSON.object(for: result).contains("\"fingerprint\":\"\(expected)\""))
        let line = String(decoding: RecordCleaner.line(for: result, id: nil, url: nil), as: UTF8.self)
        XCTAssertTrue(line.contains("\"fingerprint\":\"\(expected)\""))
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

extension ContentFingerprintTests {
    /// The whitespace table stands in for the White_Space property: every scalar agrees.
    func testPythonSpaceAgreesWithWhiteSpaceForEveryScalar() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected = scalar.properties.isWhitespace || (0x1C...0x1F).contains(value)
            XCTAssertEqual(ContentFingerprint.isPythonSpace(scalar), expected, "U+\(String(value, radix: 16))")
        }
    }
}
