import XCTest

@testable import Cleaner

final class HTMLFilterTests: XCTestCase {
    private let site = CleanOptions(url: "https://site.test/story")

    private func page(_ body: String, head: String = "") -> String {
        "<!DOCTYPE html><html><head>\(head)</head><body>\(body)</body></html>"
    }

    func testBodySelectsTheArticleAndNestedMatchesComeOutOnce() throws {
        let html = page("<div>Menu</div><article><p>One.</p><article><p>Two.</p></article></article><div>Footer</div>")
        let result = try clean(html, rules: ["site.test": "body: //article\n"], options: site)
        XCTAssertEqual(result.text, "One.\n\nTwo.")
    }

    func testTheFirstBodyRuleThatMatchesWins() throws {
        let html = page("<main><p>Main text.</p></main><div id='x'><p>Other.</p></div>")
        let result = try clean(html, rules: ["site.test": "body: //article\nbody: //main\nbody: //div[@id='x']\n"], options: site)
        XCTAssertEqual(result.text, "Main text.")
    }

    func testStripRemovesEverySelectedElementIncludingNestedOnes() throws {
        let html = page("<p>Keep.</p><div class='ad'>Ad <div class='ad'>inner ad</div></div><p>Also keep.</p>")
        let result = try clean(html, rules: ["site.test": "strip(sponsored): //div[@class='ad']\n"], options: site)
        XCTAssertEqual(result.text, "Keep.\n\nAlso keep.")
    }

    func testStripIdOrClassMatchesSubstringsOfClassAndId() throws {
        let html = page("<p>Keep.</p><div class='big share-bar'>Share</div><div id='share-top'>Tweet</div><p>Also.</p>")
        let result = try clean(html, rules: ["site.test": "strip_id_or_class(social): share\n"], options: site)
        XCTAssertEqual(result.text, "Keep.\n\nAlso.")
    }

    func testStripIdOrClassNeverRemovesThePageItself() throws {
        let html = "<html class='share'><body class='has-share'><p>Text.</p></body></html>"
        let result = try clean(html, rules: ["site.test": "strip_id_or_class: share\n"], options: site)
        XCTAssertEqual(result.text, "Text.")
    }

    func testStripImageSrcRemovesMatchingImagesOnly() throws {
        let html = page("<p>Text.</p><p><img src='https://ads.test/x.png' alt='ADVERT'><img src='/photo.jpg' alt=''></p>")
        let result = try clean(html, rules: ["site.test": "strip_image_src: ads.test\n"], options: site)
        XCTAssertEqual(result.text, "Text.")
    }

    func testFindAndReplaceMendTheRawPageBeforeParsing() throws {
        let html = page("<p>One<xbr>Two</p>")
        let rules = ["site.test": "find_string: <xbr>\nreplace_string: <br>\nreplace_string(One): First\n"]
        let result = try clean(html, rules: rules, options: site)
        XCTAssertEqual(result.text, "First\nTwo")
    }

    func testPruneRemovesLinkListsInsideTheBody() throws {
        let html = page("<article><p>A real paragraph with enough words to be prose.</p><ul><li><a href='/a'>Tag one</a></li><li><a href='/b'>Tag two</a></li></ul></article>")
        let pruned = try clean(html, rules: ["site.test": "body: //article\nprune: yes\n"], options: site)
        XCTAssertEqual(pruned.text, "A real paragraph with enough words to be prose.")
        let unpruned = try clean(html, rules: ["site.test": "body: //article\nprune: no\n"], options: site)
        XCTAssertTrue(unpruned.text.contains("Tag one"))
    }

    func testTitleAuthorAndDateComeFromRulesThenFromThePage() throws {
        let head = "<title>Page title</title><meta name='author' content='Meta Author'><meta property='article:published_time' content='2024-01-02'>"
        let html = page("<h1 class='t'>Rule title</h1><p>Text.</p>", head: head)
        let plain = try clean(html, options: site)
        XCTAssertEqual(plain.document.metadata.title, "Rule title", "h1 before <title>")
        XCTAssertEqual(plain.document.metadata.author, "Meta Author")
        XCTAssertEqual(plain.document.metadata.date, "2024-01-02")
        let ruled = try clean(html, rules: ["site.test": "title: //title\nauthor: string('Rule Author')\n"], options: site)
        XCTAssertEqual(ruled.document.metadata.title, "Page title")
        XCTAssertEqual(ruled.document.metadata.author, "Rule Author")
    }

