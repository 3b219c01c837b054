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
