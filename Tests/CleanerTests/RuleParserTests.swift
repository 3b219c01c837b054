import XCTest

@testable import Cleaner

final class RuleParserTests: XCTestCase {
    func testDirectivesWithArgumentsAndValuesWithColons() throws {
        let directive = try RuleParser.split("replace_string(<a href=\"x\">): <a>", file: "f", line: 1)
        XCTAssertEqual(directive.name, "replace_string")
        XCTAssertEqual(directive.argument, "<a href=\"x\">")
        XCTAssertEqual(directive.value, "<a>")
        let xpath = try RuleParser.split("strip: //div[contains(@class, 'a:b')]", file: "f", line: 1)
        XCTAssertEqual(xpath.value, "//div[contains(@class, 'a:b')]")
    }

    func testALineThatIsNotADirectiveIsAnErrorWithPathAndLine() {
        let error = ruleError("# comment\nbody: //article\nthis is not a rule\n")
        XCTAssertEqual(error?.file, "site.test.txt")
        XCTAssertEqual(error?.line, 3)
        XCTAssertTrue(error?.description.hasPrefix("site.test.txt:3: ") ?? false, error?.description ?? "")
    }

    func testAnXPathLibxml2CannotCompileIsAnError() {
        let error = ruleError("strip: //div[@class='a'\n")
        XCTAssertEqual(error?.line, 1)
        XCTAssertTrue(error?.message.contains("XPath") ?? false)
    }

    func testAPatternThatDoesNotCompileIsAnError() {
        let error = ruleError("\n\ndrop_line(caption): ^(unclosed\n")
        XCTAssertEqual(error?.line, 3)
        XCTAssertTrue(error?.message.contains("pattern") ?? false)
    }

    func testAnUnknownCategoryIsAnError() {
        let error = ruleError("drop_line(adverts): ^Ad$\n")
        XCTAssertTrue(error?.message.contains("unknown category 'adverts'") ?? false)
    }

    func testUnpairedFindStringIsAnError() {
        let error = ruleError("find_string: <xbr>\n")
        XCTAssertTrue(error?.message.contains("find_string") ?? false)
    }

    func testOtherFtrDirectivesAreAcceptedAndCounted() throws {
        var parser = RuleParser(file: "f")
        let rules = try parser.parse("single_page_link: //a[@rel='x']\ntidy: no\nhttp_header(user-agent): Mozilla\ntidy: yes\n")
        XCTAssertEqual(rules.ignored["tidy"], 2)
        XCTAssertEqual(rules.ignored["single_page_link"], 1)
        XCTAssertEqual(rules.ignored["http_header"], 1)
        XCTAssertEqual(rules.ruleCount, 0)
    }

    func testTestURLsCollectTheirTestContains() throws {
        var parser = RuleParser(file: "f")
        let rules = try parser.parse("test_url: https://a.test/1\ntest_contains: first\ntest_contains: second\ntest_url: https://a.test/2\n")
        XCTAssertEqual(rules.tests.map(\.url), ["https://a.test/1", "https://a.test/2"])
        XCTAssertEqual(rules.tests.first?.contains, ["first", "second"])
    }

    func testLenientModeSkipsBrokenLinesWithWarnings() throws {
        var parser = RuleParser(file: "f", mode: .lenient)
        let rules = try parser.parse("strip: //div[\nbody: //article\nnonsense line\n")
        XCTAssertEqual(rules.body.count, 1)
        XCTAssertEqual(parser.warnings.map(\.line), [1, 3])
    }

    func testCategoriesAreReadFromTheArgument() throws {
        var parser = RuleParser(file: "f")
        let rules = try parser.parse("drop_line(social): ^Share$\nstrip(caption): //figcaption\nstrip: //nav\n")
        XCTAssertEqual(rules.lineRules.first?.source.category, .social)
        XCTAssertEqual(rules.strip.map(\.source.category), [.caption, .other])
        XCTAssertEqual(rules.strip.first?.source.description, "f:2 strip")
    }

