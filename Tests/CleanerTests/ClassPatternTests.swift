import XCTest

@testable import Cleaner

/// Class and id words are matched on the attribute's bytes; the answers must be PCRE2's.
final class ClassPatternTests: XCTestCase {
    private let values = [
        "", " ", "main-content", "Main-Content", "SIDEBAR left", "hid", "hid\n", "x hid", "hid x", "x hid y", "hidden",
        "ahid", "hide", "nav -ad- slot", "top-ad-", "ad", "comment_list", "ShareBar", "article-body", "mainColumn",
        "entry hentry", "post\n", "related-posts", "a\nhid", "hid\n\n", "hid\r", "x\t hid",
        "Über-sidebar", "sıdebar", "ſidebar", "KELVIN-\u{212A}", "ｓidebar", "menü", "\u{00E9}comment",
    ]

    private func checkAgainstPCRE2(_ source: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let pattern = ClassPattern(source)
        let reference = try Pattern(source, caseInsensitive: true)
        for value in values {
            XCTAssertEqual(pattern.matches(value), reference.matches(value), "\(source) on \(value.debugDescription)", file: file, line: line)
        }
    }

    func testWordAlternationsAnswerAsPCRE2() throws {
        try checkAgainstPCRE2("-ad-|hidden|^hid$| hid$| hid |^hid |banner|comment|sidebar|tags")
        try checkAgainstPCRE2("article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story")
        try checkAgainstPCRE2("and|article|body|column|content|main|mathjax|shadow")
        // Words are tried only where their first two bytes are, and at every place when one
        // word is a single letter.
        try checkAgainstPCRE2("ad|-ad-|^hid$|banner|Side")
        try checkAgainstPCRE2("x|hid$|^b|Banner")
    }

    func testOtherPatternsGoToPCRE2() throws {
        try checkAgainstPCRE2("(\\b|_)(share|sharedaddy)(\\b|_)")
        try checkAgainstPCRE2("^side.*bar$|ad")
    }

    func testTheBuiltInWordsAnswerAsPCRE2() throws {
        for pattern in [ClassWords.positive, ClassWords.negative, ClassWords.unlikely, ClassWords.maybeCandidate, ClassWords.share] {
            guard let source = pattern.pattern?.source else { return XCTFail("a built-in class pattern does not compile") }
            try checkAgainstPCRE2(source)
        }
    }

    func testClassAndIDAreReadAsOneValue() throws {
        let source = #"<body><div class="a b" id="c"></div><p id="d"></p><span class="e &amp; f"></span><i></i><b class="" id=""></b></body>"#
        let document = try XCTUnwrap(Array(source.utf8).withUnsafeBytes { HTMLDocument(utf8: $0) })
        let elements = try XCTUnwrap(XPathExpression("//body/*")).evaluate(in: document).nodes
        let joined = elements.map { $0.withClassAndID { String(decoding: $0, as: UTF8.self) } }
        XCTAssertEqual(joined, ["a b c", " d", "e & f ", nil, " "])
        for element in elements where element.hasAttribute("class") || element.hasAttribute("id") {
            XCTAssertEqual(element.withClassAndID { String(decoding: $0, as: UTF8.self) }, (element.attribute("class") ?? "") + " " + (element.attribute("id") ?? ""))
        }
    }
}
