import Foundation
import XCTest

@testable import Cleaner

/// A page parsed with its scripts, styles and comments emptied, then given the scripts' and
/// styles' text back, has the tree of the page parsed as it is (comment text aside): on markup
/// made to trip the scan (quotes, broken tags and comments, raw-text look-alikes), and on pages
/// the pipeline cleans.
final class RawTextBlankerTests: XCTestCase {
    private func parse(_ bytes: [UInt8]) -> HTMLDocument? {
        bytes.withUnsafeBytes { HTMLDocument(utf8: $0) }
    }

    /// The outline of the blanked-and-restored parse, or nil when the scan blanked nothing or the
    /// tree did not fit the scan (in both cases the pipeline parses the page as it is).
    private func blankedOutline(_ bytes: [UInt8], attributes: KeptAttributes? = .base) -> String? {
        guard let blanked = RawTextBlanker.blank(bytes, attributes: attributes, minimumBytes: 0), let page = parse(blanked.bytes) else { return nil }
        guard page.restoreRawText(blanked, original: bytes), page.restoreValues(blanked, original: bytes) else { return nil }
        return page.outline(attributes: attributes, collapsingBlanks: true)
    }

    /// The outline of the page as it is, with only what `attributes` keep of its attributes
    /// (where the scan stopped early, the blanked page has all of them), and runs of blanks in
    /// text as one space (the scan makes those between tags one blank).
    private func originalOutline(_ bytes: [UInt8], attributes: KeptAttributes? = .base) -> String? {
        parse(bytes).map { $0.outline(attributes: attributes, collapsingBlanks: true) }
    }

    func testAttributesNothingReadsAreTakenOut() throws {
        let bytes = Array("<div data-config='{\"a\": 1}' class=x onclick=\"go()\" hidden><img srcset=\"a.jpg 1x\" src=a.jpg alt=\"A\" data-src=b.jpg></div>".utf8)
        let blanked = try XCTUnwrap(RawTextBlanker.blank(bytes, minimumBytes: 0))
        XCTAssertEqual(String(decoding: blanked.bytes, as: UTF8.self), "<div  class=x  hidden><img    ></div>")
        XCTAssertNil(RawTextBlanker.blank(bytes, attributes: nil, minimumBytes: 0))
        // What a site's rules read stays, value and all.
        let kept = try XCTUnwrap(RawTextBlanker.blank(bytes, attributes: KeptAttributes(alsoReading: ["src", "data-src"]), minimumBytes: 0))
        XCTAssertEqual(String(decoding: kept.bytes, as: UTF8.self), "<div  class=x  hidden><img  src=a.jpg  data-src=b.jpg></div>")
    }

    /// Quoted plain values of attributes libxml2 only stores become tokens, and are put back in
    /// the tree after the parse; a page holding the token byte gets none.
    func testStoredValuesBecomeTokensAndComeBack() throws {
        let text = "<div class=\"post entry-content\" id=\"main-id\"><p class='a b &amp; c' style=\"color: red\">x</p>"
            + "<span class=\"s\" role=main>y</span><html class=\"merged-root\"><body class=\"second-body\"></div>"
        let blanked = try XCTUnwrap(RawTextBlanker.blank(Array(text.utf8), minimumBytes: 0))
        XCTAssertEqual(
            String(decoding: blanked.bytes, as: UTF8.self),
            "<div class=\"\u{7F}0\" id=\"main-id\"><p class='a b &amp; c' style=\"\u{7F}1\">x</p>"
                + "<span class=\"s\" role=main>y</span><html class=\"\u{7F}2\"><body class=\"\u{7F}3\"></div>")
        XCTAssertEqual(blanked.values.count, 4)
        XCTAssertEqual(blankedOutline(Array(text.utf8)), originalOutline(Array(text.utf8)))
        let many = (0..<300).map { "<i class=\"word-\($0)\">\($0)</i>" }.joined()
        XCTAssertEqual(blankedOutline(Array(many.utf8)), originalOutline(Array(many.utf8)))
        let withToken = Array("<div onclick=\"go()\" class=\"long-class-name\">\u{7F}</div>".utf8)
        XCTAssertEqual(try XCTUnwrap(RawTextBlanker.blank(withToken, minimumBytes: 0)).values.count, 0)
    }

