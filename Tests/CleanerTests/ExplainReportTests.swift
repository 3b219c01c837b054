import Foundation
import XCTest

@testable import Cleaner

/// `--explain` in order and counted, and the HTML report built on it.
final class ExplainReportTests: XCTestCase {
    private let site = CleanOptions(url: "https://site.test/story", explain: true)

    private func page(_ body: String) -> String {
        "<!DOCTYPE html><html><head><title>T</title></head><body>\(body)</body></html>"
    }

    /// One line per entry: `kind text` for kept, `kind -text (group)` for removed.
    private func listing(_ result: CleanResult) -> [String] {
        ExplainEntry.entries(of: result.document).map { entry in
            let kind: String
            switch entry.origin {
            case .markup: kind = "markup"
            case .block(let block): kind = block == .paragraph ? "p" : "\(block)"
            }
            return kind + " " + entry.lines.map { line in
                line.removedBy.map { "-\(line.text) (\($0.group))" } ?? line.text
            }.joined(separator: " / ")
        }
    }

    func testRemovedMarkupIsShownWhereItWasInThePage() throws {
        let html = page("""
            <div class='promo'>Subscribe now</div>
            <article><p>First.</p><figure><img src='a.png'><figcaption>A photo. Photo: Jane Doe</figcaption></figure>
            <p>Second <span class='share-buttons'>Share this</span> continues.</p><aside>Most read</aside><p>Third.</p></article>
            <footer>Footer</footer>
            """)
        // Outside the article (`body`), the promo box comes before its first block and the footer after its last.
        let rules = "body: //article\nstrip(legal): //footer\nstrip(caption): //figure\nstrip_id_or_class(sponsored): promo\n"
        let result = try clean(html, rules: ["site.test": rules], builtin: true, options: site)
        XCTAssertEqual(listing(result), [
            "markup -Subscribe now (sponsored)",
            "p First.",
            "markup -A photo. Photo: Jane Doe (caption)",
            "markup -Share this (social)",
            "p Second continues.",
            "markup -Most read (teaser)",
            "p Third.",
            "markup -Footer (legal)",
        ])
    }

    func testAnEarlierRemovalInsideALaterOneKeepsItsPlace() throws {
        let html = page("<p>One.</p><div class='box'><figure><figcaption>Caption</figcaption></figure><p>Box text.</p></div><p>Two.</p>")
        let rules = "strip(caption): //figcaption\nstrip_id_or_class(teaser): box\n"
        let result = try clean(html, rules: ["site.test": rules], options: site)
        XCTAssertEqual(listing(result), ["p One.", "markup -Caption (caption)", "markup -Box text. (teaser)", "p Two."])
    }

    /// Explaining must not change what is cleaned: every golden case comes out the same with it.
    func testExplainingChangesNoOutput() throws {
        let library = try RuleLibrary.builtin()
        for golden in try GoldenCase.all(in: Repository.path("golden")) {
            var caseLibrary = library
            if let rules = golden.rulesDirectory { try caseLibrary.addDirectory(rules) }
            let input = try XCTUnwrap(FileManager.default.contents(atPath: golden.inputPath))
            var options = golden.options
            let plain = Cleaner(library: caseLibrary).clean([UInt8](input), options: options).text
            options.explain = true
            let explained = Cleaner(library: caseLibrary).clean([UInt8](input), options: options)
            XCTAssertEqual(explained.text, plain, golden.name)
        }
        // Real pages, where the generic extraction runs after the rules' removals.
        guard let shared = Repository.shared else { return }
        let pages = shared + "/bench/scrapinghub/html"
        let cleaner = Cleaner(library: library)
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: pages)) ?? []).sorted().prefix(40) {
            let input = try XCTUnwrap(FileManager.default.contents(atPath: pages + "/" + name))
            let plain = cleaner.clean([UInt8](input)).text
            XCTAssertEqual(cleaner.clean([UInt8](input), options: CleanOptions(explain: true)).text, plain, name)
        }
    }

    func testTheSummaryCountsBlocksAndWordsPerGroup() throws {
        let text = "Story text here.\n\nLike us on Facebook\n\nMore story here.\n(AP Photo/Jon Chol Jin)\n\n© 2024 Example Media"
        let result = try clean(text, builtin: true, options: CleanOptions(explain: true))
        let summary = ExplainSummary(ExplainEntry.entries(of: result.document))
        XCTAssertEqual(summary.kept, .init(blocks: 2, words: 6))
        XCTAssertEqual(summary.removed["social"], .init(blocks: 1, words: 4))
        // A block with a kept line counts as kept; its removed line's words count as removed.
        XCTAssertEqual(summary.removed["caption"], .init(blocks: 0, words: 5))
        XCTAssertEqual(summary.removed["legal"], .init(blocks: 1, words: 3))
        XCTAssertEqual(summary.removedTotal, .init(blocks: 2, words: 12))
        XCTAssertEqual(summary.groups, ["caption", "social", "legal"])
    }

    func testTheHTMLReportIsOneSelfContainedPage() throws {
        let html = page("<div class='nav-links'><a href='/a'>Home</a> <a href='/b'>World</a> <a href='/c'>Sport</a></div><p>A <b>bold</b> &lt;claim&gt; in the story, long enough to stay.</p><figure><figcaption>Photo: Jane Doe</figcaption></figure>")
        let result = try clean(html, rules: ["site.test": "body: //body\nprune: yes\n"], builtin: true, options: site)
        let report = HTMLExplainWriter.page([(name: "page<1>.html", result: result)])
        XCTAssertTrue(report.hasPrefix("<!DOCTYPE html>"))
        for external in ["<script", "<link", "src=", "href=", "url(", "@import"] {
            XCTAssertFalse(report.contains(external), "the report must need nothing outside itself: \(external)")
        }
        XCTAssertTrue(report.contains("<h2>page&lt;1&gt;.html</h2>"), report)
        XCTAssertTrue(report.contains("<p class=\"line\">A bold &lt;claim&gt; in the story, long enough to stay.</p>"), report)
        XCTAssertTrue(report.contains("<del>Photo: Jane Doe</del><span class=\"why\">caption · Rules/global.txt:"), report)
        // A heuristic removal: its own colour, its name and score, and a row of the summary.
        XCTAssertTrue(report.contains("class=\"line removed g-prune\"><del>Home World Sport</del><span class=\"why\">prune · link density · navigation</span>"), report)
        XCTAssertTrue(report.contains(".g-prune { background: "), report)
        XCTAssertTrue(report.contains("<span class=\"swatch g-prune\"></span>prune</th><td>1</td><td>3</td>"), report)
        XCTAssertTrue(report.contains("Kept 1 block (10 words); removed 2 blocks (6 words)."), report)
    }

    func testTheHTMLReportWorksForTextInput() throws {
        let input = try String(contentsOfFile: Repository.path("golden/seed-003-chinatopix-masthead/input.txt"), encoding: .utf8)
        let result = Cleaner(library: try RuleLibrary.builtin()).clean(input, options: CleanOptions(explain: true))
        let report = HTMLExplainWriter.page([(name: "seed-003", result: result)])
        XCTAssertTrue(report.contains("input: text · site: chinatopix.com"), report)
        XCTAssertTrue(report.contains("<del>CHINA TOPIX</del><span class=\"why\">navigation · Rules/chinatopix.com.txt:4 drop_line</span>"), report)
        XCTAssertTrue(report.contains("<del>Real Time Analytics</del><span class=\"why\">other · Rules/chinatopix.com.txt:8 drop_line</span>"), report)
    }
}
