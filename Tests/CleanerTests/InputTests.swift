import XCTest

@testable import Cleaner

final class InputTests: XCTestCase {
    private func sniff(_ text: String) -> InputKind {
        Array(text.utf8).withUnsafeBytes { InputSniffer.detect($0) }
    }

    func testHTMLAndTextAreToldApart() {
        XCTAssertEqual(sniff("<!DOCTYPE html><html><body>x</body></html>"), .html)
        XCTAssertEqual(sniff("\u{FEFF}\n  <html>"), .html)
        XCTAssertEqual(sniff("Some scraped text\n\n<p>with a paragraph tag</p>"), .html)
        XCTAssertEqual(sniff("Plain text where 3 < 4 and a > b."), .text)
        XCTAssertEqual(sniff(""), .text)
    }

    /// A text scrape that kept an ad's raw markup on a line of its own is still text: most of its
    /// text lies on lines without tags. A page is HTML however its text is laid out: one that
    /// opens with a tag, or holds a page's own tag after a stray first line.
    func testATextScrapeWithSomeRawMarkupIsText() {
        let prose = "Ministers met in Brussels on Tuesday to agree the budget for the coming year.\nThe talks ran late into the night, and several delegations left before the vote.\n"
        let ad = "<a href=\"http://ads.example.com/click?n=1\" target=\"_blank\"><img src=\"http://ads.example.com/view?n=1\" border=0></a>\n"
        XCTAssertEqual(sniff("Politics\n\n" + ad + prose + prose), .text)
        XCTAssertEqual(sniff("Politik\n\n<div><a href=\"http://ad.example.de/jump\"><img src=\"http://ad.example.de/ad\"></a></div>\nDie Minister trafen sich am Dienstag in Brüssel, um den Haushalt für das kommende Jahr zu beschließen.\n"), .text)
        XCTAssertEqual(sniff("<pre>\n" + prose + prose + "</pre>"), .html)
        XCTAssertEqual(sniff("Warning: a stray line\n<!DOCTYPE html>\n<p>\n" + prose + "</p>"), .html)
        XCTAssertEqual(sniff("A stray line\n<div><p>Text in a paragraph.</p></div>\n<div><p>More text.</p></div>"), .html)
    }

    /// A scrape that opens with an ad's closed markup line and has no other markup is text; a page
    /// whose first line opens what follows, or is followed by more markup, stays HTML.
    func testAKeptAdLineAtTheStartIsText() {
        let prose = "Ministers met in Brussels on Tuesday to agree the budget for the coming year.\nThe talks ran late into the night, and several delegations left before the vote.\n"
        let ad = "<a href=\"http://ads.example.com/click?n=1\" target=\"_top\"><img width=468 height=60 src=\"http://ads.example.com/view?n=1\"></a>\n"
        XCTAssertEqual(sniff(ad + "\n" + prose), .text)
        XCTAssertEqual(sniff("<script src=\"http://ads.example.de/a.js\"></script><noscript><a href=\"http://ads.example.de/r\"><img src=\"x\"/></a></noscript>\nDie Minister trafen sich am Dienstag.\n"), .text)
        XCTAssertEqual(sniff("<meta charset=\"iso-8859-1\">\n<p>" + prose + "</p>"), .html)
        XCTAssertEqual(sniff("<a name=\"top\"></a>\n<div align=\"left\">\n" + prose), .html)
        XCTAssertEqual(sniff(ad), .html)
    }

    /// A page's own tags after paragraphs of prose are a tutorial's example in a text scrape; an
    /// ad's markup counts for its text, not the length of its URLs.
    func testMarkupInsideATextScrapeDoesNotMakeItHTML() {
        let prose = String(repeating: "Tests that run in the browser need a page to load them, and the coverage tool needs to see every script before it runs.\n\n", count: 6)
        XCTAssertEqual(sniff(prose + "<!DOCTYPE html> <html> <head> <title>Test</title> </head> <body> <div id=\"mocha\"></div> </body> </html>\n\n" + prose), .text)
        let url = "http://ad.example.net/adj/N3271/B2075466.165;abr=!ie;sz=125x125;click0=http://adlog.example.com/adlog/e/r=7546&s=700776&t=2006.12.27"
        let script = "<SCRIPT language='JavaScript1.1' SRC=\"\(url)\"></SCRIPT>\n"
        XCTAssertEqual(sniff("Reviews\nNews\nDownloads\n" + script + "Compare Prices\nRead more\n" + script + "Today on the site\n"), .text)
    }
}

extension InputTests {
    func testInputKindCanBeForced() throws {
        let markup = "<p>Not parsed</p>"
        XCTAssertEqual(try clean(markup, options: CleanOptions(input: .text)).text, "<p>Not parsed</p>")
        XCTAssertEqual(try clean(markup, options: CleanOptions(input: .html)).text, "Not parsed")
    }

    func testTextThatIsNotUTF8IsReadAsWindows1252() throws {
        let bytes: [UInt8] = Array("Caf".utf8) + [0xE9] + Array(" cr".utf8) + [0xE8, 0x6D, 0x65]
        XCTAssertEqual(Cleaner(library: RuleLibrary()).clean(bytes, options: CleanOptions(input: .text)).text, "Café crème")
    }

    func testHTMLDeclaredCharsetIsHonoured() throws {
        let bytes: [UInt8] = Array("<html><head><meta charset='iso-8859-1'></head><body><p>Caf".utf8) + [0xE9] + Array("</p></body></html>".utf8)
        XCTAssertEqual(Cleaner(library: RuleLibrary()).clean(bytes).text, "Café")
    }

    func testHostsAreReadFromAddresses() {
        XCTAssertEqual(URLHost.host(of: "https://user@WWW.Example.com:8080/a?b#c"), "www.example.com")
        XCTAssertEqual(URLHost.host(of: "example.com/path"), "example.com")
        XCTAssertEqual(URLHost.host(of: "http://example.com./"), "example.com")
        XCTAssertNil(URLHost.host(of: ""))
    }

    /// A pattern with catastrophic backtracking gives up at the match limit instead of stalling.
    func testPathologicalPatternsStop() throws {
        let pattern = try Pattern("^(a+)+$")
        XCTAssertFalse(pattern.matches(String(repeating: "a", count: 5_000) + "b"))
        XCTAssertTrue(pattern.matches("aaaa"))
    }

    func testPatternsAreUnicodeAware() throws {
        XCTAssertTrue(try Pattern("^\\p{Lu}+$").matches("ÜBER"))
        XCTAssertTrue(try Pattern("^\\w+$").matches("日本語"))
        XCTAssertTrue(try Pattern("x").matches("ax"))
        XCTAssertFalse(try Pattern("x").matches(""))
    }

    func testUnifiedDiffShowsChangedLines() {
        let diff = LineDiff.unified(expected: "a\nb\nc", actual: "a\nc\nd")
        XCTAssertTrue(diff.contains("-b\n"), diff)
        XCTAssertTrue(diff.contains("+d\n"), diff)
        XCTAssertEqual(LineDiff.unified(expected: "same", actual: "same"), "")
    }
}