    func testBlanksBetweenTagsBecomeOneUpToTheFirstPre() throws {
        let long = String(repeating: " ", count: 1000)
        let text = "<div>\n    <p>a  b</p>  \t<p>c</p>\(long)<br> <br>\r\n <pre>\n  x\n</pre>\n  <p>d</p>"
        let blanked = try XCTUnwrap(RawTextBlanker.blank(Array(text.utf8), minimumBytes: 0))
        XCTAssertEqual(String(decoding: blanked.bytes, as: UTF8.self), "<div>\n<p>a  b</p> <p>c</p>\(long)<br> <br>\r<pre>\n  x\n</pre>\n  <p>d</p>")
    }

    func testLinkAddressesKeepOnlyTheirPresence() throws {
        let bytes = Array("<link rel=canonical href=\"https://example.com/a\"><a href=/b title=B>b</a><a HREF='/c'class=c>c</a><a href>d</a>".utf8)
        let blanked = try XCTUnwrap(RawTextBlanker.blank(bytes, minimumBytes: 0))
        XCTAssertEqual(String(decoding: blanked.bytes, as: UTF8.self), "<link rel=canonical href=\"https://example.com/a\"><a href=\"\" >b</a><a HREF=\"\"class=c>c</a><a href>d</a>")
    }

    /// A `<meta>`'s content stays only when metadata reads its key; a `<link>`'s address only on
    /// a link that may be canonical; `content` elsewhere goes.
    func testMetaContentAndLinkAddressesStayWhereRead() throws {
        let text = "<meta name=\"viewport\" content=\"width=device-width\"><meta content=\"T\" PROPERTY=og:title>"
            + "<meta content='x' itemprop=\"a&amp;b\"><meta content=\"y\"><meta name=Description content=d>"
            + "<link href=\"a.css\" rel=stylesheet><link href=/c rel=\"Canonical\"><div content=z class=c>"
        let blanked = try XCTUnwrap(RawTextBlanker.blank(Array(text.utf8), minimumBytes: 0))
        XCTAssertEqual(
            String(decoding: blanked.bytes, as: UTF8.self),
            "<meta name=\"viewport\" ><meta content=\"T\" PROPERTY=og:title><meta content='x' itemprop=\"a&amp;b\"><meta >"
                + "<meta name=Description content=d><link  rel=stylesheet><link href=/c rel=\"\u{7F}0\"><div  class=c>")
        // A site's rule that reads `content` keeps it on every element.
        let kept = try XCTUnwrap(RawTextBlanker.blank(Array(text.utf8), attributes: KeptAttributes(alsoReading: ["content"]), minimumBytes: 0))
        XCTAssertTrue(String(decoding: kept.bytes, as: UTF8.self).hasPrefix("<meta name=\"viewport\" content=\"width=device-width\">"))
        XCTAssertTrue(String(decoding: kept.bytes, as: UTF8.self).hasSuffix("<div content=z class=c>"))
        XCTAssertEqual(blankedOutline(Array(text.utf8)), originalOutline(Array(text.utf8)))
    }

    /// `type` stays on JSON-LD scripts alone; `src` on images alone when only `strip_image_src`
    /// reads it, and everywhere when a site's XPath does.
    func testScriptTypesAndAddressesStayWhereRead() throws {
        let text = "<script src=a.js type=module></script><script type=\"application/ld+json\">{}</script>"
            + "<img src=b.jpg class=i><iframe src=c></iframe><link type=text/css rel=stylesheet><input type=hidden>"
        let images = KeptAttributes.reading([], imageSources: true)
        let blanked = try XCTUnwrap(RawTextBlanker.blank(Array(text.utf8), attributes: images, minimumBytes: 0))
        XCTAssertEqual(
            String(decoding: blanked.bytes, as: UTF8.self),
            "<script  ></script><script type=\"application/ld+json\">{}</script><img src=b.jpg class=i><iframe ></iframe><link  rel=stylesheet><input >")
        XCTAssertEqual(blankedOutline(Array(text.utf8), attributes: images), originalOutline(Array(text.utf8), attributes: images))
        let bySite = try XCTUnwrap(RawTextBlanker.blank(Array(text.utf8), attributes: KeptAttributes.reading(["src"], imageSources: true), minimumBytes: 0))
        XCTAssertTrue(String(decoding: bySite.bytes, as: UTF8.self).hasPrefix("<script src=a.js ></script>"))
        XCTAssertTrue(String(decoding: bySite.bytes, as: UTF8.self).contains("<iframe src=c>"))
    }