    /// The built-in rules compiled into the binary are exactly the files in Rules/.
    func testBuiltinRulesMatchTheRulesDirectory() throws {
        let directory = Repository.path("Rules")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".txt") }.sorted()
        XCTAssertEqual(BuiltinRules.files.map { $0.name + ".txt" }, names, "run scripts/embed-rules")
        for file in BuiltinRules.files {
            let text = try String(contentsOfFile: directory + "/" + file.name + ".txt", encoding: .utf8)
            XCTAssertEqual(file.text, text, "\(file.name).txt changed: run scripts/embed-rules")
        }
    }

    /// ftr-site-config's 2,000 real files load in lenient mode, and nearly all of them cleanly.
    func testFtrSiteConfigLoadsLeniently() throws {
        guard let shared = Repository.shared else { throw XCTSkip("../shared is absent") }
        let directory = shared + "/rules/ftr-site-config"
        guard FileManager.default.fileExists(atPath: directory) else { throw XCTSkip("ftr-site-config is absent") }
        var library = RuleLibrary()
        try library.addDirectory(directory, lenient: true)
        XCTAssertGreaterThan(library.siteCount, 1_500)
        XCTAssertLessThan(library.warnings.count, library.siteCount / 20, "\(library.warnings.prefix(5))")
    }
}

/// Rule files saved on Windows or classic Mac OS.
final class RuleLineEndingTests: XCTestCase {
    func testCRLFAndCRLinesAreLinesWithTheirEditorLineNumbers() throws {
        var parser = RuleParser(file: "f", mode: .lenient)
        let rules = try parser.parse("body: //article\r\nstrip: //nav\r\n\r\nstrip: //aside\rbroken line\r\n")
        XCTAssertEqual(rules.body.map(\.xpath.source), ["//article"])
        XCTAssertEqual(rules.strip.map(\.xpath.source), ["//nav", "//aside"])
        XCTAssertEqual(rules.strip.map(\.source.line), [2, 4])
        XCTAssertEqual(parser.warnings.map(\.line), [5])
    }

    /// Lines found by memchr are the lines a walk of the bytes finds, with every mix of breaks.
    func testLinesFoundByMemchrAreTheLinesOfAWalk() {
        let pieces = ["", "a", "é", "\n", "\r", "\r\n", "\n\r", "bc", "\r\r", "\n\n"]
        var strings: [String] = []
        for first in pieces { for second in pieces { for third in pieces { for fourth in pieces { strings.append(first + second + third + fourth) } } } }
        for string in strings {
            let found = RuleParser.lines(of: string).map { Array($0.utf8) }
            XCTAssertEqual(found, RuleParser.slowLines(of: string).map { Array($0.utf8) }, string.debugDescription)
        }
        XCTAssertEqual(RuleParser.lines(of: "x: 1\r\ny: 2\n").map(String.init), ["x: 1", "y: 2", ""])
    }

    func testLenientModeWarnsAboutAnEmptyFindStringInsteadOfFailingTheFile() throws {
        var parser = RuleParser(file: "f", mode: .lenient)
        let rules = try parser.parse("find_string:\nreplace_string: x\nfind_string: <b>\nreplace_string: <strong>\nstrip: //nav\n")
        XCTAssertEqual(rules.strip.count, 1)
        XCTAssertEqual(rules.replacements.map(\.find), ["<b>"])
        XCTAssertEqual(parser.warnings.map(\.line), [1])
    }

    /// Values are trimmed by bytes where the ends are ASCII; the result must be the Character-wise trim's.
    func testTrimmingByBytesGivesTheCharacterWiseTrim() {
        let pieces = [" ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{1C}", "\u{85}", "\u{A0}", "\u{3000}", "\u{2028}",
                      "a", "x", "\r\n\u{0301}", "\u{0301}", "\u{0600}", "\u{200D}", "日", "é", "\u{1F1E9}", "\u{7F}", "\u{00}"]
        var strings: [String] = [""]
        for first in pieces { for second in pieces { for third in pieces { strings.append(first + second + third) } } }
        for string in strings {
            let reference: Substring = {
                var start = string.startIndex
                var end = string.endIndex
                while start < end, string[start].isWhitespace { start = string.index(after: start) }
                while end > start, string[string.index(before: end)].isWhitespace { end = string.index(before: end) }
                return string[start..<end]
            }()
            XCTAssertEqual(Array(string.trimmingWhitespace().utf8), Array(reference.utf8), string.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
            XCTAssertEqual(Array(string[...].trimmingWhitespace().utf8), Array(reference.utf8))
        }
    }
}
