import Foundation
import XCTest

@testable import Cleaner

/// ftr's `test_url` + `test_contains` as golden cases, where the page is cached under `golden/pages/`.
final class SiteTestCaseTests: XCTestCase {
    private let rules = """
        body: //article
        strip_id_or_class: promo
        test_url: https://www.news.test/2024/story-one
        test_contains: The council voted on Tuesday
        test_contains: a second   sentence
        test_url: https://www.news.test/2024/story-two
        test_contains: Subscribe to our newsletter
        test_url: https://www.news.test/2024/not-cached
        test_contains: anything
        test_url: https://www.news.test/2024/no-check
        """

    private func golden() throws -> String {
        let directory = NSTemporaryDirectory() + "site-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory + "/pages", withIntermediateDirectories: true)
        let page = """
            <html><body><nav>Home</nav><article><p>The council voted on Tuesday to keep the library open, and
            a second sentence follows.</p><div class="promo">Subscribe to our newsletter</div></article></body></html>
            """
        for name in ["www.news.test_2024_story-one.html", "www.news.test_2024_story-two.html"] {
            try page.write(toFile: directory + "/pages/" + name, atomically: true, encoding: .utf8)
        }
        return directory
    }

    func testCachedPagesRunAndTheirTextsAreChecked() throws {
        let golden = try golden()
        let library = try library(["news.test": rules])
        let cases = SiteTestCase.all(in: library, golden: golden)
        // The test_url without test_contains is not a case.
        XCTAssertEqual(cases.map(\.test.url), ["https://www.news.test/2024/story-one", "https://www.news.test/2024/story-two", "https://www.news.test/2024/not-cached"])
        XCTAssertEqual(cases.map(\.isCached), [true, true, false])
        XCTAssertEqual(cases[0].name, "news.test.txt:3 test_url https://www.news.test/2024/story-one")
        XCTAssertEqual(try cases[0].missingTexts(library: library), [])
        // The promo box is stripped, so the second page's test fails, naming the missing text.
        XCTAssertEqual(try cases[1].missingTexts(library: library), ["Subscribe to our newsletter"])
        XCTAssertThrowsError(try cases[2].missingTexts(library: library))
    }

    /// `pages/` holds cached pages, not a golden case.
    func testThePagesFolderIsNotAGoldenCase() throws {
        let golden = try golden()
        XCTAssertEqual(try GoldenCase.all(in: golden).count, 0)
    }
}
