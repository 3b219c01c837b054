import XCTest

@testable import Cleaner

/// Whatever arrives, the cleaner answers: no crash, no hang, nothing after a bad spot lost, and the
/// output always valid UTF-8 without control characters but newline and tab.
final class BadInputTests: XCTestCase {
    private static let cleaner: Cleaner = {
        do { return try Cleaner() } catch { fatalError("built-in rules do not load: \(error)") }
    }()
    private var cleaner: Cleaner { Self.cleaner }

    private func assertCleanOutput(_ text: String, _ context: @autoclosure () -> String = "", file: StaticString = #filePath, line: UInt = #line) {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let control = value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value)
            if control && scalar != "\n" && scalar != "\t" {
                XCTFail("control character U+\(String(value, radix: 16)) in output \(context())", file: file, line: line)
                return
            }
        }
    }

    private func cleanAll(_ bytes: [UInt8]) -> [CleanResult] {
        [InputKind.auto, .html, .text].map { cleaner.clean(bytes, options: CleanOptions(input: $0)) }
    }

    func testEmptyInput() {
        for result in cleanAll([]) {
            XCTAssertEqual(result.text, "")
            XCTAssertNil(result.failure)
        }
        XCTAssertEqual(cleaner.clean("   \n\n\t ").text, "")
    }

    /// Random bytes, as a page and as text: a fixed seed, so a failure reproduces.
    func testRandomBinary() {
        var generator = SplitMix64(seed: 20_261_126)
        for round in 0..<30 {
            let count = Int(generator.next() % 16_000)
            var bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            if round % 3 == 0 { bytes = Array("<html><body><p>".utf8) + bytes }
            for result in cleanAll(bytes) {
                assertCleanOutput(result.text, "round \(round)")
                XCTAssertNil(result.failure)
            }
        }
    }

    func testNulAndControlBytesLoseNoText() {
        let page = Array("<html><body><p>before\u{0}after</p><p>ctrl\u{1}\u{1B}[31mred\u{7F}</p><p>next paragraph</p></body></html>".utf8)
        let html = cleaner.clean(page).text
        assertCleanOutput(html)
        for word in ["before", "after", "ctrl", "red", "next paragraph"] { XCTAssertTrue(html.contains(word), "\(word) lost: \(html)") }

        // libxml2 reads a NUL byte as the end of its input: a NUL first in a paragraph lost the whole page.
        let leading = cleaner.clean(Array("<html><body><p>\u{0} starts with NUL</p><p>and goes on</p></body></html>".utf8)).text
        XCTAssertEqual(leading, "starts with NUL\n\nand goes on")

        let text = cleaner.clean(Array("first\u{0}line\u{0}\u{0}\n\nsecond\u{8} paragraph\u{C}\n".utf8), options: CleanOptions(input: .text)).text
        assertCleanOutput(text)
        XCTAssertTrue(text.contains("first") && text.contains("line") && text.contains("second") && text.contains("paragraph"), text)
    }

    /// Overlong forms, surrogates, lone continuation bytes, bytes that never occur in UTF-8.
    func testInvalidUTF8() {
        let bad: [[UInt8]] = [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFE], [0xF0, 0x9F]]
        for sequence in bad {
            let bytes = Array("Ünïcödé text — ".utf8) + sequence + Array(" and the end stays.\n".utf8)
            for result in cleanAll(bytes) {
                assertCleanOutput(result.text)
                XCTAssertTrue(result.text.hasSuffix("and the end stays."), "\(sequence): \(result.text)")
            }
        }
    }

    func testAPageNested100000Deep() {
        let page = "<html><body>" + String(repeating: "<div>", count: 100_000) + "deep text" + String(repeating: "</div>", count: 100_000) + "<p>after</p></body></html>"
        XCTAssertEqual(cleaner.clean(page).text, "deep text\n\nafter")
        let unclosed = "<html><body>" + String(repeating: "<div><span><b>", count: 40_000) + "deep text, never closed"
        XCTAssertEqual(cleaner.clean(unclosed).text, "deep text, never closed")
    }

    func testUnclosedAndMisnestedTags() {
        let page = "<html><body><p>One <b>bold <i>both</b> italic</i> end<p>Two<div>unclosed <table><tr><td>cell one<td>cell two</table><ul><li>item<li>other</ul></span></div></div></body>trailing"
        let text = cleaner.clean(page).text
        for piece in ["One bold both italic end", "Two", "unclosed", "cell one | cell two", "item", "other", "trailing"] {
            XCTAssertTrue(text.contains(piece), "\(piece) lost: \(text)")
        }
    }

    /// 50 MB of distinct paragraphs: every one comes out.
    func testA50MegabytePage() {
        var page = "<html><body><article>"
        var paragraphs = 0
        while page.utf8.count < 50 << 20 {
            page += "<p>Paragraph \(paragraphs) of a very long page, with enough words to look like the article text it stands for.</p>\n"
            paragraphs += 1
        }
        page += "</article></body></html>"
        let result = cleaner.clean(page)
        XCTAssertNil(result.failure)
        XCTAssertEqual(result.document.blocks.count, paragraphs)
        XCTAssertTrue(result.text.hasSuffix("Paragraph \(paragraphs - 1) of a very long page, with enough words to look like the article text it stands for."))
    }

    /// One line of 10 MB, in a text scrape and in a page.
    func testASingle10MegabyteLine() {
        let line = String(repeating: "word ", count: 2 << 20).trimmingWhitespace()
        let text = cleaner.clean(line + "\n", options: CleanOptions(input: .text)).text
        XCTAssertEqual(text.utf8.count, line.utf8.count)
        let html = cleaner.clean("<html><body><p>" + line + "</p></body></html>").text
        XCTAssertEqual(html.utf8.count, line.utf8.count)
    }

    /// A pattern with catastrophic backtracking, as a rule, against a long line: the run finishes
    /// (the match gives up at PCRE2's limit and counts as no match), and the line is kept.
    func testAPathologicalRuleCannotStallTheRun() throws {
        let line = String(repeating: "a", count: 200_000) + "b"
        let result = try clean(line + "\n\nOther text.\n", rules: ["global": "drop_line: ^(a+)+$\ndrop_block: (x+x+)+y\n"], options: CleanOptions(input: .text))
        XCTAssertEqual(result.text, line + "\n\nOther text.")
    }

    /// A cubic XPath in a rule stops at libxml2's operation limit instead of running for hours;
    /// the rule selects nothing and the page's text comes out.
    func testAPathologicalXPathCannotStallTheRun() throws {
        let page = "<html><body>" + (0..<3_000).map { "<div><p>para \($0)</p></div>" }.joined() + "</body></html>"
        let result = try clean(page, rules: ["site.test": "strip: //*[count(//*[count(//*) > 1]) > 1]\n"], options: CleanOptions(url: "https://site.test/"))
        XCTAssertTrue(result.text.hasPrefix("para 0\n\npara 1\n\n"), String(result.text.prefix(100)))
        XCTAssertTrue(result.text.hasSuffix("para 2999"))
    }

    /// Replacements that multiply the page stop at a bound instead of filling the memory.
    func testExplodingReplacementsStopAtABound() throws {
        let rules = String(repeating: "replace_string(a): aaaaaaaaaa\n", count: 12)
        let page = "<html><body><p>a banana</p></body></html>"
        let result = try clean(page, rules: ["site.test": rules], options: CleanOptions(url: "https://site.test/"))
        XCTAssertTrue(result.text.hasPrefix("aaaa"))
        XCTAssertLessThanOrEqual(result.text.utf8.count, RawReplacements.limit(for: page.utf8.count))
    }

    func testInputsPastTheSizeLimitAreRefusedNotCleaned() {
        let bytes = [UInt8](repeating: 0x61, count: InputLimits.maxBytes + 1)
        let result = cleaner.clean(bytes)
        XCTAssertEqual(result.failure, .tooLarge(bytes: InputLimits.maxBytes + 1, limit: InputLimits.maxBytes))
        XCTAssertEqual(result.text, "")
    }

    /// Tabs survive in preformatted text; every other control character goes.
    func testOutputKeepsOnlyNewlineAndTab() {
        let page = "<html><body><pre>a\tb\u{B}c\rd\u{85}e</pre><p>x\u{9}y\u{1F}z\u{9F}</p></body></html>"
        let text = cleaner.clean(page).text
        assertCleanOutput(text)
        XCTAssertTrue(text.contains("a\tb"), text)
    }
}

/// A small deterministic generator (SplitMix64), so random inputs are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
