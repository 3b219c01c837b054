import Foundation
import XCTest

@testable import Cleaner

final class RuleLinterTests: XCTestCase {
    private func lint(_ text: String, name: String = "site.test", golden: String? = nil) -> LintReport {
        RuleLinter(goldenDirectory: golden).lint([RuleFile(name: name, path: "\(name).txt", text: text)])
    }

    private func lines(_ report: LintReport) -> [String] {
        report.findings.map(\.description)
    }

    func testEveryBrokenLineIsAnErrorWithPathAndLine() {
        let report = lint("""
            body: //article
            this is not a rule
            strip: //div[@class='a'
            drop_line(caption): ^(unclosed
            drop_line(adverts): ^Ad$
            strip: //p
            """)
        XCTAssertEqual(report.errors, 4)
        XCTAssertEqual(report.warnings, 0)
        let found = lines(report)
        XCTAssertTrue(found[0].hasPrefix("site.test.txt:2: expected"), found[0])
        XCTAssertTrue(found[1].hasPrefix("site.test.txt:3: XPath does not compile"), found[1])
        XCTAssertTrue(found[2].hasPrefix("site.test.txt:4: pattern does not compile"), found[2])
        XCTAssertTrue(found[3].hasPrefix("site.test.txt:5: unknown category 'adverts'"), found[3])
        XCTAssertEqual(report.files, 1)
        XCTAssertEqual(report.directives, 5)
        XCTAssertEqual(report.rules, 2)
    }

    func testXPathsThatCompileButCannotSelectAnythingAreErrors() {
        let report = lint("""
            strip: //div[has-class('promo')]
            title: //meta[@property='og:title']/@content
            strip: //og:image
            body: //div[contains(@class, 'story') and not(ancestor::aside)]/p[1]
            strip: //p[@xml:lang='en']
            """)
        XCTAssertEqual(lines(report), [
            "site.test.txt:1: XPath selects nothing on any page: libxml2 has no function has-class(): //div[has-class('promo')]",
            "site.test.txt:3: XPath selects nothing on any page: namespace prefix 'og' is not declared (HTML has no namespaces): //og:image",
        ])
    }

    func testUnknownDirectivesAreWarnedAndCountedApartFromFtrDirectives() {
        let report = lint("titl: //h1\ntidy: no\nsingle_page_link: //a\ntitl: //h2\ntest_rul: https://a.test/\n")
        XCTAssertEqual(report.errors, 0)
        XCTAssertEqual(lines(report), [
            "site.test.txt:1: warning: unknown directive 'titl': ignored",
            "site.test.txt:4: warning: unknown directive 'titl': ignored",
            "site.test.txt:5: warning: unknown directive 'test_rul': ignored",
        ])
        XCTAssertEqual(report.unknownDirectives, ["titl": 2, "test_rul": 1])
        XCTAssertEqual(report.directivesWithoutEffect, ["tidy": 1, "single_page_link": 1])
        XCTAssertTrue(report.summary.contains("unknown directives: titl 2, test_rul 1"), report.summary)
    }

    func testDuplicateRulesAreWarnedWhateverTheirCategory() {
        let report = lint("""
            strip(caption): //figure
            strip_id_or_class: promo
            strip: //figure
            strip_id_or_class: promo
            find_string: <b>
            replace_string: <strong>
            find_string: <b>
            replace_string: <em>
            replace_string(<i>): <em>
            replace_string(<u>): <em>
            """)
        XCTAssertEqual(lines(report), [
            "site.test.txt:3: warning: duplicate of line 1: strip: //figure",
            "site.test.txt:4: warning: duplicate of line 2: strip_id_or_class: promo",
        ])
    }