    /// Metadata from meta tags and the canonical link is what it was with every meta tag whole,
    /// and a site whose rule reads the content of a meta tag metadata does not read still gets it.
    func testMetadataReadsTheMetaTagsItNeeds() throws {
        let filler = "<script>" + String(repeating: "var x = 1;\n", count: 600) + "</script>"
        let page = """
            <html><head>\(filler)<meta name="viewport" content="width=device-width"><meta property="og:title" content="The Title">
            <meta name="author" content="Jane Roe"><meta property="article:published_time" content="2019-03-29T10:00:00Z">
            <meta name="description" content="What it is about."><meta property="og:site_name" content="Example">
            <meta name="section-id" content="Gardens"><link rel="stylesheet" href="/a.css"><link rel="canonical" href="https://example.com/a"></head><body>
            <div><p>The article's own text, long enough to be a paragraph of its own here.</p></div>
            </body></html>
            """
        XCTAssertGreaterThan(page.utf8.count, RawTextBlanker.minimumBytes)
        var options = CleanOptions()
        options.metadata = true
        let result = try clean(page, rules: ["example.com": "date: //meta[@name='section-id']/@content"], options: options)
        let metadata = result.document.metadata
        XCTAssertEqual(metadata.title, "The Title")
        XCTAssertEqual(metadata.author, "Jane Roe")
        XCTAssertEqual(metadata.description, "What it is about.")
        XCTAssertEqual(metadata.sitename, "Example")
        XCTAssertEqual(metadata.url, "https://example.com/a")
        // The site (from the canonical link) reads a meta tag's content that metadata does not.
        XCTAssertEqual(metadata.date, "Gardens")
        let plain = try clean(page, rules: [:], options: options)
        XCTAssertEqual(plain.document.metadata.date, "2019-03-29")
    }

    private let pieces = [
        "<script>", "<SCRIPT type=\"application/ld+json\">{\"a\": 1}", "</script>", "</SCRIPT >", "</scriptx>", "<style>",
        "</style>", "<!--", "-->", "--!>", "<!-->", "<!--->", "<div a=\"<script>\">", "<div a='x>y'>", "<div a=b>", "<p/>",
        "<script/>", "<script src=a/>", "<script src=\"a\" / >", "</p >", "</p x>", "</ p>", "<?php echo 1 ?>", "<? x>",
        "<?xml version=\"1.0\"?>", "<!DOCTYPE html>", "<!doctype html PUBLIC \"-//W3C//DTD\" \"http://x\">", "<!x>", "<_x>",
        "< p>", "<3", "text", " ", "\r\n", "\r", "\n", "\t", "\u{1}", "\u{1F}", "\u{FFFE}", "\u{FFFF}", "\u{EFFF}", "é",
        "&amp;", "&lt;script&gt;", "<textarea>", "</textarea>", "<title>", "</title>", "<noscript>", "</noscript>", "<html>",
        "<body>", "</body>", "</html>", "<head>", "<a b c=\"d\" e=f g>", "<div \"x>\">", "<div a=\"x", "<p a='", "a</b>c",
        "<![CDATA[", "]]>", "<xmp>", "</xmp>", "<iframe>", "<plaintext>", "<svg><style>", "</svg>", "<table>", "<td>",
        "<p>", "</p>", "<div>", "</div>", "<br>", "<li>", "<option>", "<select>", "<script type=text/javascript>",
        "<style media=\"all\">", "x = '</div>';", "if (a < b) {}", "<!-- <script> -->", "<a href=x>", "</a>", "=", "'", "\"",
        "/", ">", "<", "-", "!", "<img data-src=\"a.jpg\" srcset='a 1x, b 2x' onclick=\"f('<script>')\" d='x' data-empty=\"\">",
        "<svg><path d=\"M0 0L1 1\"/></svg>", "<div DATA-X='<!--'>", "<a onmouseover='go()' data-y=\"\">",
        "<a href=x title=\"t\">", "<img alt=a src=b>", "<div title>", "<p x=1 y=\"2\"z='3'>", "<a href= class=b>", "<a x=>",
        "<link rel=canonical href=x>", "<A HREF=\"x\" Title=y>", "<div hidden aria-label=\"x\" role=main>", "<html lang=de xmlns=\"x\">",
        "<a href=\"x\"class=y>", "<svg viewBox=\"0 0 1 1\">", "<div a-very-long-attribute-name=1 class=c>", "<p title='a' title=b class=x class=y>",
        "<div x = \"1\" = y>", "<div style=\"display:none\" itemprop=text>", "<a href=\"&amp;\" rel=author>", "<img src=\"a&quot;b\">",
        "  \n  ", "\n\t\t", "<pre>", "</pre>", "<listing>", "</b>", "</x>", "<span>", "</span>", "<title>  </title>", "<b> x </b>",
        String(repeating: " ", count: 999), String(repeating: "\n", count: 1200),
    ]

