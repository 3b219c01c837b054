import Foundation
import XCTest

/// `clean eval` as a user runs it, on a small data set made here.
extension CLITests {
    /// Two pages with gold (one whole, one with half of its gold text), one snippet-only page.
    private func makeDataSet() throws -> String {
        let root = NSTemporaryDirectory() + "clean-eval-\(UUID().uuidString)/news"
        for folder in ["html", "gold"] {
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        let pages = [
            "a": "<html><body><p>The whole story is here.</p></body></html>",
            "b": "<html><body><p>Half of it.</p></body></html>",
            "c": "<html><body><p>Kept passage.</p></body></html>",
        ]
        for (id, html) in pages { try html.write(toFile: "\(root)/html/\(id).html", atomically: true, encoding: .utf8) }
        try "The whole story is here.\n".write(toFile: root + "/gold/a.txt", atomically: true, encoding: .utf8)
        try "Half of it. The other half.\n".write(toFile: root + "/gold/b.txt", atomically: true, encoding: .utf8)
        try """
            {"id": "a", "url": "https://news.example/a", "type": "article"}
            {"id": "b", "url": "https://news.example/b", "type": "blog"}
            {"id": "c", "url": "https://news.example/c", "type": "article"}

            """.write(toFile: root + "/meta.jsonl", atomically: true, encoding: .utf8)
        try """
            {"id": "c", "with": ["KEPT  passage"], "without": ["Share this"]}

            """.write(toFile: root + "/snippets.jsonl", atomically: true, encoding: .utf8)
        return root
    }

    private func jsonObject(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], text)
    }

    func testEvalCleansAndScoresADataSet() throws {
        let set = try makeDataSet()
        let result = try run(["eval", set, "--jobs", "2"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("news: 3 documents cleaned"), result.stdout)
        // b: 3 of its 6 gold tokens, nothing else (P 1, R 0.5).
        XCTAssertTrue(result.stdout.contains("all                2   1.000   0.750   0.833"), result.stdout)
        XCTAssertTrue(result.stdout.contains("blog               1   1.000   0.500   0.667"), result.stdout)
        XCTAssertTrue(result.stdout.contains("snippets: P 1.000 R 1.000 F 1.000 (tp 1 fn 0 fp 0 tn 1)"), result.stdout)
        XCTAssertTrue(result.stdout.contains("  0.667  P 1.000  R 0.500  b"), result.stdout)
    }

    func testEvalJSONDoesNotDependOnJobsAndKeepsOutputs() throws {
        let set = try makeDataSet()
        let out = NSTemporaryDirectory() + "clean-eval-out-\(UUID().uuidString)"
        let one = try jsonObject(try run(["eval", set, "--json", "--jobs", "1", "--out", out]).stdout)
        let two = try jsonObject(try run(["eval", set, "--json", "--jobs", "2"]).stdout)
        for key in ["n", "p", "r", "f1"] { XCTAssertEqual(one[key] as? Double, two[key] as? Double, key) }
        XCTAssertEqual((one["docs"] as? [[String: Any]])?.map { $0["id"] as? String }, ["a", "b"])
        XCTAssertEqual(one["f1"] as? Double, (1 + 2.0 / 3.0) / 2)
        XCTAssertEqual(one["set"] as? String, "news")
        XCTAssertEqual(try String(contentsOfFile: out + "/a.txt", encoding: .utf8), "The whole story is here.\n")
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/c.txt"))
    }

    func testEvalWithCommentsCleansAsTheOption() throws {
        let root = NSTemporaryDirectory() + "clean-eval-\(UUID().uuidString)/blog"
        for folder in ["html", "gold"] {
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        let story = (1...5).map { "Paragraph \($0) of the post, long enough, with commas, to be read as the article's prose." }
        let comment = "A reader's comment on the post, with a comma, long enough to be a paragraph."
        let page = "<html><body><div class='entry'>" + story.map { "<p>\($0)</p>" }.joined() + "</div><div class='comments'><div class='comment'><p>\(comment)</p></div></div></body></html>"
        try page.write(toFile: root + "/html/p.html", atomically: true, encoding: .utf8)
        try (story + [comment]).joined(separator: "\n\n").write(toFile: root + "/gold/p.txt", atomically: true, encoding: .utf8)
        try "{\"id\": \"p\", \"type\": \"blog\"}\n".write(toFile: root + "/meta.jsonl", atomically: true, encoding: .utf8)
        let plain = try jsonObject(try run(["eval", root, "--json"]).stdout)
        let kept = try jsonObject(try run(["eval", root, "--json", "--comments"]).stdout)
        XCTAssertLessThan(try XCTUnwrap(plain["f1"] as? Double), 1)
        XCTAssertEqual(kept["f1"] as? Double, 1)
        XCTAssertEqual(try run(["eval", root, "--comments", "--update-levels", root + "/levels.json"]).status, 2, "levels are measured without --comments")
    }

    func testEvalScoresOutputsMadeElsewhere() throws {
        let set = try makeDataSet()
        let pred = NSTemporaryDirectory() + "clean-eval-pred-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: pred, withIntermediateDirectories: true)
        try "the WHOLE story is here".write(toFile: pred + "/a.txt", atomically: true, encoding: .utf8)
        try "Share this. Kept passage.".write(toFile: pred + "/c.txt", atomically: true, encoding: .utf8)
        let result = try run(["eval", "--gold", set + "/gold", "--pred", pred, "--snippets", set + "/snippets.jsonl", "--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let report = try jsonObject(result.stdout)
        // a perfect, b missing (empty output scores 0).
        XCTAssertEqual(report["f1"] as? Double, 0.5)
        XCTAssertNil(report["by_type"])
        let snippets = try XCTUnwrap(report["snippets"] as? [String: Any])
        XCTAssertEqual(snippets["fp"] as? Int, 1)
        XCTAssertEqual(snippets["f"] as? Double, 2.0 / 3.0)
    }

    func testEvalGuardsLevels() throws {
        let set = try makeDataSet()
        let levels = NSTemporaryDirectory() + "clean-levels-\(UUID().uuidString).json"
        XCTAssertEqual(try run(["eval", set, "--update-levels", levels]).status, 0)
        let written = try jsonObject(try String(contentsOfFile: levels, encoding: .utf8))
        XCTAssertEqual((written["sets"] as? [String: [String: Double]])?["news"], ["f1": 0.8333, "snippet_f": 1])
        XCTAssertEqual(try run(["eval", set, "--levels", levels]).status, 0)

        // The gold now asks for more than the cleaner gives: below the level, exit 1.
        try "The whole story is here. And a second part that the page lacks.\n".write(toFile: set + "/gold/a.txt", atomically: true, encoding: .utf8)
        let result = try run(["eval", set, "--levels", levels])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("news: F1 0."), result.stderr)
        XCTAssertTrue(result.stderr.contains("is below its level 0.8333"), result.stderr)
    }

    func testEvalReportsBadInputClearly() throws {
        XCTAssertEqual(try run(["eval"]).status, 2)
        XCTAssertEqual(try run(["eval", "--pred", "x"]).status, 2)
        let missing = try run(["eval", "/nonexistent/set"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("/nonexistent/set: no html/ or text/ folder"), missing.stderr)
        let set = try makeDataSet()
        try "{\"id\": \"a\", \"url\": ".write(toFile: set + "/meta.jsonl", atomically: true, encoding: .utf8)
        let broken = try run(["eval", set])
        XCTAssertEqual(broken.status, 2)
        XCTAssertTrue(broken.stderr.contains(set + "/meta.jsonl:1: not a valid entry"), broken.stderr)
    }
}