    func testXPathNamesAreReadPerUnionBranchOutsidePredicates() throws {
        func names(_ xpath: String) -> [Set<String>]? { XPathTokens(xpath)?.elementNamesByBranch }
        XCTAssertEqual(names("//div[@id='a']//h6 | //article"), [["div", "h6"], ["article"]])
        XCTAssertEqual(names("//div[not(p)]/following-sibling::span"), [["div", "span"]])
        XCTAssertEqual(names("//*[@class='x']/@href"), [[]])
        XCTAssertEqual(names("//p[1]/text() | //li[contains(., 'a | b')]"), [["p"], ["li"]])
        XCTAssertEqual(names("string(//h1)"), [["h1"]])
        XCTAssertEqual(names("//a[@href] | //div and //span"), [["a"], ["div", "span"]])
        XCTAssertNil(names("(//a | //b)[1]"))
        XCTAssertEqual(XPathTokens("//div[has-class('x') and contains(@class, 'y')]")?.functions, ["has-class", "contains"])
        XCTAssertEqual(XPathTokens("//svg:path | //meta[@og:x]")?.undeclaredPrefixes, ["svg", "og"])
    }

    /// A site's test pages: a cached `test_url` page and a golden case whose URL is on the site.
    func testRulesThatCannotMatchTheSitesTestPagesAreWarned() throws {
        let golden = NSTemporaryDirectory() + "lint-golden-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: golden + "/pages", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: golden + "/story", withIntermediateDirectories: true)
        let cached = "<html><body><article><h1>T</h1><div class='promo-box'>x</div><p>Text.</p><img src='https://cdn.site.test/a.png'></article></body></html>"
        try cached.write(toFile: golden + "/pages/www.site.test_news_1.html", atomically: true, encoding: .utf8)
        let page = "<html><head><link rel='canonical' href='https://www.site.test/news/2'></head><body><main><section><p>Text.</p></section></main></body></html>"
        try page.write(toFile: golden + "/story/input.html", atomically: true, encoding: .utf8)
        try "Text.\n".write(toFile: golden + "/story/expected.txt", atomically: true, encoding: .utf8)
        let report = lint("""
            body: //article | //main/section
            body: //div[@id='story']//section
            strip: //article//h6
            strip: //article//aside | //main//aside
            strip: //*[@class='x']
            strip: //article//h1
            strip_id_or_class: promo-box
            strip_id_or_class: sidebar
            strip_image_src: cdn.site.test
            strip_image_src: ads.site.test
            test_url: https://www.site.test/news/1
            test_contains: Text.
            """, golden: golden)
        let pages = "(\(golden)/pages/www.site.test_news_1.html, \(golden)/story/input.html)"
        XCTAssertEqual(lines(report), [
            "site.test.txt:2: warning: body can never match: no test page has all the elements it names \(pages)",
            "site.test.txt:3: warning: strip can never match: no <h6> on the site's test pages \(pages)",
            "site.test.txt:4: warning: strip can never match: no <aside> on the site's test pages \(pages)",
            "site.test.txt:8: warning: strip_id_or_class 'sidebar' can never match: no class or id on the site's test pages contains it \(pages)",
            "site.test.txt:10: warning: strip_image_src 'ads.site.test' can never match: no image source on the site's test pages contains it \(pages)",
        ])
        XCTAssertEqual(report.testPages, 2)
        XCTAssertEqual(report.filesWithTestPages, 1)
        // Without test pages nothing can be said about matching.
        XCTAssertEqual(lint("strip: //article//h6\n", golden: NSTemporaryDirectory() + "no-such-golden").findings.count, 0)
    }

    func testCachedPageNamesAreReadOffTheAddress() {
        XCTAssertEqual(CachedPage.fileName(for: "https://www.example.com/news/2024/story?id=7"), "www.example.com_news_2024_story_id_7.html")
        XCTAssertEqual(CachedPage.fileName(for: "http://example.com/a/b/"), "example.com_a_b.html")
        let long = CachedPage.fileName(for: "https://example.com/" + String(repeating: "word-", count: 60))
        XCTAssertEqual(long.utf8.count, CachedPage.maximumNameLength + 1 + 16 + 5)
        XCTAssertNotEqual(long, CachedPage.fileName(for: "https://example.com/" + String(repeating: "word-", count: 61)))
    }

