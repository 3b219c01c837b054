import XCTest

@testable import Cleaner

/// Inputs the fuzz targets (fuzz/, scripts/fuzz) found to break a promise, kept so they stay fixed.
final class FuzzRegressionTests: XCTestCase {
    /// FuzzRules: an empty `find_string` in a lenient collection threw, stopping the whole run,
    /// instead of being a warning like every other broken rule.
    func testLenientEmptyFindStringIsAWarning() throws {
        var library = RuleLibrary()
        let text = "find_string:\nreplace_string: x\nfind_string: <i>\nreplace_string: <em>\nbody: //article\n"
        try library.add(name: "site.test", text: text, path: "site.test.txt", lenient: true)
        XCTAssertEqual(library.warnings.map(\.description), ["site.test.txt:1: find_string is empty"])
        let result = Cleaner(library: library).clean("<html><body><article><p><i>kept</i></p></article></body></html>", options: CleanOptions(url: "https://site.test/"))
        XCTAssertEqual(result.text, "kept")
        var strict = RuleLibrary()
        XCTAssertThrowsError(try strict.add(name: "site.test", text: text, path: "site.test.txt"))
    }

    /// Unpaired find_string/replace_string in a lenient collection are paired as far as they go, with a warning.
    func testLenientUnpairedReplacementsWarn() throws {
        var library = RuleLibrary()
        try library.add(name: "site.test", text: "find_string: a\nfind_string: b\nreplace_string: c\n", path: "s.txt", lenient: true)
        XCTAssertEqual(library.warnings.count, 1)
        XCTAssertTrue(library.warnings[0].description.hasPrefix("s.txt:2: 2 find_string but 1 replace_string"), library.warnings[0].description)
    }
}
