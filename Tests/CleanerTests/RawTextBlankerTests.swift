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
    private func blankedOutline(_ bytes: [UInt8]) -> String? {
        guard let blanked = RawTextBlanker.blank(bytes, minimumBytes: 0), let page = parse(blanked.bytes) else { return nil }
        return page.restoreRawText(blanked, original: bytes) ? withoutBlankedValues(page.outline) : nil
    }

    private func originalOutline(_ bytes: [UInt8]) -> String? {
        parse(bytes).map { withoutBlankedValues($0.outline) }
    }

    /// An outline with the values of the attributes the blanking may empty (`data-*`, `on*`,
    /// `srcset`, `d`) emptied: where the scan stopped early they keep theirs.
    private func withoutBlankedValues(_ outline: String) -> String {
        let pattern = #" ((?:data-|on)[^= ]+|srcset|d)="(?:[^"\\\n]|\\.)*""#
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return outline }
        return expression.stringByReplacingMatches(in: outline, range: NSRange(outline.startIndex..., in: outline), withTemplate: " $1=\"\"")
    }

    func testAttributeValuesNothingReadsAreEmptied() throws {
        let bytes = Array("<div data-config='{\"a\": 1}' class=x onclick=\"go()\"><img srcset=\"a.jpg 1x\" src=a.jpg data-src=b.jpg></div>".utf8)
        let blanked = try XCTUnwrap(RawTextBlanker.blank(bytes, minimumBytes: 0))
        XCTAssertEqual(String(decoding: blanked.bytes, as: UTF8.self), "<div data-config='' class=x onclick=\"\"><img srcset=\"\" src=a.jpg data-src=b.jpg></div>")
        XCTAssertNil(RawTextBlanker.blank(bytes, attributes: false, minimumBytes: 0))
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
    ]

    func testRandomMarkupParsesToTheSameTree() {
        var generator = SplitMix64(seed: 20261130)
        var compared = 0
        for _ in 0..<12000 {
            let count = Int.random(in: 1...40, using: &generator)
            let text = (0..<count).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            let bytes = Array(text.utf8)
            guard let blanked = blankedOutline(bytes) else { continue }
            compared += 1
            guard let original = originalOutline(bytes) else { return XCTFail("no tree for \(text.debugDescription)") }
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
}