    /// The word-at-a-time reads of a script's text give what a look at each byte gives: the
    /// characters XML disallows found and taken out wherever they fall in a word.
    func testDisallowedCharactersAreFoundAtEveryOffset() {
        func reference(_ bytes: [UInt8]) -> [UInt8] {
            var output: [UInt8] = []
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D {
                    index += 1
                } else if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF {
                    index += 3
                } else {
                    output.append(byte)
                    index += 1
                }
            }
            return output
        }
        let pieces: [[UInt8]] = [[0x01], [0x0A], [0x09], [0x1F], [0xEF, 0xBF, 0xBE], [0xEF, 0xBF, 0xBF], [0xEF, 0xBC, 0x8C], Array("，".utf8)]
        for piece in pieces {
            for length in 0..<40 {
                for offset in 0...length {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    bytes.insert(contentsOf: piece, at: offset)
                    let expected = reference(bytes)
                    bytes.withUnsafeBufferPointer { buffer in
                        XCTAssertEqual(RawTextBlanker.parsedText(buffer), expected, "\(piece) at \(offset) of \(length)")
                        let suspect = bytes.contains { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0xEF }
                        XCTAssertEqual(RawTextBlanker.mayHoldDisallowed(buffer), suspect, "\(piece) at \(offset) of \(length)")
                    }
                }
            }
        }
    }

    /// Names packed a word at a time are those packed byte by byte, at every length and with
    /// every byte value in every place.
    func testNamesPackedByWordsAsByBytes() {
        for length in 0...16 {
            for byte in 0...255 {
                for place in 0..<max(length, 1) {
                    var bytes = [UInt8](repeating: UInt8(ascii: "Q"), count: 16)
                    for index in 0..<length where index % 3 == 1 { bytes[index] = UInt8(ascii: "x") }
                    if length > 0 { bytes[place] = UInt8(byte) }
                    bytes.withUnsafeBufferPointer { buffer in
                        let expected = PackedName(lowercasing: UnsafeBufferPointer(rebasing: buffer[0..<length]))
                        let packed = PackedName(lowercasingWordsAt: UnsafeRawPointer(buffer.baseAddress!), count: length)
                        XCTAssertEqual(packed, expected, "byte \(byte) at \(place) of \(length)")
                    }
                }
            }
        }
    }

    func testRandomMarkupParsesToTheSameTree() {
        var generator = SplitMix64(seed: 20261130)
        var compared = 0
        // The pipeline's own reads, those and a site rule's, and every attribute.
        let keptSets: [KeptAttributes?] = [.base, KeptAttributes(alsoReading: ["title", "data-x", "a-very-long-attribute-name"]), nil]
        for round in 0..<12000 {
            let count = Int.random(in: 1...40, using: &generator)
            let text = (0..<count).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            let bytes = Array(text.utf8)
            let kept = keptSets[round % keptSets.count]
            guard let blanked = blankedOutline(bytes, attributes: kept) else { continue }
            compared += 1
            guard let original = originalOutline(bytes, attributes: kept) else { return XCTFail("no tree for \(text.debugDescription)") }
            XCTAssertEqual(blanked, original, "\(text.debugDescription)")
            if blanked != original { return }
        }
        // The scan must have had something to blank in most inputs, or this test checks nothing.
        XCTAssertGreaterThan(compared, 1000)
    }

    func testHandwrittenCases() throws {
        let cases = [
            "<p>a<script>var x = '<p>b</p>';</script>c</p>",
            "<p title=\"<script>\">a</p><script>x</script>",
            "<script>a</b>c</SCRIPT>d<style>p{}</style>e",
            "<script type=\"application/ld+json\">{\"headline\": \"x\"}</script><p>a</p><script>b</script>",
            "<!-- a --><!--> b<!---> c<!-- d --!> e <!-- f -- > g -->",
            "<script src=a/>x<p>a</p></script>",
            "<script/><p>a</p><style>b</style>",
            "<head><style>\r\nbody{}\u{1}\u{FFFE}\r</style></head><body>x</body>",
            "<body>a</body></html><script>trailing()</script>",
            "<div>\u{1}<script>\u{1}x\u{FFFF}y</script></div>",
            "<div data-config='{\"a\": \"<script>\"}' class=x>a</div><img srcset=\"a.jpg 1x\" src=a.jpg>",
            "<p title=\"a\"class=b>x</p><a href=\"/x\" title=y>y</a><div x=1 y>z</div>",
        ]
        for text in cases {
            let bytes = Array(text.utf8)
            let blanked = try XCTUnwrap(blankedOutline(bytes), text.debugDescription)
            XCTAssertEqual(blanked, originalOutline(bytes), text.debugDescription)
        }
    }

    func testKeepsJSONLDAndWhatItCannotFollow() throws {
        let ld = Array("<script type='application/LD+JSON'>{}</script>".utf8)
        XCTAssertNil(RawTextBlanker.blank(ld, minimumBytes: 0))
        // An unclosed quote: libxml2 reads the rest of the page as the value; nothing after it is touched.
        let quote = Array("<script>a</script><div a=\"x><script>b</script>".utf8)
        let blanked = try XCTUnwrap(RawTextBlanker.blank(quote, minimumBytes: 0))
        XCTAssertEqual(String(decoding: blanked.bytes, as: UTF8.self), "<script></script><div a=\"x><script>b</script>")
    }

    func testBenchPagesParseToTheSameTree() throws {
        let directory = try BenchData.directory() + "/scrapinghub/html"
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).sorted().prefix(40)
        var compared = 0
        for file in files {
            let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: directory + "/" + file)))
            let decoded = InputDecoder.decode(bytes, kind: .html, declared: nil).utf8
            guard let blanked = blankedOutline(decoded) else { continue }
            compared += 1
            XCTAssertEqual(blanked, originalOutline(decoded), file)
        }
        XCTAssertGreaterThan(compared, 30)
    }

    /// Site rules that read what the blanking empties (a `data-*` attribute, a script's JSON-LD
    /// through its text, a comment) see the page as it is.
    func testSiteRulesReadWhatIsBlanked() throws {
        let filler = "<script>" + String(repeating: "var x = 1;\n", count: 600) + "</script>"
        let page = """
            <html><head>\(filler)<!-- Written by Jane Roe --></head><body>
            <div data-part="article"><p>The article's own text, long enough to be a paragraph of its own here.</p></div>
            <div data-part="aside"><p>Other text that the site's rule leaves out of the article.</p></div>
            </body></html>
            """
        XCTAssertGreaterThan(page.utf8.count, RawTextBlanker.minimumBytes)
        let options = CleanOptions(url: "https://example.com/a")
        let byData = try clean(page, rules: ["example.com": "body: //div[@data-part='article']"], options: options)
        XCTAssertEqual(byData.text, "The article's own text, long enough to be a paragraph of its own here.")
        let byComment = try clean(page, rules: ["example.com": "author: substring-after(//comment(), 'by ')"], options: options)
        XCTAssertEqual(byComment.document.metadata.author, "Jane Roe")
    }

    /// Without an address, the site comes from the page's canonical link; a site whose rules read
    /// an attribute the pipeline does not gets the page parsed again with it.
    func testSiteFoundAfterTheParseReadsTheAttributesItsRulesName() throws {
        let filler = "<script>" + String(repeating: "var x = 1;\n", count: 600) + "</script>"
        let page = """
            <html><head>\(filler)<link rel="canonical" href="https://example.com/a"></head><body>
            <div title="article"><p>The article's own text, long enough to be a paragraph of its own here.</p></div>
            <div title="aside"><p>Other text that the site's rule leaves out of the article.</p></div>
            </body></html>
            """
        let byTitle = try clean(page, rules: ["example.com": "body: //div[@title='article']"], options: CleanOptions())
        XCTAssertEqual(byTitle.text, "The article's own text, long enough to be a paragraph of its own here.")
        let byAttributeAxis = try clean(page, rules: ["example.com": "body: //div[attribute::title='article']"], options: CleanOptions())
        XCTAssertEqual(byAttributeAxis.text, "The article's own text, long enough to be a paragraph of its own here.")
    }

    func testAttributeNamesXPathRulesRead() {
        XCTAssertEqual(XPathAttributeNames.names(in: "//div[@class='a' and @ Data-Part]/@href"), ["class", "data-part", "href"])
        XCTAssertEqual(XPathAttributeNames.names(in: "//p[contains(., '@title')]"), [])
        XCTAssertEqual(XPathAttributeNames.names(in: "//html/@xml:lang"), ["xml:lang"])
        XCTAssertNil(XPathAttributeNames.names(in: "//div[@*='x']"))
        XCTAssertNil(XPathAttributeNames.names(in: "//div/attribute::title"))
        XCTAssertNil(XPathAttributeNames.names(in: "//div/attribute :: *"))
        XCTAssertNil(XPathAttributeNames.names(in: "//div[@]"))
    }
}
