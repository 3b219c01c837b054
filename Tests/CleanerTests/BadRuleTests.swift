import XCTest

@testable import Cleaner

/// Hostile or careless rule files: every line of them is read as written, whatever the line endings
/// or bytes, and every broken rule is named by file and line.
final class BadRuleTests: XCTestCase {
    /// Windows (CRLF) and old Mac (CR) line endings: "\r\n" is one Character in Swift, so a file
    /// split on "\n" alone was read as one long line, and its first XPath swallowed the rest.
    func testCRLFAndCRLineEndings() throws {
        for ending in ["\r\n", "\r"] {
            var parser = RuleParser(file: "f")
            let rules = try parser.parse(["body: //article", "strip: //aside", "drop_line: ^Share$"].joined(separator: ending) + ending)
            XCTAssertEqual(rules.body.map(\.xpath.source), ["//article"])
            XCTAssertEqual(rules.strip.map(\.xpath.source), ["//aside"])
            XCTAssertEqual(rules.lineRules.count, 1)
        }
        var parser = RuleParser(file: "f")
        XCTAssertThrowsError(try parser.parse("body: //article\r\nstrip: //div[\r\n")) { error in
            XCTAssertEqual((error as? RuleError)?.line, 2)
        }
    }

    /// No warning of the lenient load of ftr-site-config spans lines: each names one broken line.
    func testFtrSiteConfigWarningsNameSingleLines() throws {
        guard let shared = Repository.shared else { throw XCTSkip("../shared is absent") }
        let directory = shared + "/rules/ftr-site-config"
        guard FileManager.default.fileExists(atPath: directory) else { throw XCTSkip("ftr-site-config is absent") }
        var library = RuleLibrary()
        try library.addDirectory(directory, lenient: true)
        for warning in library.warnings {
            XCTAssertGreaterThan(warning.line, 0, warning.description)
            XCTAssertFalse(warning.description.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }), warning.description)
        }
    }

    /// Bytes that are not text at all: a strict load names the first line, a lenient one warns and goes on.
    func testBinaryGarbageAsARuleFile() throws {
        var generator = SplitMix64(seed: 7)
        let bytes = (0..<4_000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let text = String(decoding: bytes, as: UTF8.self)
        var strict = RuleLibrary()
        XCTAssertThrowsError(try strict.add(name: "x.test", text: text, path: "x.test.txt")) { error in
            XCTAssertGreaterThan((error as? RuleError)?.line ?? 0, 0)
        }
        var lenient = RuleLibrary()
        try lenient.add(name: "x.test", text: text, path: "x.test.txt", lenient: true)
        XCTAssertFalse(lenient.warnings.isEmpty)
    }
}
