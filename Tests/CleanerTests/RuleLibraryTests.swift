import XCTest

@testable import Cleaner

final class RuleLibraryTests: XCTestCase {
    func testAHostFileCoversTheHostAndItsSubdomains() throws {
        let rules = try library(["example.com": "body: //article\n"])
        XCTAssertEqual(rules.siteName(forHost: "example.com"), "example.com")
        XCTAssertEqual(rules.siteName(forHost: "www.example.com"), "example.com")
        XCTAssertEqual(rules.siteName(forHost: "news.eu.example.com"), "example.com")
        XCTAssertNil(rules.siteName(forHost: "example.org"))
        XCTAssertNil(rules.siteName(forHost: "notexample.com"))
    }

    func testADotFileCoversSubdomainsOnly() throws {
        let rules = try library([".example.com": "body: //article\n"])
        XCTAssertNil(rules.siteName(forHost: "example.com"))
        XCTAssertEqual(rules.siteName(forHost: "blog.example.com"), ".example.com")
    }

    func testTheMostSpecificFileWins() throws {
        let rules = try library(["example.com": "body: //a\n", "blog.example.com": "body: //b\n"])
        XCTAssertEqual(rules.siteName(forHost: "blog.example.com"), "blog.example.com")
        XCTAssertEqual(rules.siteName(forHost: "WWW.Example.COM:8080"), "example.com")
    }

    /// The built-in rules' patterns are compiled when first used: each must compile.
    func testEveryBuiltinPatternCompiles() throws {
        var patterns = 0
        for file in RuleFile.builtin {
            var parser = RuleParser(file: file.path, mode: .strict)
            let rules = try parser.parse(file.text)
            patterns += rules.lineRules.count { $0.pattern != nil } + rules.signatures.count
        }
        XCTAssertGreaterThan(patterns, 0)
        let library = try RuleLibrary.builtin()
        for site in [nil] + RuleFile.builtin.map(\.name) {
            for rule in library.rules(forSite: site).lineRules {
                if let pattern = rule.pattern { XCTAssertNotNil(pattern.compiled, pattern.source) }
            }
        }
    }

    func testUserDirectoryFilesReplaceBuiltinFilesOfTheSameName() throws {
        let directory = NSTemporaryDirectory() + "rules-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try "drop_line(other): ^Mine$\n".write(toFile: directory + "/chinatopix.com.txt", atomically: true, encoding: .utf8)
        var rules = try RuleLibrary.builtin()
        try rules.addDirectory(directory)
        let set = rules.rules(forSite: "chinatopix.com")
        XCTAssertEqual(set.lineRules.first?.source.file, directory + "/chinatopix.com.txt")
        XCTAssertFalse(set.lineRules.contains { $0.source.file == "Rules/chinatopix.com.txt" })
    }

    func testABrokenFileInAUserDirectoryStopsLoadingWithPathAndLine() throws {
        let directory = NSTemporaryDirectory() + "rules-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try "body: //article\nstrip: //div[\n".write(toFile: directory + "/bad.test.txt", atomically: true, encoding: .utf8)
        var rules = RuleLibrary()
        XCTAssertThrowsError(try rules.addDirectory(directory)) { error in
            XCTAssertEqual((error as? RuleError)?.description.hasPrefix(directory + "/bad.test.txt:2: "), true, "\(error)")
        }
    }

    func testASignatureLineSelectsTheSiteOfATextScrape() throws {
        let rules = [
            "paper.test": "signature_line: ^THE PAPER$\ndrop_line(navigation): ^THE PAPER$\n"
        ]
        let result = try clean("THE PAPER\n\nA real sentence of the article.\n", rules: rules)
        XCTAssertEqual(result.site, "paper.test")
        XCTAssertEqual(result.text, "A real sentence of the article.")
    }

    func testAnURLSelectsTheSiteOfATextScrape() throws {
        let rules = ["paper.test": "drop_line(navigation): ^Menu$\n"]
        let result = try clean("Menu\n\nText.\n", rules: rules, options: CleanOptions(url: "https://www.paper.test/a"))
        XCTAssertEqual(result.site, "paper.test")
        XCTAssertEqual(result.text, "Text.")
    }

    func testTheCanonicalLinkSelectsTheSiteOfAPage() throws {
        let rules = ["paper.test": "strip: //div[@class='x']\n"]
        let page = "<html><head><link rel='canonical' href='https://paper.test/a'></head><body><div class='x'>Junk</div><p>Text.</p></body></html>"
        let result = try clean(page, rules: rules)
        XCTAssertEqual(result.site, "paper.test")
        XCTAssertEqual(result.text, "Text.")
    }

    func testSiteRulesRunBeforeGlobalRules() throws {
        let rules = [
            "global": "drop_line(other): ^Shared line$\n",
            "paper.test": "drop_line(navigation): ^Shared line$\n",
        ]
        let result = try clean("Shared line\n\nText.\n", rules: rules, options: CleanOptions(url: "paper.test"))
        XCTAssertEqual(result.document.blocks.first?.lines.first?.removedBy?.category, .navigation)
    }
}

extension RuleLibraryTests {
    func testADirectorysGlobalRulesJoinTheBuiltinOnesAndOtherFilesAreNotRules() throws {
        let directory = NSTemporaryDirectory() + "rules-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try "drop_line(other): ^Mine$\n".write(toFile: directory + "/global.txt", atomically: true, encoding: .utf8)
        try "This licence is not a rule file.\n".write(toFile: directory + "/LICENSE.txt", atomically: true, encoding: .utf8)
        var rules = try RuleLibrary.builtin()
        let builtinCount = rules.rules(forSite: nil).lineRules.count
        try rules.addDirectory(directory)
        let global = rules.rules(forSite: nil)
        XCTAssertEqual(global.lineRules.count, builtinCount + 1)
        XCTAssertEqual(global.lineRules.first?.source.file, directory + "/global.txt")
        XCTAssertEqual(rules.siteCount, try RuleLibrary.builtin().siteCount, "LICENSE.txt is no site")
    }
}