    /// A pattern that tries every way to share a line's spaces between its parts is warned about:
    /// each table row naming "about" cost it a thousandth of a second. Its form that matches each
    /// part once, up to its |, matches the same lines and is not warned about.
    func testPatternsThatBacktrackWithoutBoundAreWarned() {
        let keyword = #"^(?i)(?=.{0,300}$)(?=.*\b(?:privacy|contact(?: us)?|about(?: us)?|terms|help)\b)"#
        let ambiguous = keyword + #"(?:[ \t]*\[?[ \t]*(?:[^|•·.!?\[\]]|(?<=\b\p{L})\.){1,40}?[ \t]*\]?[ \t]*\|){2,}[ \t]*(?:[^|•·.!?]|(?<=\b\p{L})\.){0,40}$"#
        let atomic = keyword + #"(?>[ \t]*\[?[ \t]*(?:[^|•·.!?\[\]]|(?<=\b\p{L})\.){1,40}?[ \t]*\]?[ \t]*\|){2,}[ \t]*+(?:[^|•·.!?]|(?<=\b\p{L})\.){0,40}$"#
        let caption = #"\b(?:Picture|Photo)s?\s?:\s?[\p{Lu}\d][\p{Lu}\d\s/.,&'’-]+$"#
        let report = lint("drop_line(navigation): \(ambiguous)\ndrop_line(navigation): \(atomic)\ndrop_line(caption): \(caption)\n")
        XCTAssertEqual(report.errors, 0)
        XCTAssertEqual(report.findings.map(\.line), [1], lines(report).joined(separator: "\n"))
        XCTAssertTrue(lines(report).first?.contains("backtracks without bound") == true, lines(report).joined())
        let samples = ["Home | About Us | Contact | Privacy Policy", "FOIA | Privacy Notice | U.S. Government", "Row 7 | 21 | Some words about item 7 here.", "About | Contact", "Terms | Help | Jobs | More news here.", "  Home  |  About  |   Help   "]
        for line in samples {
            XCTAssertEqual(try Pattern(ambiguous).matches(line), try Pattern(atomic).matches(line), line)
        }
        XCTAssertEqual(try samples.map { try Pattern(atomic).matches($0) }, [true, true, false, false, false, true])
    }

    /// The rules that ship with clean are clean, and so are their golden cases' pages.
    func testTheBuiltinRulesHaveNoFindings() {
        let report = RuleLinter(goldenDirectory: Repository.path("golden")).lint(RuleFile.builtin)
        XCTAssertEqual(report.findings.map(\.description), [])
        XCTAssertEqual(report.files, RuleFile.builtin.count)
    }

    /// ftr-site-config's 2,000 files: every kind of finding shows up, named by file and line.
    func testFtrSiteConfig() throws {
        guard let shared = Repository.shared, FileManager.default.fileExists(atPath: shared + "/rules/ftr-site-config") else {
            throw XCTSkip("../shared/rules/ftr-site-config is absent")
        }
        let directory = shared + "/rules/ftr-site-config"
        let report = RuleLinter(goldenDirectory: nil).lint(try RuleFile.all(in: directory))
        XCTAssertGreaterThan(report.files, 2_000)
        let found = Set(report.findings.map(\.description))
        XCTAssertTrue(found.contains("\(directory)/publications.aap.org.txt:1: warning: unknown directive 'titl': ignored"))
        XCTAssertTrue(found.contains { $0.hasPrefix("\(directory)/gendai.media.txt:7: XPath selects nothing on any page: libxml2 has no function contain()") })
        XCTAssertTrue(found.contains { $0.hasPrefix("\(directory)/clubic.com.txt:23: expected 'directive: value'") })
        XCTAssertTrue(found.contains { $0.hasPrefix("\(directory)/thekitchn.com.txt:19: warning: duplicate of line 16") })
        XCTAssertGreaterThan(report.directivesWithoutEffect["tidy"] ?? 0, 100)
        XCTAssertLessThan(report.errors, report.files / 100)
    }
}