    func testScriptsStylesAndHiddenElementsAreNeverText() throws {
        let html = page("<script>var a = 1;</script><style>p{}</style><p>Visible.</p><div hidden>Hidden.</div><p style='display: none'>Gone.</p><span aria-hidden='true'>Icon</span><noscript>Enable JS</noscript>")
        XCTAssertEqual(try clean(html).text, "Visible.")
    }

    func testBlocksFollowTheMarkup() throws {
        let html = page("<h2>Heading</h2><p>Line one<br>line two\nsame line</p><ul><li>Item</li></ul><table><tr><td>a</td><td>b</td></tr></table><pre>  code\n    indented</pre><blockquote>Quote</blockquote>")
        let result = try clean(html)
        XCTAssertEqual(result.text, "Heading\n\nLine one\nline two same line\n\nItem\n\na | b\n\n  code\n    indented\n\nQuote")
        XCTAssertEqual(result.document.blocks.map(\.kind), [.heading(level: 2), .paragraph, .listItem, .tableRow, .preformatted, .quote])
    }

    func testInlineElementsJoinWithoutLosingSpaces() throws {
        XCTAssertEqual(try clean(page("<p>An <b>bold</b> <i>and</i> <a href='#'>linked</a> word.</p>")).text, "An bold and linked word.")
    }

    /// Without XML_PARSE_HUGE libxml2 stops at depth 256; deeper pages must keep their text,
    /// and a page nested 100,000 deep must not overflow the stack.
    func testDeeplyNestedPagesKeepTheirText() throws {
        for depth in [300, 100_000] {
            let html = "<html><body>" + String(repeating: "<div>", count: depth) + "<p>Deep text.</p>" + String(repeating: "</div>", count: depth) + "</body></html>"
            XCTAssertEqual(try clean(html).text, "Deep text.", "depth \(depth)")
        }
    }

    func testEmptyAndMarkupOnlyInputGiveEmptyOutput() throws {
        XCTAssertEqual(try clean("").text, "")
        XCTAssertEqual(try clean("<html><body></body></html>").text, "")
        // libxml2 recovers the way browsers do: the text after the closed paragraph is a block of its own.
        XCTAssertEqual(try clean("<html><body><p>Broken <b>markup</p> <i>here</body>").text, "Broken markup\n\nhere")
    }

    func testExplainRecordsWhatHTMLFiltersRemoved() throws {
        let html = page("<p>Keep.</p><div class='ad'>Buy now</div>")
        let rules = ["site.test": "strip(sponsored): //div[@class='ad']\n"]
        var options = site
        options.explain = true
        let result = try clean(html, rules: rules, options: options)
        XCTAssertEqual(result.document.removedElements.map(\.text), ["Buy now"])
        XCTAssertEqual(result.document.removedElements.first?.reason.category, .sponsored)
        XCTAssertTrue(ExplainWriter.write(result, name: "page").contains("site.test.txt:1 strip | Buy now"))
    }
}

/// `<!` markup that is no comment: shown by no browser, so never article text.
final class BogusCommentTests: XCTestCase {
    func testWordConditionalMarkersAndTemplateMarksAreNotText() throws {
        let html = """
            <html><body><p><![if !supportLists]>1.<![endif]> First point of the list, long enough to read as prose.</p>
            <p><!-Post: 63274-!>Second paragraph, with words <!-/Text-!>and more words.</p></body></html>
            """
        let text = try clean(html, builtin: true).text
        XCTAssertEqual(text, "1. First point of the list, long enough to read as prose.\n\nSecond paragraph, with words and more words.")
    }

    func testRealCommentsScriptsAndDoctypesAreLeftAsTheyWere() {
        let conditional = Array("<!DOCTYPE html><html><!--[if lt IE 9]><script src='x.js'></script><![endif]--><body>Text</body></html>".utf8)
        XCTAssertNil(BogusComments.removed(from: conditional), "an IE conditional comment is a comment")
        let script = Array("<script>if (a <!b) { x() }</script><p>Text</p>".utf8)
        XCTAssertNil(BogusComments.removed(from: script), "a run with a < before its > is not taken")
        let cdata = Array("<svg><![CDATA[ data ]]></svg>".utf8)
        XCTAssertNil(BogusComments.removed(from: cdata))
        let word = Array("<p><![if !vml]><img src='a.png'><![endif]>Text</p>".utf8)
        XCTAssertEqual(BogusComments.removed(from: word).map { String(decoding: $0, as: UTF8.self) }, "<p><img src='a.png'>Text</p>")
    }
}
