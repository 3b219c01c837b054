import Foundation
import XCTest

@testable import Cleaner

/// docs/rules.md and its worked example: the site file it writes is the golden case's, the case is
/// the seed it names, the explain lines it shows for that file are what clean prints, and every
/// directive and category is in its reference.
final class RulesGuideTests: XCTestCase {
    private let caseDirectory = Repository.path("golden/guide-chinatopix")

    private func guide() throws -> String {
        try String(contentsOfFile: Repository.path("docs/rules.md"), encoding: .utf8)
    }

    /// The first plain fenced block (```, no language) after the first line equal to `heading`.
    private func block(after heading: String, in text: String) throws -> String {
        let lines = text.components(separatedBy: "\n")
        let start = try XCTUnwrap(lines.firstIndex(of: heading), "no '\(heading)' in docs/rules.md")
        let open = try XCTUnwrap(lines[(start + 1)...].firstIndex { $0 == "```" })
        let close = try XCTUnwrap(lines[(open + 1)...].firstIndex { $0.hasPrefix("```") })
        return lines[(open + 1)..<close].joined(separator: "\n") + "\n"
    }

    func testTheGuidesSiteFileIsTheGoldenCases() throws {
        let written = try block(after: "`my-rules/chinatopix.com.txt`:", in: try guide())
        let inCase = try String(contentsOfFile: caseDirectory + "/rules/chinatopix.com.txt", encoding: .utf8)
        XCTAssertEqual(written, inCase)
    }

    func testTheCaseIsTheSeedTheGuideNames() throws {
        XCTAssertTrue(try guide().contains("../shared/seeds/003_6abb5117d123efb1.txt"))
        guard let shared = Repository.shared else { throw XCTSkip("../shared is absent") }
        let seed = FileManager.default.contents(atPath: shared + "/seeds/003_6abb5117d123efb1.txt")
        XCTAssertNotNil(seed)
        XCTAssertEqual(seed, FileManager.default.contents(atPath: caseDirectory + "/input.txt"))
    }

    /// The removals the guide shows for its own file, and the listing's head, are clean's output.
    func testTheExplainLinesOfTheSiteFileAreWhatCleanPrints() throws {
        var library = try RuleLibrary.builtin()
        let rules = try String(contentsOfFile: caseDirectory + "/rules/chinatopix.com.txt", encoding: .utf8)
        try library.add(name: "chinatopix.com", text: rules, path: "my-rules/chinatopix.com.txt")
        let input = try XCTUnwrap(FileManager.default.contents(atPath: caseDirectory + "/input.txt"))
        let result = Cleaner(library: library).clean([UInt8](input))
        let printed = ExplainWriter.write(result, name: "golden/guide-chinatopix/input.txt")
        let section = try XCTUnwrap(try guide().components(separatedBy: "### 4.").dropFirst().first?.components(separatedBy: "### 5.").first)
        let lines = section.split(separator: "\n").filter { ($0.hasPrefix("- ") && $0.contains("my-rules/")) || $0.hasPrefix("== ") }
        XCTAssertEqual(lines.count, 5, section)
        for line in lines {
            XCTAssertTrue(printed.contains(line + "\n"), "docs/rules.md shows a line clean does not print: \(line)\n\(printed)")
        }
    }

    func testEveryDirectiveAndCategoryIsInTheReference() throws {
        let text = try guide()
        let directives = RuleParser.removingDirectives.union([
            "body", "title", "author", "date", "prune", "find_string", "replace_string", "test_url", "test_contains", "signature_line",
        ]).union(FTRDirectives.acceptedWithoutEffect)
        for directive in directives.sorted() {
            XCTAssertTrue(text.contains("`\(directive)"), "docs/rules.md does not mention \(directive)")
        }
        for category in Category.allCases {
            XCTAssertTrue(text.contains("| `\(category.rawValue)` |"), "docs/rules.md has no row for \(category)")
        }
    }
}
